import * as assert from 'node:assert/strict';
import type { Accounts } from '../../../src/core/catalog';
import { availableMarginFor, estimateMargin, formatMoney, notionalOf, previewOrder, type OrderDraft } from '../../../src/core/orders';
import { xbtInverse, xbtLinear } from './orderFixtures';

const ACCOUNTS: Accounts = {
  cash: { type: 'cashAccount', balances: { xbt: 1 } },
  fi_xbtusd: { type: 'marginAccount', currency: 'xbt', balances: { xbt: 2 }, auxiliary: { af: 1.5, pv: 2, pnl: 0, usd: 0, funding: 0 } },
  flex: { type: 'multiCollateralMarginAccount', currencies: { USD: { quantity: 5000 } }, availableMargin: 4000 },
};

describe('notional, margin and the order preview', () => {
  it('values linear contracts in the quote currency and inverse ones in the coin', () => {
    assert.deepEqual(notionalOf(xbtLinear, 0.5, 90_000), { amount: 45_000, currency: 'USD' });
    assert.deepEqual(notionalOf(xbtInverse, 9_000, 90_000), { amount: 0.1, currency: 'XBT' });
    assert.equal(notionalOf(xbtLinear, 1, 0), undefined);
  });

  it('charges the rate of the tier the position reaches: by notional for linear, by contracts for inverse', () => {
    assert.equal(estimateMargin(xbtLinear, 1, 100_000)?.initialMargin.amount, 2_000);
    assert.equal(estimateMargin(xbtLinear, 10, 100_000)?.initialMargin.amount, 40_000, '1,000,000 USD notional is in the 4 % tier');
    assert.equal(estimateMargin(xbtLinear, 1, 100_000)?.maxLeverage, 50);
    const inverse = estimateMargin(xbtInverse, 600_000, 100_000);
    assert.equal(inverse?.initialMargin.currency, 'XBT');
    assert.ok(Math.abs((inverse?.initialMargin.amount ?? 0) - 0.24) < 1e-12, '6 XBT notional × 4 %');
  });

  it('finds the available margin in the flex account (linear) or the coin margin account (inverse)', () => {
    assert.deepEqual(availableMarginFor(xbtLinear, ACCOUNTS), { amount: 4000, currency: 'USD' });
    assert.deepEqual(availableMarginFor(xbtInverse, ACCOUNTS), { amount: 1.5, currency: 'XBT' });
    assert.equal(availableMarginFor(xbtInverse, { cash: { type: 'cashAccount', balances: { xbt: 1 } } }), undefined);
  });

  it('formats fiat with 2 decimals and coins with up to 8', () => {
    assert.equal(formatMoney({ amount: 45_000.456, currency: 'USD' }), '45,000.46 USD');
    assert.equal(formatMoney({ amount: 0.123456789, currency: 'XBT' }), '0.12345679 XBT');
  });

  describe('preview', () => {
    const order: OrderDraft = { symbol: 'PF_XBTUSD', side: 'buy', orderType: 'lmt', size: '0.5', limitPrice: '90000', reduceOnly: false };
    const local = { label: 'Local simulator', isLive: false };
    const row = (rows: readonly { label: string; value: string }[], label: string) => rows.find((r) => r.label === label)?.value ?? '';

    it('shows notional at the mark, margin against what is available, and the environment', () => {
      const preview = previewOrder(order, xbtLinear, { markPrice: 90_000, available: { amount: 4000, currency: 'USD' }, environment: local });
      assert.equal(preview.title, 'Buy 0.5 PF_XBTUSD, limit 90000');
      assert.equal(row(preview.rows, 'Notional'), '45,000 USD at mark 90,000');
      assert.match(row(preview.rows, 'Estimated margin'), /^900 USD initial \(up to 50× leverage\)/);
      assert.equal(row(preview.rows, 'Available margin'), '4,000 USD');
      assert.equal(row(preview.rows, 'Environment'), 'Local simulator');
      assert.deepEqual(preview.warnings, []);
    });

    it('warns when the margin exceeds what is available, and on live', () => {
      const preview = previewOrder({ ...order, size: '3' }, xbtLinear, {
        markPrice: 90_000, available: { amount: 4000, currency: 'USD' }, environment: { label: 'Live', isLive: true },
      });
      assert.equal(row(preview.rows, 'Environment'), 'Live (LIVE)');
      assert.ok(preview.warnings.some((w) => /LIVE environment/.test(w)));
      assert.ok(preview.warnings.some((w) => /insufficientAvailableFunds/.test(w)));
    });

    it('needs no margin for the part that reduces an opposite position', () => {
      const closing = previewOrder({ ...order, side: 'sell' }, xbtLinear, { markPrice: 90_000, position: { symbol: 'PF_XBTUSD', side: 'long', size: 1 }, environment: local });
      assert.match(row(closing.rows, 'Estimated margin'), /only reduce the long position/);
      const flipping = previewOrder({ ...order, side: 'sell', size: '1.5' }, xbtLinear, { markPrice: 90_000, position: { symbol: 'PF_XBTUSD', side: 'long', size: 1 }, environment: local });
      assert.match(row(flipping.rows, 'Estimated margin'), /^900 USD/);
    });

    it('warns about reduce-only without a position and a limit far through the mark', () => {
      const preview = previewOrder({ ...order, reduceOnly: true, limitPrice: '120000' }, xbtLinear, { markPrice: 90_000, environment: local });
      assert.ok(preview.warnings.some((w) => /wouldNotReducePosition/.test(w)));
      assert.ok(preview.warnings.some((w) => /33\.3 % through the mark.*outsidePriceCollar/.test(w)));
    });
  });
});
