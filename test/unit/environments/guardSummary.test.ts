import { strict as assert } from 'node:assert';
import { endpointById, type EndpointSpec } from '../../../src/core/catalog';
import type { OpenOrder } from '../../../src/core/catalog';
import { findOpenOrder, notionalLine, orderToLookUp, summarizeGuardedRequest, symbolsToPrice } from '../../../src/extension/environments/guardSummary';

function spec(id: string): EndpointSpec {
  const endpoint = endpointById(id);
  assert.ok(endpoint, id);
  return endpoint;
}

const MARKS = new Map([['PF_XBTUSD', 65_000], ['PI_XBTUSD', 50_000], ['PF_ETHUSD', 2_500]]);

describe('environments: live guard summary', () => {
  it('says what an order does, with the notional at the mark price (linear: size x mark)', () => {
    const summary = summarizeGuardedRequest(spec('sendorder'), [['orderType', 'lmt'], ['symbol', 'pf_xbtusd'], ['side', 'sell'], ['size', '0.5'], ['limitPrice', '66000.5'], ['reduceOnly', 'true']], MARKS);
    assert.equal(summary.headline, 'SELL 0.5 PF_XBTUSD at limit 66,000.5 (limit)');
    assert.deepEqual(summary.details, ['Notional ≈ 32,500 USD at mark price 65,000.', 'Reduce-only: it can only shrink an open position.']);
  });

  it('inverse contracts are 1-USD contracts: the notional is the size in USD and size / mark in coin', () => {
    assert.equal(notionalLine('PI_XBTUSD', '10000', MARKS), 'Notional ≈ 10,000 USD ≈ 0.2 XBT at mark price 50,000.');
  });

  it('market and stop orders name their kind; a missing mark price is said, not guessed', () => {
    const market = summarizeGuardedRequest(spec('sendorder'), [['orderType', 'mkt'], ['symbol', 'PF_SOLUSD'], ['side', 'buy'], ['size', '3']], MARKS);
    assert.equal(market.headline, 'BUY 3 PF_SOLUSD at market (market)');
    assert.equal(market.details[0], 'Notional unknown: no mark price for PF_SOLUSD could be fetched.');
    const stop = summarizeGuardedRequest(spec('sendorder'), [['orderType', 'stp'], ['symbol', 'PF_XBTUSD'], ['side', 'sell'], ['size', '1'], ['stopPrice', '60000']], MARKS);
    assert.equal(stop.headline, 'SELL 1 PF_XBTUSD, triggered at 60,000 (stop)');
  });

  it('words every other state-changing endpoint', () => {
    const cases: Array<[string, Array<[string, string]>, string]> = [
      ['editorder', [['orderId', 'abc'], ['size', '2'], ['limitPrice', '100']], 'Edit order abc: size → 2, limit price → 100'],
      ['cancelorder', [['cliOrdId', 'my-1']], 'Cancel order my-1'],
      ['cancelallorders', [], 'Cancel EVERY open order on every contract'],
      ['cancelallorders', [['symbol', 'PF_XBTUSD']], 'Cancel every open order on PF_XBTUSD'],
      ['cancelallordersafter', [['timeout', '0']], "Disarm the dead man's switch"],
      ['transfer', [['fromAccount', 'cash'], ['toAccount', 'flex'], ['unit', 'xbt'], ['amount', '0.1']], 'Transfer 0.1 xbt from cash to flex'],
      ['transfer.subaccount', [['fromAccount', 'cash'], ['fromUser', 'a'], ['toAccount', 'flex'], ['toUser', 'b'], ['unit', 'usd'], ['amount', '5']], 'Transfer 5 usd from a/cash to b/flex'],
      ['withdrawal', [['currency', 'xbt'], ['amount', '1']], 'Withdraw 1 xbt to the Spot wallet'],
      ['leveragepreferences.set', [['symbol', 'PF_XBTUSD'], ['maxLeverage', '10']], 'Set the maximum leverage of PF_XBTUSD to 10 (isolated margin)'],
      ['leveragepreferences.set', [['symbol', 'PF_XBTUSD']], 'Remove the leverage preference of PF_XBTUSD (back to cross margin)'],
      ['pnlpreferences.set', [['symbol', 'PF_XBTUSD'], ['pnlPreference', 'XBT']], 'Settle profit and loss of PF_XBTUSD in XBT'],
    ];
    for (const [id, params, headline] of cases) assert.equal(summarizeGuardedRequest(spec(id), params, MARKS).headline, headline, id);
  });

  it('lists each batch instruction and prices each symbol once', () => {
    const json = JSON.stringify({ batchOrder: [
      { order: 'send', order_tag: '1', orderType: 'lmt', symbol: 'PF_ETHUSD', side: 'buy', size: 2, limitPrice: 2400 },
      { order: 'send', order_tag: '2', orderType: 'lmt', symbol: 'PF_ETHUSD', side: 'sell', size: 2, limitPrice: 2600 },
      { order: 'edit', order_id: 'o-1', limitPrice: 2450 },
      { order: 'cancel', cliOrdId: 'c-9' },
    ] });
    assert.deepEqual(symbolsToPrice(spec('batchorder'), [['json', json]]), ['PF_ETHUSD']);
    const summary = summarizeGuardedRequest(spec('batchorder'), [['json', json]], MARKS);
    assert.equal(summary.headline, 'Batch of 4 instructions');
    assert.deepEqual(summary.details, [
      '1. BUY 2 PF_ETHUSD at limit 2,400 (limit). Notional ≈ 5,000 USD at mark price 2,500.',
      '2. SELL 2 PF_ETHUSD at limit 2,600 (limit). Notional ≈ 5,000 USD at mark price 2,500.',
      '3. Edit order o-1: limit price → 2,450',
      '4. Cancel order c-9',
    ]);
    assert.match(summarizeGuardedRequest(spec('batchorder'), [['json', '{not json']], MARKS).headline, /cannot be read/);
  });

  describe('edits and cancels of an order found among the open orders', () => {
    const OPEN: OpenOrder = {
      order_id: 'o-7', cliOrdId: 'mine-7', status: 'untouched', side: 'buy', orderType: 'lmt', symbol: 'PF_XBTUSD',
      limitPrice: 64000, stopPrice: null, filledSize: 0, unfilledSize: 0.5, reduceOnly: false, receivedTime: '2026-11-27T18:00:00.000Z',
    };

    it('names the order to look up by order id or client order id, only for edits and cancels', () => {
      assert.deepEqual(orderToLookUp(spec('editorder'), [['orderId', 'o-7'], ['size', '1']]), { orderId: 'o-7' });
      assert.deepEqual(orderToLookUp(spec('cancelorder'), [['cliOrdId', 'mine-7']]), { cliOrdId: 'mine-7' });
      assert.equal(orderToLookUp(spec('cancelorder'), []), undefined);
      assert.equal(orderToLookUp(spec('sendorder'), [['symbol', 'PF_XBTUSD']]), undefined);
      const other = { ...OPEN, order_id: 'o-8', cliOrdId: 'mine-8' };
      assert.equal(findOpenOrder([other, OPEN], { orderId: 'o-7' }), OPEN);
      assert.equal(findOpenOrder([other, OPEN], { cliOrdId: 'mine-8' }), other);
      assert.equal(findOpenOrder([other], { orderId: 'o-7' }), undefined);
    });

    it('a cancel says what is cancelled: symbol, side, size, price and notional at mark', () => {
      const summary = summarizeGuardedRequest(spec('cancelorder'), [['order_id', 'o-7']], MARKS, OPEN);
      assert.equal(summary.headline, 'Cancel order o-7: BUY 0.5 PF_XBTUSD at limit 64,000 (limit)');
      assert.deepEqual(summary.details, ['Notional ≈ 32,500 USD at mark price 65,000.']);
    });

    it('an edit shows each old → new value and the notional after the edit', () => {
      const summary = summarizeGuardedRequest(spec('editorder'), [['orderId', 'o-7'], ['size', '1'], ['limitPrice', '64500']], MARKS, OPEN);
      assert.equal(summary.headline, 'Edit order o-7 (BUY 0.5 PF_XBTUSD at limit 64,000 (limit)): size 0.5 → 1, limit price 64,000 → 64,500');
      assert.deepEqual(summary.details, ['Notional after the edit ≈ 65,000 USD at mark price 65,000.']);
      const priceOnly = summarizeGuardedRequest(spec('editorder'), [['orderId', 'o-7'], ['limitPrice', '63000']], MARKS, OPEN);
      assert.deepEqual(priceOnly.details, ['Notional after the edit ≈ 32,500 USD at mark price 65,000.'], 'the size stays the open size');
      const stop = summarizeGuardedRequest(spec('editorder'), [['orderId', 'o-9'], ['stopPrice', '59000']], MARKS, { ...OPEN, order_id: 'o-9', side: 'sell', orderType: 'stp', limitPrice: null, stopPrice: 60000 });
      assert.equal(stop.headline, 'Edit order o-9 (SELL 0.5 PF_XBTUSD, triggered at 60,000 (stop)): stop price 60,000 → 59,000');
    });

    it('without the open order (not found, or the read failed) it falls back to the id and says so', () => {
      const cancel = summarizeGuardedRequest(spec('cancelorder'), [['order_id', 'o-7']], MARKS);
      assert.equal(cancel.headline, 'Cancel order o-7');
      assert.match(cancel.details[0], /not found among the open orders/);
      const edit = summarizeGuardedRequest(spec('editorder'), [['orderId', 'o-7'], ['size', '1']], MARKS);
      assert.equal(edit.headline, 'Edit order o-7: size → 1');
    });
  });
});
