import { strict as assert } from 'node:assert';
import {
  allEndpoints,
  catalog,
  endpointById,
  findEndpoint,
  methodsAt,
  paramMapOf,
  parseParamString,
  buildParamString,
} from '../../../src/core/catalog';

/** Every REST endpoint of reference §4, as method + exact path. */
const REFERENCE_ENDPOINTS: Array<[string, string]> = [
  ['GET', '/derivatives/api/v3/instruments'],
  ['GET', '/derivatives/api/v3/instruments/status'],
  ['GET', '/derivatives/api/v3/instruments/{symbol}/status'],
  ['GET', '/derivatives/api/v3/tickers'],
  ['GET', '/derivatives/api/v3/tickers/{symbol}'],
  ['GET', '/derivatives/api/v3/orderbook'],
  ['GET', '/derivatives/api/v3/history'],
  ['GET', '/derivatives/api/v4/historicalfundingrates'],
  ['GET', '/derivatives/api/v3/accounts'],
  ['GET', '/derivatives/api/v3/openpositions'],
  ['GET', '/derivatives/api/v3/openorders'],
  ['GET', '/derivatives/api/v3/fills'],
  ['GET', '/derivatives/api/v3/notifications'],
  ['GET', '/derivatives/api/v3/leveragepreferences'],
  ['PUT', '/derivatives/api/v3/leveragepreferences'],
  ['GET', '/derivatives/api/v3/pnlpreferences'],
  ['PUT', '/derivatives/api/v3/pnlpreferences'],
  ['POST', '/derivatives/api/v3/orders/status'],
  ['POST', '/derivatives/api/v3/sendorder'],
  ['POST', '/derivatives/api/v3/editorder'],
  ['POST', '/derivatives/api/v3/cancelorder'],
  ['POST', '/derivatives/api/v3/cancelallorders'],
  ['POST', '/derivatives/api/v3/cancelallordersafter'],
  ['POST', '/derivatives/api/v3/batchorder'],
  ['POST', '/derivatives/api/v3/transfer'],
  ['POST', '/derivatives/api/v3/transfer/subaccount'],
  ['POST', '/derivatives/api/v3/withdrawal'],
  ...['v2', 'v3'].flatMap((v): Array<[string, string]> =>
    ['executions', 'orders', 'triggers', 'account-log', 'accountlogcsv', 'positions', 'market/{symbol}/executions', 'market/{symbol}/orders', 'market/{symbol}/price'].map(
      (p) => ['GET', `/api/history/${v}/${p}`],
    ),
  ),
  ['GET', '/api/charts/v1/{tick_type}/{symbol}/{resolution}'],
  ['GET', '/api/charts/v1'],
  ['GET', '/api/charts/v1/{tick_type}'],
  ['GET', '/api/charts/v1/{tick_type}/{symbol}'],
];

const cost = (id: string, query: string) => {
  const rate = endpointById(id)!.rate;
  return rate.dynamic ? rate.dynamic(paramMapOf(parseParamString(query))) : rate.cost;
};

