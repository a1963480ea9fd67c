import { strict as assert } from 'node:assert';
import { signedRequest, startTestSim, type TestSim } from './simTestKit';

/** editorder, cancelorder, cancelallorders, batchorder and orders/status over HTTP. */

type Events = Array<{ type: string; amount?: number; old?: { limitPrice: number }; new?: { limitPrice: number; quantity: number } }>;

describe('simulator: amending orders', () => {
  let t: TestSim;
  let bid: number;
  beforeEach(async () => {
    t = await startTestSim();
    bid = (await t.client.ticker('PF_XBTUSD')).bid!;
  });
  afterEach(() => t.close());

  const rest = (cliOrdId: string, limitOffset = 500, size = 0.01) =>
    t.client.sendOrder({ orderType: 'lmt', symbol: 'PF_XBTUSD', side: 'buy', size, limitPrice: bid - limitOffset, cliOrdId });

  it('editorder changes price and size (RELATIVE sets the open remainder, ABSOLUTE the total)', async () => {
    const placed = await rest('e1');
    const edited = await t.client.editOrder({ orderId: placed.order_id! }, { limitPrice: bid - 400, size: 0.03 });
    assert.equal(edited.status, 'edited');
    const edit = (edited.orderEvents as Events)[0];
    assert.deepEqual([edit.type, edit.old!.limitPrice, edit.new!.limitPrice, edit.new!.quantity], ['EDIT', bid - 500, bid - 400, 0.03]);
    const absolute = await t.client.editOrder({ cliOrdId: 'e1' }, { size: 0.02, qtyMode: 'ABSOLUTE' });
    assert.equal(absolute.status, 'edited');
    const open = await t.client.openOrders();
    assert.deepEqual([open[0].limitPrice, open[0].unfilledSize], [bid - 400, 0.02]);
  });

  it('an edit that crosses the book trades at once as takerAfterEdit', async () => {
    const placed = await rest('e2');
    const ask = (await t.client.ticker('PF_XBTUSD')).ask!;
    const edited = await t.client.editOrder({ orderId: placed.order_id! }, { limitPrice: ask });
    assert.deepEqual((edited.orderEvents as Events).map((e) => e.type), ['EDIT', 'EXECUTION']);
    const fills = await t.client.fills();
    assert.deepEqual([fills[0].fillType, fills[0].price, fills[0].size], ['takerAfterEdit', ask, 0.01]);
  });

  it('editorder statuses: orderForEditNotFound, invalidPrice, invalidSize, orderForEditNotAStop, postWouldExecute', async () => {
    const placed = await rest('e3');
    const post = await t.client.sendOrder({ orderType: 'post', symbol: 'PF_XBTUSD', side: 'buy', size: 0.01, limitPrice: bid - 600 });
    const ask = (await t.client.ticker('PF_XBTUSD')).ask!;
    const id = { orderId: placed.order_id! };
    assert.equal((await t.client.editOrder({ orderId: 'e35d61dd-8a30-4d5f-a574-b5593ef0c050' }, { size: 1 })).status, 'orderForEditNotFound');
    assert.equal((await t.client.editOrder(id, { limitPrice: bid - 0.5 })).status, 'invalidPrice');
    assert.equal((await t.client.editOrder(id, { size: 0.00001 })).status, 'invalidSize');
    assert.equal((await t.client.editOrder(id, { stopPrice: bid })).status, 'orderForEditNotAStop');
    assert.equal((await t.client.editOrder({ orderId: post.order_id! }, { limitPrice: ask + 5 })).status, 'postWouldExecute');
  });

  it('cancelorder by order_id or cliOrdId; notFound afterwards; filled for a filled order', async () => {
    const a = await rest('c1');
    await rest('c2', 600);
    assert.equal((await t.client.cancelOrder({ orderId: a.order_id! })).status, 'cancelled');
    const byCli = await t.client.cancelOrder({ cliOrdId: 'c2' });
    assert.equal(byCli.status, 'cancelled');
    assert.equal((byCli.orderEvents as Events)[0].type, 'CANCEL');
    assert.equal((await t.client.cancelOrder({ orderId: a.order_id! })).status, 'notFound');
    const filled = await t.client.sendOrder({ orderType: 'mkt', symbol: 'PF_XBTUSD', side: 'buy', size: 0.001 });
    assert.equal((await t.client.cancelOrder({ orderId: filled.order_id! })).status, 'filled');
    assert.equal((await t.client.openOrders()).length, 0);
  });

  it('cancelallorders, for one symbol or all', async () => {
    await rest('a1');
    await rest('a2', 700);
    const eth = (await t.client.ticker('PF_ETHUSD')).bid!;
    await t.client.sendOrder({ orderType: 'lmt', symbol: 'PF_ETHUSD', side: 'buy', size: 0.1, limitPrice: Number((eth - 20).toFixed(1)) });
    await t.client.sendOrder({ orderType: 'stp', symbol: 'PF_ETHUSD', side: 'sell', size: 0.1, stopPrice: Number((eth * 0.8).toFixed(1)) });
    const some = await t.client.cancelAllOrders('pf_xbtusd');
    assert.deepEqual([some.status, some.cancelOnly, some.cancelledOrders?.length], ['cancelled', 'pf_xbtusd', 2]);
    assert.deepEqual((some.cancelledOrders ?? []).map((o) => o.cliOrdId).sort(), ['a1', 'a2']);
    const rest2 = await t.client.cancelAllOrders();
    assert.deepEqual([rest2.cancelOnly, rest2.cancelledOrders?.length], ['all', 2]);
    assert.equal((await t.client.cancelAllOrders()).status, 'noOrdersToCancel');
  });

  it('batchorder runs instructions in order; a later one may refer to an earlier one’s cliOrdId', async () => {
    const statuses = await t.client.batchOrder([
      { order: 'send', order_tag: '1', orderType: 'lmt', symbol: 'PF_XBTUSD', side: 'buy', size: 0.01, limitPrice: bid - 300, cliOrdId: 'b&1 "x"' },
      { order: 'send', order_tag: '2', orderType: 'lmt', symbol: 'PF_XBTUSD', side: 'buy', size: 0.02, limitPrice: bid - 350 },
      { order: 'edit', cliOrdId: 'b&1 "x"', limitPrice: bid - 310 },
      { order: 'cancel', cliOrdId: 'b&1 "x"' },
      { order: 'send', order_tag: '3', orderType: 'lmt', symbol: 'PF_XBTUSD', side: 'buy', size: 0.00001, limitPrice: bid - 300 },
    ] as never);
    assert.deepEqual(statuses.map((s) => s.status), ['placed', 'placed', 'edited', 'cancelled', 'invalidSize']);
    assert.deepEqual(statuses.map((s) => s.order_tag), ['1', '2', undefined, undefined, '3']);
    const open = await t.client.openOrders();
    assert.deepEqual(open.map((o) => o.unfilledSize), [0.02]);
  });

  it('batchorder errors: Json Parse Error, the json field missing, a malformed instruction', async () => {
    const path = '/derivatives/api/v3/batchorder';
    const repr = await signedRequest(t.sim, 'POST', path, `json=${encodeURIComponent("{'batchOrder': [{'order': 'send', 'reduceOnly': True}]}")}`);
    assert.equal(repr.json.error, 'Json Parse Error');
    const missing = await signedRequest(t.sim, 'POST', path, `batchOrder=${encodeURIComponent('[{"order":"send"}]')}`);
    assert.equal(missing.json.error, 'requiredArgumentMissing');
    const bad = await signedRequest(t.sim, 'POST', path, `json=${encodeURIComponent('{"batchOrder":[{"order":"send","orderType":"lmt"},{"order":"explode"},42]}')}`);
    assert.deepEqual(bad.json.batchStatus.map((s: { status: string }) => s.status), ['requiredArgumentMissing', 'invalidArgument: order', 'invalidArgument: batchOrder']);
  });

  it('orders/status: open orders, triggers, and orders closed in the last 5 seconds', async () => {
    const a = await rest('s1');
    const stop = await t.client.sendOrder({ orderType: 'stp', symbol: 'PF_XBTUSD', side: 'sell', size: 0.01, stopPrice: Math.floor(bid * 0.7), cliOrdId: 's2' });
    const both = await t.client.orderStatus({ orderIds: [a.order_id!], cliOrdIds: ['s2'] });
    assert.deepEqual(both.map((o) => o.status).sort(), ['ENTERED_BOOK', 'TRIGGER_PLACED']);
    assert.equal(both.find((o) => o.status === 'TRIGGER_PLACED')!.order.priceTriggerOptions!.triggerSide, 'TRIGGER_BELOW');
    await t.client.cancelOrder({ orderId: a.order_id! });
    t.clock.advance(4000);
    const recent = await t.client.orderStatus({ orderIds: [a.order_id!, stop.order_id!] });
    assert.deepEqual(recent.map((o) => [o.status, o.updateReason]).sort(), [['CANCELLED', 'CANCELLED_BY_USER'], ['TRIGGER_PLACED', 'NEW_USER_ORDER']]);
    t.clock.advance(2000);
    assert.deepEqual((await t.client.orderStatus({ orderIds: [a.order_id!] })).length, 0);
    const list = await signedRequest(t.sim, 'POST', '/derivatives/api/v3/orders/status', `orderIds=${encodeURIComponent(`['${a.order_id}']`)}`);
    assert.deepEqual([list.status, list.json.errors[0].message], [400, 'BAD_REQUEST: UUID string too large']);
  });
});
