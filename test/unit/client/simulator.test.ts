import { strict as assert } from 'node:assert';
import { allEndpoints, fillTemplate, type EndpointSpec } from '../../../src/core/catalog';
import { KrakenApiError, KrakenFuturesClient, type ApiResponse } from '../../../src/core/client';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';

/** The client against the real simulator over real HTTP: signing, encoding and schemas end to end. */

describe('client against the simulator (real HTTP)', function () {
  let sim: RunningSimulator;
  let client: KrakenFuturesClient;

  before(async () => {
    sim = await startSimulator({ tickIntervalMs: 1000 });
    client = new KrakenFuturesClient({ baseUrl: sim.baseUrl, credentials: { apiKey: sim.apiKey, secret: sim.secret }, retry: { limit: 0, backoffMs: 1 } });
  });
  after(() => sim?.close());

  it('reads public market data through the schemas', async () => {
    const instruments = await client.instruments();
    assert.ok(instruments.some((i) => i.symbol === 'PF_XBTUSD'));
    const book = await client.orderbook('pf_xbtusd');
    assert.ok(book.bids.length > 0 && book.asks.length > 0);
    assert.ok(book.bids[0][0] < book.asks[0][0]);
    const ticker = await client.ticker('PF_XBTUSD');
    assert.equal(typeof ticker.markPrice, 'number');
    const tickers = await client.tickers(['PF_XBTUSD', 'PF_ETHUSD']);
    assert.deepEqual(tickers.map((t) => t.symbol).sort(), ['PF_ETHUSD', 'PF_XBTUSD']);
  });

  it('places, finds, edits and cancels an order whose cliOrdId has a space (signed as sent)', async () => {
    const { bid } = await client.ticker('PF_XBTUSD');
    const limitPrice = Math.floor((bid ?? 0) * 0.8);
    const sent = await client.sendOrder({ orderType: 'lmt', symbol: 'PF_XBTUSD', side: 'buy', size: 0.001, limitPrice, cliOrdId: 'my order 1' });
    assert.equal(sent.status, 'placed', JSON.stringify(sent));
    assert.ok(sent.order_id);
    const open = await client.openOrders();
    assert.ok(open.some((o) => o.order_id === sent.order_id && o.cliOrdId === 'my order 1'));
    const status = await client.orderStatus({ cliOrdIds: ['my order 1'] });
    assert.equal(status[0]?.order.orderId, sent.order_id);
    const edited = await client.editOrder({ orderId: sent.order_id! }, { limitPrice: limitPrice - 1 });
    assert.equal(edited.status, 'edited', JSON.stringify(edited));
    const cancelled = await client.cancelOrder({ cliOrdId: 'my order 1' });
    assert.equal(cancelled.status, 'cancelled');
  });

  it('sends a batch in the json= field and arms/disarms the dead man’s switch', async () => {
    const { bid } = await client.ticker('PF_ETHUSD');
    const statuses = await client.batchOrder([
      { order: 'send', order_tag: 'a', orderType: 'lmt', symbol: 'PF_ETHUSD', side: 'buy', size: 0.01, limitPrice: Math.floor((bid ?? 0) * 0.7), cliOrdId: 'batch & 100% "json"' },
      { order: 'cancel', cliOrdId: 'batch & 100% "json"' },
    ]);
    assert.deepEqual(statuses.map((s) => s.status), ['placed', 'cancelled']);
    const armed = await client.cancelAllOrdersAfter(60);
    assert.notEqual(armed.triggerTime, '0');
    assert.equal((await client.cancelAllOrdersAfter(0)).triggerTime, '0');
    assert.ok(['cancelled', 'noOrdersToCancel'].includes((await client.cancelAllOrders()).status));
  });

  it('fills a market order and reads positions, fills and accounts', async () => {
    const sent = await client.sendOrder({ orderType: 'mkt', symbol: 'PF_XBTUSD', side: 'buy', size: 0.001 });
    assert.equal(sent.status, 'placed', JSON.stringify(sent));
    assert.ok((await client.openPositions()).some((p) => p.symbol === 'PF_XBTUSD' && p.side === 'long'));
    assert.ok((await client.fills()).some((f) => f.order_id === sent.order_id));
    assert.ok((await client.accounts()).flex);
  });

  it('gets a schema-valid success answer from every readable catalog endpoint, v2 and v3 history alike', async () => {
    const values: Record<string, string> = { symbol: 'PF_XBTUSD', tick_type: 'trade', resolution: '1h' };
    const reads = allEndpoints().filter((e) => e.method === 'GET');
    const failures: string[] = [];
    for (const endpoint of reads) {
      const params = Object.fromEntries(endpoint.params.filter((p) => p.required && p.in !== 'path').map((p) => [p.name, values[p.name] ?? '']));
      const pathParams = Object.fromEntries(endpoint.params.filter((p) => p.in === 'path').map((p) => [p.name, values[p.name]]));
      let answer: ApiResponse;
      try {
        answer = await client.call(endpoint, { ...params, ...pathParams });
      } catch (error) {
        failures.push(`${label(endpoint, pathParams)}: ${(error as Error).message}`);
        continue;
      }
      if (answer.validation && !answer.validation.ok) failures.push(`${label(endpoint, pathParams)}: ${answer.validation.problems.join('; ')}`);
    }
    assert.deepEqual(failures, []);
  });

  it('is answered authenticationError when the secret is wrong', async () => {
    const wrong = new KrakenFuturesClient({ baseUrl: sim.baseUrl, credentials: { apiKey: sim.apiKey, secret: Buffer.alloc(64, 7).toString('base64') } });
    await assert.rejects(wrong.accounts(), (e: unknown) => e instanceof KrakenApiError && e.krakenError === 'authenticationError');
  });

  it('raw() sends a hand-built string that the simulator verifies', async () => {
    const answer = await client.raw('GET', '/derivatives/api/v3/fills', 'lastFillTime=2030-01-01T00%3A00%3A00.000Z');
    assert.equal(answer.problem, undefined, answer.rawText);
    assert.equal(answer.validation?.ok, true);
  });
});

function label(endpoint: EndpointSpec, pathParams: Record<string, string>): string {
  return `${endpoint.method} ${fillTemplate(endpoint.path, pathParams)}`;
}