describe('catalog', () => {
  it('describes exactly the endpoints of the reference, with unique ids and method+path pairs', () => {
    const described = allEndpoints().map((e) => `${e.method} ${e.path}`).sort();
    assert.deepEqual(described, REFERENCE_ENDPOINTS.map(([m, p]) => `${m} ${p}`).sort());
    const ids = allEndpoints().map((e) => e.id);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('has one derivatives family with the 2027 shutdown note', () => {
    assert.deepEqual(catalog.families.map((f) => f.id), ['derivatives']);
    assert.match(catalog.families[0].lifecycleNote ?? '', /1 March 2027/);
    assert.ok(allEndpoints().every((e) => e.family === 'derivatives'));
  });

  it('declares every path placeholder as a path parameter, and only those', () => {
    for (const e of allEndpoints()) {
      const placeholders = [...e.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      const pathParams = e.params.filter((p) => p.in === 'path').map((p) => p.name).sort();
      assert.deepEqual(pathParams, placeholders, e.id);
      assert.ok(e.summary.length > 10, e.id);
      for (const p of e.params) {
        assert.ok(p.doc.length > 5, `${e.id}.${p.name} has a doc line`);
        if (p.type === 'enum') assert.ok(p.values && p.values.length > 0, `${e.id}.${p.name} lists its values`);
      }
    }
  });

  it('marks order entry, transfers and preference setters as mutating private calls', () => {
    for (const id of ['sendorder', 'editorder', 'cancelorder', 'cancelallorders', 'cancelallordersafter', 'batchorder', 'transfer', 'withdrawal', 'leveragepreferences.set', 'pnlpreferences.set']) {
      const e = endpointById(id)!;
      assert.equal(e.mutating, true, id);
      assert.equal(e.auth, 'private', id);
    }
    assert.equal(endpointById('orders.status')!.mutating, false);
    assert.ok(allEndpoints().filter((e) => e.method === 'GET').every((e) => !e.mutating));
    assert.equal(endpointById('tickers')!.auth, 'public');
    assert.equal(endpointById('history.market.price')!.auth, 'public');
  });

  it('finds endpoints by method and concrete path, with path parameters', () => {
    assert.equal(findEndpoint('GET', '/derivatives/api/v3/tickers')?.endpoint.id, 'tickers');
    const one = findEndpoint('get', 'https://futures.kraken.com/derivatives/api/v3/tickers/pf_xbtusd?x=1');
    assert.equal(one?.endpoint.id, 'tickers.symbol');
    assert.deepEqual(one?.pathParams, { symbol: 'pf_xbtusd' });
    assert.equal(findEndpoint('GET', '/derivatives/api/v3/instruments/status')?.endpoint.id, 'instruments.status');
    assert.deepEqual(findEndpoint('GET', '/derivatives/api/v3/instruments/PF_XBTUSD/status')?.pathParams, { symbol: 'PF_XBTUSD' });
    assert.equal(findEndpoint('PUT', '/derivatives/api/v3/leveragepreferences')?.endpoint.id, 'leveragepreferences.set');
    assert.equal(findEndpoint('GET', '/derivatives/api/v3/leveragepreferences/')?.endpoint.id, 'leveragepreferences');
    assert.equal(findEndpoint('POST', '/derivatives/api/v3/orders/status')?.endpoint.id, 'orders.status');
    assert.equal(findEndpoint('GET', '/derivatives/api/v3/sendorder'), undefined);
    assert.deepEqual(methodsAt('/derivatives/api/v3/sendorder'), ['POST']);
    assert.equal(findEndpoint('GET', 'http://'), undefined);
  });

  it('matches history v2 and v3 paths, the v2 entry pointing at its v3 twin', () => {
    const v3 = findEndpoint('GET', '/api/history/v3/account-log?count=500')!;
    const v2 = findEndpoint('GET', '/api/history/v2/account-log')!;
    assert.equal(v3.endpoint.id, 'history.accountlog');
    assert.equal(v2.endpoint.aliasOf, 'history.accountlog');
    assert.equal(findEndpoint('GET', '/api/history/v2/executions')?.endpoint.aliasOf, 'history.executions');
    assert.deepEqual(findEndpoint('GET', '/api/history/v3/market/PF_XBTUSD/executions')?.pathParams, { symbol: 'PF_XBTUSD' });
  });

  it('matches chart candles and the listing endpoints', () => {
    assert.deepEqual(findEndpoint('GET', '/api/charts/v1/trade/PF_XBTUSD/1h')?.pathParams, { tick_type: 'trade', symbol: 'PF_XBTUSD', resolution: '1h' });
    assert.equal(findEndpoint('GET', '/api/charts/v1/')?.endpoint.id, 'charts.tickTypes');
    assert.equal(findEndpoint('GET', '/api/charts/v1/mark')?.endpoint.id, 'charts.symbols');
    assert.equal(findEndpoint('GET', '/api/charts/v1/mark/PF_XBTUSD')?.endpoint.id, 'charts.resolutions');
  });

  it('computes the documented rate costs, including dynamic ones', () => {
    assert.equal(cost('sendorder', ''), 10);
    assert.equal(cost('accounts', ''), 2);
    assert.equal(cost('cancelallorders', ''), 25);
    assert.equal(cost('orders.status', ''), 1);
    assert.equal(cost('tickers', ''), 0);
    assert.equal(endpointById('tickers')!.rate.pool, 'none');
    assert.equal(cost('fills', ''), 2);
    assert.equal(cost('fills', 'lastFillTime=2024-02-20T00%3A00%3A00.000Z'), 25);
    const batch = { batchOrder: Array.from({ length: 10 }, (_, i) => ({ order: 'cancel', order_id: String(i) })) };
    assert.equal(cost('batchorder', buildParamString({ json: JSON.stringify(batch) })), 19);
    assert.equal(cost('batchorder', 'json=%7Bbroken'), 9);
    assert.equal(endpointById('history.accountlog')!.rate.pool, 'history');
    assert.deepEqual(['count=25', 'count=26', 'count=50', 'count=1000', 'count=1001', 'count=5000', 'count=5001', ''].map((q) => cost('history.accountlog', q)), [1, 2, 2, 3, 6, 6, 10, 3]);
    assert.equal(cost('history.executions', ''), 1);
    assert.equal(cost('history.v2.accountlogcsv', ''), 6);
    assert.equal(cost('withdrawal', ''), 100);
  });
});
