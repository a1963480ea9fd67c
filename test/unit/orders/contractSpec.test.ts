import * as assert from 'node:assert/strict';
import { ContractBook, contractSpecOf } from '../../../src/core/orders';
import { FI_XBTUSD, PF_XBTUSD, PI_XBTUSD } from './orderFixtures';

describe('contract specs from /instruments', () => {
  it('reads a linear perpetual: grid, tiers by notional, base and quote', () => {
    const spec = contractSpecOf(PF_XBTUSD);
    assert.equal(spec.group, 'perpetualLinear');
    assert.equal(spec.settlement, 'linear');
    assert.equal(spec.sizeStep, 0.0001);
    assert.equal(spec.minimumSize, 0.0001);
    assert.equal(spec.tickSize, 1);
    assert.deepEqual([spec.base, spec.quote], ['XBT', 'USD']);
    assert.deepEqual(spec.marginTiers.map((t) => t.from), [0, 500_000]);
  });

  it('reads an inverse perpetual with whole-contract sizes', () => {
    const spec = contractSpecOf(PI_XBTUSD);
    assert.equal(spec.group, 'perpetualInverse');
    assert.equal(spec.settlement, 'inverse');
    assert.equal(spec.sizeStep, 1);
  });

  it('puts contracts with a last trading time under fixed maturity, and derives base/quote from the symbol', () => {
    const spec = contractSpecOf(FI_XBTUSD);
    assert.equal(spec.group, 'fixedMaturity');
    assert.deepEqual([spec.base, spec.quote], ['XBT', 'USD']);
    assert.equal(spec.sizeStep, undefined, 'no precision published: no step is invented');
  });

  it('treats a negative precision as steps of 10^n and options as other contracts', () => {
    assert.equal(contractSpecOf({ symbol: 'PF_SHIBUSD', type: 'flexible_futures', contractValueTradePrecision: -3 }).sizeStep, 1000);
    assert.equal(contractSpecOf({ symbol: 'OF_ETHUSD_240101_1000_C', type: 'options' }).group, 'other');
  });

  it('looks symbols up case-insensitively', () => {
    const book = ContractBook.fromInstruments([PF_XBTUSD, PI_XBTUSD]);
    assert.equal(book.get('pf_xbtusd')?.symbol, 'PF_XBTUSD');
    assert.equal(book.get('PF_NOPE'), undefined);
  });
});
