import { strict as assert } from 'node:assert';
import { KrakenApiError } from '../../../src/core/client';
import { MarketOracle, signedRequest, startTestSim, T0, type TestSim } from './simTestKit';

/** sendorder over HTTP through the API client: every order type, partial fills and each rejection status. */

type Events = Array<{ type: string; amount?: number; price?: number; reason?: string; order?: { filled: number } }>;

describe('simulator: sendorder', () => {
  let t: TestSim;
  const oracle = new MarketOracle();
  beforeEach(async () => {
    t = await startTestSim();
  });
  afterEach(() => t.close());

  it('mkt walks the asks level by level (partial fills), reported as an ioc with a 1 % protective limit', async () => {
    const book = await t.client.orderbook('PF_XBTUSD');
    const [first, second] = book.asks;
    const size = Number((first[1] + second[1] / 2).toFixed(4));
    const s = await t.client.sendOrder({ orderType: 'mkt', symbol: 'PF_XBTUSD', side: 'buy', size });
    const events = s.orderEvents as Events;
    assert.equal(s.status, 'placed');
    assert.deepEqual(events.map((e) => [e.type, e.price, e.amount]), [['EXECUTION', first[0], first[1]], ['EXECUTION', second[0], Number((size - first[1]).toFixed(4))]]);
    const prior = (events[0] as unknown as { orderPriorExecution: { type: string; limitPrice: number } }).orderPriorExecution;
    assert.equal(prior.type, 'ioc');
    assert.equal(prior.limitPrice, Math.floor(oracle.mark('PF_XBTUSD', T0) * 1.01));
    const after = await t.client.orderbook('PF_XBTUSD');
    assert.equal(after.asks[0][0], second[0], 'the first level was consumed');
    assert.equal(after.asks[0][1], Number((second[1] - (size - first[1])).toFixed(4)));
    const positions = await t.client.openPositions();
    assert.deepEqual(positions.map((p) => [p.symbol, p.side, p.size]), [['PF_XBTUSD', 'long', size]]);
  });

  it('lmt below the market rests, shows in openorders and in the book', async () => {
    const bid = (await t.client.ticker('PF_ETHUSD')).bid!;
    const limitPrice = Number((bid - 5).toFixed(1));
    const s = await t.client.sendOrder({ orderType: 'lmt', symbol: 'pf_ethusd', side: 'buy', size: 1.5, limitPrice, cliOrdId: 'rest-1' });
    assert.equal(s.status, 'placed');
    assert.deepEqual((s.orderEvents as Events).map((e) => e.type), ['PLACE']);
    const open = await t.client.openOrders();
    assert.equal(open.length, 1);
    assert.deepEqual([open[0].symbol, open[0].status, open[0].unfilledSize, open[0].filledSize, open[0].cliOrdId], ['PF_ETHUSD', 'untouched', 1.5, 0, 'rest-1']);
    const book = await t.client.orderbook('PF_ETHUSD');
    const level = book.bids.find(([p]) => p === limitPrice);
    assert.ok(level && level[1] >= 1.5, 'own order is in the public book');
  });

  it('lmt through the asks takes what is inside its limit and rests the remainder (partiallyFilled)', async () => {
    const book = await t.client.orderbook('PF_SOLUSD');
    const limitPrice = book.asks[1][0];
    const inside = book.asks[0][1] + book.asks[1][1];
    const size = Number((inside + 3).toFixed(2));
    const s = await t.client.sendOrder({ orderType: 'lmt', symbol: 'PF_SOLUSD', side: 'buy', size, limitPrice });
    const events = s.orderEvents as Events;
    assert.deepEqual(events.map((e) => e.type), ['PLACE', 'EXECUTION', 'EXECUTION']);
    const open = await t.client.openOrders();
    assert.equal(open[0].status, 'partiallyFilled');
    assert.equal(open[0].filledSize, Number(inside.toFixed(2)));
    assert.equal(open[0].unfilledSize, 3);
    const after = await t.client.orderbook('PF_SOLUSD');
    assert.equal(after.bids[0][0], limitPrice, 'the remainder is now the best bid');
    assert.ok(after.bids[0][0] < after.asks[0][0], 'the book is not crossed');
  });

  it('post that would cross is rejected with postWouldExecute; ioc that cannot fill with iocWouldNotExecute', async () => {
    const { bid, ask } = await t.client.ticker('PF_XBTUSD');
    const post = await t.client.sendOrder({ orderType: 'post', symbol: 'PF_XBTUSD', side: 'buy', size: 0.01, limitPrice: ask! });
    assert.equal(post.status, 'postWouldExecute');
    assert.deepEqual((post.orderEvents as Events).map((e) => [e.type, e.reason]), [['REJECT', 'POST_WOULD_EXECUTE']]);
    const ioc = await t.client.sendOrder({ orderType: 'ioc', symbol: 'PF_XBTUSD', side: 'buy', size: 0.01, limitPrice: bid! });
    assert.equal(ioc.status, 'iocWouldNotExecute');
    assert.equal((ioc.orderEvents as Events)[0].reason, 'IOC_WOULD_NOT_EXECUTE');
    const resting = await t.client.sendOrder({ orderType: 'post', symbol: 'PF_XBTUSD', side: 'buy', size: 0.01, limitPrice: bid! });
    assert.equal(resting.status, 'placed');
    assert.equal((await t.client.openOrders()).length, 1);
  });

  it('ioc fills what it can and cancels the rest; fok fills all or nothing', async () => {
    const book = await t.client.orderbook('PF_LTCUSD');
    const [price, available] = book.asks[0];
    const ioc = await t.client.sendOrder({ orderType: 'ioc', symbol: 'PF_LTCUSD', side: 'buy', size: Number((available + 50).toFixed(1)), limitPrice: price });
    assert.equal(ioc.status, 'placed');
    assert.deepEqual((ioc.orderEvents as Events).map((e) => e.amount), [available]);
    assert.equal((await t.client.openOrders()).length, 0, 'the ioc remainder does not rest');
    const bids = (await t.client.orderbook('PF_LTCUSD')).bids;
    const fokTooBig = await t.client.sendOrder({ orderType: 'fok', symbol: 'PF_LTCUSD', side: 'sell', size: Number((bids[0][1] + 1).toFixed(1)), limitPrice: bids[0][0] });
    assert.equal(fokTooBig.status, 'iocWouldNotExecute');
    const fok = await t.client.sendOrder({ orderType: 'fok', symbol: 'PF_LTCUSD', side: 'sell', size: bids[0][1], limitPrice: bids[0][0] });
    assert.deepEqual((fok.orderEvents as Events).map((e) => e.amount), [bids[0][1]]);
  });

  it('rejects with Kraken’s statuses: invalidSize, invalidPrice, outsidePriceCollar, insufficientAvailableFunds, maxPositionViolation', async () => {
    const mark = oracle.mark('PF_XBTUSD', T0);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ size: 0.00001, limitPrice: 50000 }, 'invalidSize'],
      [{ size: 0, limitPrice: 50000 }, 'invalidSize'],
      [{ size: 0.01, limitPrice: 50000.5 }, 'invalidPrice'],
      [{ size: 0.01, limitPrice: 0 }, 'invalidPrice'],
      [{ size: 0.01, limitPrice: Math.ceil(mark * 1.2) }, 'outsidePriceCollar'],
      [{ size: 50, limitPrice: 50000 }, 'insufficientAvailableFunds'],
      [{ size: 2_000_000, limitPrice: 50000 }, 'maxPositionViolation'],
    ];
    for (const [fields, status] of cases) {
      const s = await t.client.sendOrder({ orderType: 'lmt', symbol: 'PF_XBTUSD', side: 'buy', ...fields } as never, { skipParamValidation: true });
      assert.equal(s.status, status, JSON.stringify(fields));
      assert.equal(s.order_id, undefined);
    }
    assert.equal((await t.client.openOrders()).length, 0);
  });

  it('cliOrdId: unique among open orders, at most 100 characters', async () => {
    const order = { orderType: 'lmt', symbol: 'PF_XBTUSD', side: 'buy', size: 0.01, limitPrice: 60000 } as const;
    assert.equal((await t.client.sendOrder({ ...order, cliOrdId: 'dup' })).status, 'placed');
    assert.equal((await t.client.sendOrder({ ...order, cliOrdId: 'dup' })).status, 'clientOrderIdAlreadyExist');
    assert.equal((await t.client.sendOrder({ ...order, cliOrdId: 'x'.repeat(101) }, { skipParamValidation: true })).status, 'clientOrderIdTooBig');
  });

  it('reduceOnly: nothing to reduce is refused; a larger size is cut to the position (reducedQuantity)', async () => {
    const refused = await t.client.sendOrder({ orderType: 'mkt', symbol: 'PF_XBTUSD', side: 'sell', size: 0.01, reduceOnly: true });
    assert.equal(refused.status, 'wouldNotReducePosition');
    await t.client.sendOrder({ orderType: 'mkt', symbol: 'PF_XBTUSD', side: 'buy', size: 0.02 });
    const ask = (await t.client.ticker('PF_XBTUSD')).ask!;
    const reduce = await t.client.sendOrder({ orderType: 'lmt', symbol: 'PF_XBTUSD', side: 'sell', size: 0.05, limitPrice: ask + 100, reduceOnly: true });
    const place = (reduce.orderEvents as Array<{ type: string; reducedQuantity: number; order: { quantity: number } }>)[0];
    assert.deepEqual([place.type, place.order.quantity, place.reducedQuantity], ['PLACE', 0.02, 0.03]);
  });

  it('a taker order that would trade with the account’s own resting order is refused (selfFill)', async () => {
    const bid = (await t.client.ticker('PF_XBTUSD')).bid!;
    await t.client.sendOrder({ orderType: 'lmt', symbol: 'PF_XBTUSD', side: 'buy', size: 0.01, limitPrice: bid });
    const s = await t.client.sendOrder({ orderType: 'lmt', symbol: 'PF_XBTUSD', side: 'sell', size: 0.01, limitPrice: bid - 10 });
    assert.equal(s.status, 'selfFill');
  });

  it('an expired fixed-maturity contract is marketInactive; processBefore in the past is refused', async () => {
    const fixed = (await t.client.instruments()).find((i) => i.symbol.startsWith('FI_XBTUSD_'))!;
    const expiry = Date.parse(fixed.lastTradingTime!);
    const late = await t.client.sendOrder({ orderType: 'mkt', symbol: fixed.symbol, side: 'buy', size: 1, processBefore: new Date(T0 - 1000).toISOString() });
    assert.equal(late.status, 'wouldProcessAfterSpecifiedTime');
    t.clock.now = expiry + 1000;
    const s = await t.client.sendOrder({ orderType: 'mkt', symbol: fixed.symbol, side: 'buy', size: 1 });
    assert.equal(s.status, 'marketInactive');
    assert.ok(!(await t.client.instruments()).some((i) => i.symbol === fixed.symbol), 'expired contracts are listed only with expired=true');
  });

  it('argument errors are top-level Kraken errors: missing limitPrice, wrong type, unknown symbol', async () => {
    const path = '/derivatives/api/v3/sendorder';
    const cases: Array<[string, string]> = [
      ['orderType=lmt&symbol=PF_XBTUSD&side=buy&size=1', 'requiredArgumentMissing'],
      ['orderType=lmt&symbol=PF_XBTUSD&side=buy&size=abc&limitPrice=1', 'invalidArgument: size'],
      ['orderType=lmt&symbol=PF_XBTUSD&side=BUY&size=1&limitPrice=1', 'invalidArgument: side'],
      ['orderType=market&symbol=PF_XBTUSD&side=buy&size=1', 'invalidArgument: orderType'],
      ['orderType=mkt&symbol=PF_NOPEUSD&side=buy&size=1', 'invalidArgument: symbol'],
      ['orderType=mkt&symbol=PF_XBTUSD&side=buy&size=1&reduceOnly=True', 'invalidArgument: reduceOnly'],
    ];
    for (const [body, error] of cases) {
      const r = await signedRequest(t.sim, 'POST', path, body);
      assert.deepEqual([r.status, r.json.result, r.json.error], [200, 'error', error], body);
    }
    await assert.rejects(t.client.sendOrder({ orderType: 'mkt', symbol: 'PF_NOPEUSD', side: 'buy', size: 1 }), (e: unknown) => e instanceof KrakenApiError && e.krakenError === 'invalidArgument: symbol');
  });

  it('symbols are case-insensitive everywhere', async () => {
    const s = await t.client.sendOrder({ orderType: 'mkt', symbol: 'pf_xbtusd', side: 'buy', size: 0.001 });
    assert.equal(s.status, 'placed');
    const fills = await t.client.fills();
    assert.equal(fills[0].symbol, 'PF_XBTUSD');
    assert.equal((await t.client.ticker('Pf_XbTuSd')).symbol, 'PF_XBTUSD');
  });
});
