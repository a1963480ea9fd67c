import { strict as assert } from 'node:assert';
import { allEndpoints, type EndpointSpec } from '../../../src/core/catalog';
import { KrakenApiError } from '../../../src/core/client';
import { HANDLERS } from '../../../src/simulator/handlers';
import { startTestSim, type TestSim } from './simTestKit';

/**
 * Every endpoint of the catalog is served, through the API client, and every answer with a
 * catalog schema passes it. The account first trades a little so the lists are not empty.
 */

const SAMPLE: Readonly<Record<string, Record<string, string | number | boolean>>> = {
  'instruments.status.symbol': { symbol: 'PF_XBTUSD' },
  'tickers.symbol': { symbol: 'pf_xbtusd' },
  orderbook: { symbol: 'PF_XBTUSD' },
  tradehistory: { symbol: 'PF_XBTUSD' },
  historicalfundingrates: { symbol: 'PF_XBTUSD' },
  'leveragepreferences.set': { symbol: 'PF_ETHUSD', maxLeverage: 10 },
  'pnlpreferences.set': { symbol: 'PF_ETHUSD', pnlPreference: 'USD' },
  'orders.status': { cliOrdIds: 'sweep-1' },
  sendorder: { orderType: 'lmt', symbol: 'PF_XBTUSD', side: 'buy', size: 0.001, limitPrice: 60000 },
  editorder: { cliOrdId: 'sweep-1', limitPrice: 60001 },
  cancelorder: { cliOrdId: 'sweep-1' },
  cancelallordersafter: { timeout: 0 },
  batchorder: { json: JSON.stringify({ batchOrder: [{ order: 'cancel', cliOrdId: 'none' }] }) },
  transfer: { fromAccount: 'flex', toAccount: 'cash', unit: 'usd', amount: 1 },
  'transfer.subaccount': { fromAccount: 'flex', fromUser: 'a', toAccount: 'flex', toUser: 'b', unit: 'usd', amount: 1 },
  withdrawal: { currency: 'usd', amount: 1 },
  'charts.candles': { tick_type: 'mark', symbol: 'PF_XBTUSD', resolution: '1h', count: 24 },
  'charts.symbols': { tick_type: 'trade' },
  'charts.resolutions': { tick_type: 'spot', symbol: 'PF_ETHUSD' },
};

/** What Kraken answers where the simulator has nothing to offer (one user, no Spot wallet). */
const EXPECTED_ERRORS: Readonly<Record<string, string>> = { 'transfer.subaccount': 'invalidAccount', withdrawal: 'Unavailable' };

function sampleFor(e: EndpointSpec): Record<string, string | number | boolean> {
  const id = e.aliasOf ?? e.id;
  if (SAMPLE[id]) return SAMPLE[id];
  return id.startsWith('history.market.') ? { symbol: 'PF_XBTUSD', count: 5 } : {};
}

describe('simulator: every catalog endpoint', () => {
  let t: TestSim;
  before(async () => {
    t = await startTestSim();
    await t.client.sendOrder({ orderType: 'mkt', symbol: 'PF_XBTUSD', side: 'buy', size: 0.01 });
    await t.client.sendOrder({ orderType: 'mkt', symbol: 'PI_XBTUSD', side: 'sell', size: 100 });
    await t.client.sendOrder({ orderType: 'stp', symbol: 'PF_XBTUSD', side: 'sell', size: 0.01, stopPrice: 50000 });
  });
  after(() => t.close());

  it('has a handler for every endpoint id (aliases through their primary)', () => {
    const missing = allEndpoints().filter((e) => !HANDLERS[e.id] && !(e.aliasOf && HANDLERS[e.aliasOf])).map((e) => e.id);
    assert.deepEqual(missing, []);
  });

  for (const endpoint of allEndpoints()) {
    it(`${endpoint.method} ${endpoint.path} (${endpoint.id})`, async () => {
      if (endpoint.id === 'editorder' || endpoint.id === 'cancelorder' || endpoint.id === 'orders.status') {
        await t.client.sendOrder({ orderType: 'lmt', symbol: 'PF_XBTUSD', side: 'buy', size: 0.001, limitPrice: 60000, cliOrdId: 'sweep-1' });
      }
      const expectedError = EXPECTED_ERRORS[endpoint.id];
      try {
        const answer = await t.client.call(endpoint, sampleFor(endpoint));
        assert.equal(expectedError, undefined, `expected ${expectedError}`);
        assert.equal(answer.status, 200);
        if (endpoint.response) assert.deepEqual(answer.validation?.problems ?? [], [], 'schema problems');
        if (endpoint.responseFormat === 'csv') assert.match(answer.rawText, /^id,date,info,/);
      } catch (error) {
        if (!(error instanceof KrakenApiError) || error.krakenError !== expectedError) throw error;
      }
    });
  }

  it('list endpoints are not empty after trading', async () => {
    const { client } = t;
    assert.ok((await client.fills()).length >= 2);
    assert.equal((await client.openPositions()).length, 2);
    for (const id of ['history.executions', 'history.orders', 'history.triggers', 'history.positions', 'history.v2.executions']) {
      const page = await client.payload<{ elements: unknown[] }>(id);
      assert.ok(page.elements.length > 0, id);
    }
    const candles = await client.payload<{ candles: Array<{ open: string; high: string; low: string; close: string }> }>('charts.candles', { tick_type: 'trade', symbol: 'PF_XBTUSD', resolution: '1m', count: 30 });
    assert.equal(candles.candles.length, 30);
    for (const c of candles.candles) assert.ok(Number(c.low) <= Math.min(Number(c.open), Number(c.close)) && Number(c.high) >= Math.max(Number(c.open), Number(c.close)));
  });

  it('history paging: count, sort and a continuation token that walks the whole list once', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await t.client.payload<{ elements: Array<{ uid: string }>; continuationToken?: string }>('history.orders', { count: 1, sort: 'asc', ...(token ? { continuation_token: token } : {}) });
      seen.push(...page.elements.map((e) => e.uid));
      token = page.continuationToken;
    } while (token);
    const all = await t.client.payload<{ elements: Array<{ uid: string }> }>('history.orders', { sort: 'asc' });
    assert.deepEqual(seen, all.elements.map((e) => e.uid));
    assert.equal(new Set(seen).size, seen.length);
  });
});
