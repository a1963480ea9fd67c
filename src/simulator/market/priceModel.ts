import { roundTo } from './decimals';
import type { InstrumentSpec, UnderlyingSpec } from './instruments';
import { streamOf, valueNoise } from './seededNoise';

/**
 * The deterministic price process. Log-price deviation is a sum of value-noise octaves whose
 * amplitude grows with the square root of their period, which looks like a random walk at every
 * zoom level but can be evaluated at any instant in O(1). Prices step once per second (one
 * "epoch"), so the ticker, the order book and matching all agree within a second.
 */

export const EPOCH_MS = 1000;

const OCTAVES: ReadonlyArray<{ periodMs: number; amplitude: number }> = [
  { periodMs: 4 * 86_400_000, amplitude: 0.06 },
  { periodMs: 18 * 3_600_000, amplitude: 0.025 },
  { periodMs: 3 * 3_600_000, amplitude: 0.011 },
  { periodMs: 30 * 60_000, amplitude: 0.0045 },
  { periodMs: 5 * 60_000, amplitude: 0.0018 },
  { periodMs: 45_000, amplitude: 0.0007 },
  { periodMs: 6_000, amplitude: 0.00025 },
];

const PREMIUM_PERIOD_MS = 20 * 60_000;
const PREMIUM_AMPLITUDE = 0.0004;
/** Fixed-maturity contracts trade at an annualised contango over the index. */
const ANNUAL_BASIS = 0.06;
const YEAR_MS = 365 * 86_400_000;
/** Kraken's perpetuals fund hourly; the relative rate is the premium spread over that hour. */
const FUNDING_DIVISOR = 24;
const MAX_RELATIVE_FUNDING = 0.001;

export function epochOf(t: number): number {
  return Math.floor(t / EPOCH_MS);
}

export class PriceModel {
  /** Last computed index per underlying: most calls in a request ask about the same second. */
  private readonly indexCache = new Map<string, { at: number; value: number }>();

  constructor(private readonly seed: number) {}

  /** The spot index (`in_xbtusd`) at the start of the second containing `t`. */
  index(underlying: UnderlyingSpec, t: number): number {
    const at = epochOf(t) * EPOCH_MS;
    const cached = this.indexCache.get(underlying.code);
    if (cached && cached.at === at) return cached.value;
    const value = this.computeIndex(underlying, at);
    this.indexCache.set(underlying.code, { at, value });
    return value;
  }

  private computeIndex(underlying: UnderlyingSpec, at: number): number {
    const stream = streamOf(underlying.code);
    let deviation = 0;
    for (let k = 0; k < OCTAVES.length; k++) {
      deviation += OCTAVES[k].amplitude * valueNoise(this.seed, stream + k * 7919, OCTAVES[k].periodMs, at);
    }
    return roundTo(underlying.referencePrice * Math.exp(deviation), underlying.indexDecimals);
  }

  /** Relative premium of a perpetual over its index. */
  premium(spec: InstrumentSpec, t: number): number {
    const at = epochOf(t) * EPOCH_MS;
    return PREMIUM_AMPLITUDE * valueNoise(this.seed, streamOf(spec.symbol), PREMIUM_PERIOD_MS, at);
  }

  /** The fair price of a contract, which is also its mark price. */
  mark(spec: InstrumentSpec, t: number): number {
    const index = this.index(spec.underlying, t);
    let factor = 1 + this.premium(spec, t);
    if (spec.lastTradingTime !== null) {
      factor += ANNUAL_BASIS * Math.max(0, spec.lastTradingTime - t) / YEAR_MS;
    }
    return roundTo(index * factor, spec.priceDecimals + 2);
  }

  /** Funding of a perpetual: Kraken publishes the absolute rate; `relative` is rate / mark. */
  funding(spec: InstrumentSpec, t: number): { absolute: number; relative: number } | null {
    if (!spec.perpetual) return null;
    const relative = Math.max(-MAX_RELATIVE_FUNDING, Math.min(MAX_RELATIVE_FUNDING, this.premium(spec, t) / FUNDING_DIVISOR));
    return { relative, absolute: relative * this.mark(spec, t) };
  }
}
