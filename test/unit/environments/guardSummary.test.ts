import { strict as assert } from 'node:assert';
import { endpointById, type EndpointSpec } from '../../../src/core/catalog';
import { notionalLine, summarizeGuardedRequest, symbolsToPrice } from '../../../src/extension/environments/guardSummary';

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
});
