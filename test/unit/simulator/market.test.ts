import { strict as assert } from 'node:assert';
import { buildInstruments, InstrumentRegistry, quarterlyMaturities } from '../../../src/simulator/market/instruments';
import { Market } from '../../../src/simulator/market/market';
import { isMultipleOf } from '../../../src/simulator/market/decimals';
import { T0 } from './simTestKit';

/** The seeded market: deterministic, well-formed, never crossed. */

const registry = new InstrumentRegistry(buildInstruments(T0));
const market = (seed: number) => new Market(seed, registry, () => []);

describe('simulator: market model', () => {
  it('has 10–20 instruments of every family with real-looking specs', () => {
    const all = registry.all;
    assert.ok(all.length >= 10 && all.length <= 20);
    for (const prefix of ['PF_', 'PI_', 'FI_', 'FF_']) assert.ok(all.some((s) => s.symbol.startsWith(prefix)), prefix);
    for (const s of all) {
      assert.equal(s.kind === 'inverse', s.type === 'futures_inverse');
      assert.ok(s.marginLevels[0].initialMargin > s.marginLevels[0].maintenanceMargin);
      assert.equal(s.perpetual, s.lastTradingTime === null);
    }
    assert.equal(registry.find('pf_xbtusd')?.symbol, 'PF_XBTUSD');
    assert.equal(registry.find('PF_NOPE'), undefined);
  });

  it('fixed maturities are quarterly last Fridays at 16:00 UTC, named YYMMDD', () => {
    const [near, far] = quarterlyMaturities(T0, 2);
    assert.equal(new Date(near).toISOString(), '2026-12-25T16:00:00.000Z');
    assert.equal(new Date(far).toISOString(), '2027-03-26T16:00:00.000Z');
    assert.ok(registry.find('FI_XBTUSD_261225'));
    assert.ok(registry.find('FF_ETHUSD_270326'));
  });

  it('the same seed gives the same prices, another seed other prices', () => {
    const spec = registry.find('PF_XBTUSD')!;
    const a = market(1);
    const b = market(1);
    const c = market(2);
    for (let t = T0; t < T0 + 3_600_000; t += 97_000) assert.equal(a.mark(spec, t), b.mark(spec, t));
    assert.notEqual(a.mark(spec, T0), c.mark(spec, T0));
    assert.deepEqual(a.recentTrades(spec, T0, 20), b.recentTrades(spec, T0, 20));
  });

  it('quotes are on the tick and size grids, best first, and never cross, over a day of seconds', () => {
    const m = market(20260714);
    for (const spec of registry.all) {
      for (let t = T0; t < T0 + 86_400_000; t += 86_400_000 / 50) {
        const bids = m.quotes(spec, 'bid', t);
        const asks = m.quotes(spec, 'ask', t);
        assert.ok(bids[0].price < asks[0].price, `${spec.symbol} crossed at ${t}`);
        assert.ok(bids.every((l, i) => i === 0 || l.price < bids[i - 1].price));
        assert.ok(asks.every((l, i) => i === 0 || l.price > asks[i - 1].price));
        for (const l of [...bids, ...asks]) {
          assert.ok(isMultipleOf(l.price, spec.tickSize), `${spec.symbol} price ${l.price}`);
          assert.ok(isMultipleOf(l.size, spec.sizeStep) && l.size > 0, `${spec.symbol} size ${l.size}`);
        }
        const mark = m.mark(spec, t);
        assert.ok(bids[0].price <= mark && mark <= asks[0].price, `${spec.symbol} mark outside the spread`);
      }
    }
  });

  it('prices wander like a market: within ±40 % of the reference over a month, moving every hour', () => {
    const m = market(20260714);
    const spec = registry.find('PF_ETHUSD')!;
    let moved = 0;
    let previous = m.index(spec, T0);
    for (let t = T0; t < T0 + 30 * 86_400_000; t += 3_600_000) {
      const p = m.index(spec, t);
      assert.ok(p > spec.underlying.referencePrice * 0.6 && p < spec.underlying.referencePrice * 1.4);
      if (p !== previous) moved += 1;
      previous = p;
    }
    assert.ok(moved > 700);
  });

  it('the trade tape is newest first, before the given time, at most 7 days back', () => {
    const m = market(3);
    const spec = registry.find('PF_SOLUSD')!;
    const trades = m.recentTrades(spec, T0, 100);
    assert.equal(trades.length, 100);
    assert.ok(trades.every((tr, i) => tr.time < T0 && (i === 0 || tr.time <= trades[i - 1].time)));
    const forward = m.tape.between(spec, T0 - 600_000, T0, 1000, []);
    assert.deepEqual(forward.slice(-3).reverse().map((x) => x.uid), trades.slice(0, 3).map((x) => x.uid));
  });

  it('candles: high ≥ open/close ≥ low, aligned to the resolution, count and more_candles honoured', () => {
    const m = market(4);
    const spec = registry.find('PI_XBTUSD')!;
    const { candles, more } = m.candles(spec, { tickType: 'trade', resolutionMs: 900_000, from: T0 - 86_400_000, to: T0, count: 50 }, T0);
    assert.equal(candles.length, 50);
    assert.equal(more, true);
    for (const c of candles) {
      assert.equal(c.time % 900_000, 0);
      assert.ok(Number(c.high) >= Math.max(Number(c.open), Number(c.close)) && Number(c.low) <= Math.min(Number(c.open), Number(c.close)));
    }
    const spot = m.candles(spec, { tickType: 'spot', resolutionMs: 3_600_000, count: 3 }, T0);
    assert.deepEqual(spot.candles.map((c) => c.volume), [0, 0, 0]);
    assert.equal(spot.candles.at(-1)!.time, Math.floor(T0 / 3_600_000) * 3_600_000);
  });
});
