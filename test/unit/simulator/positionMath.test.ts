import { strict as assert } from 'node:assert';
import { applyFill, feeFor, realizedPnl, unrealizedPnl } from '../../../src/simulator/trading/positionMath';

/** Linear and inverse PnL against values worked out by hand. */

const close = (actual: number, expected: number, digits = 9) =>
  assert.ok(Math.abs(actual - expected) < 10 ** -digits, `${actual} is not ${expected}`);

describe('simulator: position and PnL arithmetic', () => {
  it('linear: long 2 @ 100, sell 2 @ 110 realises +20 USD', () => {
    const open = applyFill('linear', 1, 0, 0, 2, 100, 4);
    assert.deepEqual(open, { size: 2, price: 100, realized: 0 });
    const closed = applyFill('linear', 1, 2, 100, -2, 110, 4);
    assert.deepEqual(closed, { size: 0, price: 0, realized: 20 });
  });

  it('linear: averaging in is arithmetic (1 @ 100 + 3 @ 120 = 4 @ 115)', () => {
    const a = applyFill('linear', 1, 1, 100, 3, 120, 4);
    assert.equal(a.size, 4);
    close(a.price, 115);
  });

  it('linear short: short 0.5 @ 60000, buy back 0.2 @ 58000 realises +400, keeps 0.3 @ 60000', () => {
    const r = applyFill('linear', 1, -0.5, 60000, 0.2, 58000, 4);
    assert.equal(r.size, -0.3);
    assert.equal(r.price, 60000);
    close(r.realized, 400);
  });

  it('linear: a fill through zero realises the old position and opens the rest at the fill price', () => {
    const r = applyFill('linear', 1, 1, 100, -3, 90, 4);
    assert.deepEqual(r, { size: -2, price: 90, realized: -10 });
  });

  it('inverse: long 10000 contracts @ 50000, sold @ 55000 realises 10000 × (1/50000 − 1/55000) = 0.0181818… XBT', () => {
    const r = applyFill('inverse', 1, 10000, 50000, -10000, 55000, 0);
    close(r.realized, 0.2 - 0.18181818181818182);
    close(r.realized, 0.018181818181818);
  });

  it('inverse short loses in coin when the price rises: −5000 @ 40000 closed @ 50000 = −0.025 XBT', () => {
    close(realizedPnl('inverse', 1, -5000, 40000, 50000), -0.025);
  });

  it('inverse: the average entry is harmonic (5000 @ 40000 + 5000 @ 60000 = 10000 @ 48000)', () => {
    const r = applyFill('inverse', 1, 5000, 40000, 5000, 60000, 0);
    assert.equal(r.size, 10000);
    close(r.price, 48000);
  });

  it('unrealised PnL uses the same formulas at the mark', () => {
    close(unrealizedPnl('linear', 1, 0.25, 80000, 82000), 500);
    close(unrealizedPnl('inverse', 1, -20000, 2000, 2500), -20000 * (1 / 2000 - 1 / 2500));
    assert.equal(unrealizedPnl('linear', 1, 0, 1, 2), 0);
  });

  it('fees: 0.02 % maker and 0.05 % taker of notional (USD for linear, coin for inverse)', () => {
    close(feeFor('linear', 1, 0.5, 80000, true), 8);
    close(feeFor('linear', 1, 0.5, 80000, false), 20);
    close(feeFor('inverse', 1, 10000, 50000, false), 0.0001);
  });
});
