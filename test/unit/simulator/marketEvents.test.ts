import { strict as assert } from 'node:assert';
import { MarketOracle, startTestSim, T0, type TestSim } from './simTestKit';

/**
 * What happens as the simulated market moves: resting orders fill as makers, stops and take-profits
 * trigger, trailing stops follow the price. The oracle looks ahead on the deterministic price path
 * and the test jumps the clock there.
 */

const DAY = 86_400_000;

describe('simulator: market-driven events', () => {
  let t: TestSim;
  const oracle = new MarketOracle();
  const symbol = 'PF_XBTUSD';
  beforeEach(async () => {
    t = await startTestSim();
  });
  afterEach(() => t.close());

  it('a resting buy fills as a maker at its own limit when the asks come down to it', async () => {
    const limitPrice = oracle.best(symbol, 'bid', T0) - 20;
    const placed = await t.client.sendOrder({ orderType: 'lmt', symbol, side: 'buy', size: 0.05, limitPrice, cliOrdId: 'maker' });
    const when = oracle.firstTime(T0, DAY, (at) => oracle.best(symbol, 'ask', at) <= limitPrice);
    t.clock.now = when - 1000;
    assert.equal((await t.client.openOrders()).length, 1, 'not yet');
    t.clock.now = when;
    const fills = await t.client.fills();
    assert.equal(fills.length >= 1, true);
    assert.ok(fills.every((f) => f.fillType === 'maker' && f.price === limitPrice && f.order_id === placed.order_id));
    const total = Number(fills.reduce((s, f) => s + f.size, 0).toFixed(4));
    const open = await t.client.openOrders();
    assert.equal(total + (open[0]?.filledSize === undefined ? 0 : open[0].unfilledSize), 0.05);
    const history = await t.client.payload<{ elements: Array<{ event: { Execution?: { execution: { executionType: string } } } }> }>('history.executions');
    assert.ok(history.elements.every((e) => e.event.Execution?.execution.executionType === 'maker'));
  });

  it('stp sell triggers when the mark falls to its stop and fills as a market order', async () => {
    await t.client.sendOrder({ orderType: 'mkt', symbol, side: 'buy', size: 0.02 });
    const stopPrice = Math.floor(oracle.mark(symbol, T0) * 0.998);
    const stop = await t.client.sendOrder({ orderType: 'stp', symbol, side: 'sell', size: 0.02, stopPrice, triggerSignal: 'mark', reduceOnly: true });
    assert.equal(stop.status, 'placed');
    assert.equal((stop.orderEvents as Array<{ orderTrigger: { triggerSide: string } }>)[0].orderTrigger.triggerSide, 'trigger_below');
    const when = oracle.firstTime(T0, 3 * DAY, (at) => oracle.mark(symbol, at) <= stopPrice);
    t.clock.now = when - 1000;
    assert.equal((await t.client.openOrders()).length, 1);
    t.clock.now = when;
    assert.equal((await t.client.openOrders()).length, 0);
    assert.equal((await t.client.openPositions()).length, 0, 'the stop closed the position');
    const triggers = await t.client.payload<{ elements: Array<{ event: Record<string, unknown> }> }>('history.triggers', { sort: 'asc' });
    assert.deepEqual(triggers.elements.map((e) => Object.keys(e.event)[0]), ['OrderTriggerPlaced', 'OrderTriggerActivated']);
  });

  it('take_profit with a limit: triggers above for a sell and rests as a limit order if not marketable', async () => {
    const mark = oracle.mark(symbol, T0);
    const stopPrice = Math.ceil(mark * 1.002);
    const tp = await t.client.sendOrder({ orderType: 'take_profit', symbol, side: 'sell', size: 0.01, stopPrice, limitPrice: stopPrice + 2000, triggerSignal: 'mark' });
    assert.equal(tp.status, 'placed');
    const when = oracle.firstTime(T0, 3 * DAY, (at) => oracle.mark(symbol, at) >= stopPrice);
    t.clock.now = when;
    const open = await t.client.openOrders();
    assert.deepEqual(open.map((o) => [o.orderType, o.limitPrice, o.order_id]), [['lmt', stopPrice + 2000, tp.order_id]]);
  });

  it('trailing_stop: the trigger follows the best price and fires on the pull-back', async () => {
    const unit = 'PERCENT';
    const deviation = 0.3;
    await t.client.sendOrder({ orderType: 'mkt', symbol, side: 'buy', size: 0.01 });
    const placed = await t.client.sendOrder({ orderType: 'trailing_stop', symbol, side: 'sell', size: 0.01, trailingStopMaxDeviation: deviation, trailingStopDeviationUnit: unit, triggerSignal: 'mark' });
    const initial = (await t.client.openOrders())[0].stopPrice!;
    assert.equal(initial, Math.floor(oracle.mark(symbol, T0) * (1 - deviation / 100)));
    const high = oracle.firstTime(T0, 3 * DAY, (at) => oracle.mark(symbol, at) > oracle.mark(symbol, T0) * 1.002);
    t.clock.now = high;
    const moved = (await t.client.openOrders())[0].stopPrice!;
    const expected = Math.floor(oracle.mark(symbol, high) * (1 - deviation / 100));
    assert.equal(moved, expected, 'the trigger moved up with the price');
    const fire = oracle.firstTime(high, 3 * DAY, (at) => oracle.mark(symbol, at) <= expected);
    t.clock.now = fire;
    assert.deepEqual(await t.client.openOrders(), []);
    const fills = await t.client.fills();
    assert.equal(fills[0].order_id, placed.order_id);
  });

  it('a trigger whose order would trade with the account’s own resting order fails to activate', async () => {
    const ask = oracle.best(symbol, 'ask', T0);
    const own = await t.client.sendOrder({ orderType: 'lmt', symbol, side: 'sell', size: 0.01, limitPrice: ask + 50 });
    const stop = await t.client.sendOrder({ orderType: 'stp', symbol, side: 'buy', size: 0.01, stopPrice: Math.floor(oracle.mark(symbol, T0) * 0.99), triggerSignal: 'mark' });
    t.clock.advance(1000);
    const [status] = await t.client.orderStatus({ orderIds: [stop.order_id!] });
    assert.deepEqual([status.status, status.updateReason], ['TRIGGER_ACTIVATION_FAILURE', 'SELF_FILL']);
    assert.deepEqual((await t.client.openOrders()).map((o) => o.order_id), [own.order_id]);
    assert.deepEqual(await t.client.fills(), []);
  });

  it('a stop already through its price triggers at the next tick; the trigger is cancelled if reduceOnly has nothing to reduce', async () => {
    const above = Math.ceil(oracle.mark(symbol, T0) * 1.05);
    await t.client.sendOrder({ orderType: 'stp', symbol, side: 'sell', size: 0.01, stopPrice: above, triggerSignal: 'mark', reduceOnly: true });
    t.clock.advance(1000);
    assert.deepEqual(await t.client.openOrders(), []);
    assert.deepEqual(await t.client.fills(), [], 'nothing to reduce, so nothing traded');
  });
});
