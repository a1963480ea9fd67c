import { roundTo } from './decimals';
import type { InstrumentSpec } from './instruments';
import type { PriceModel } from './priceModel';
import { streamOf, unitNoise } from './seededNoise';

/** OHLC candles for the charts API, sampled from the same deterministic price process. */

export type TickType = 'trade' | 'mark' | 'spot';
export const TICK_TYPES: readonly TickType[] = ['trade', 'mark', 'spot'];

export const RESOLUTIONS: Readonly<Record<string, number>> = {
  '1m': 60_000, '5m': 300_000, '15m': 900_000, '30m': 1_800_000,
  '1h': 3_600_000, '4h': 14_400_000, '12h': 43_200_000, '1d': 86_400_000, '1w': 604_800_000,
};

export const MAX_CANDLES = 2000;
const SAMPLES_PER_CANDLE = 16;

export interface Candle {
  readonly time: number;
  readonly open: string;
  readonly high: string;
  readonly low: string;
  readonly close: string;
  readonly volume: number;
}

export interface CandleQuery {
  readonly tickType: TickType;
  readonly resolutionMs: number;
  /** Inclusive bounds in epoch ms. */
  readonly from?: number;
  readonly to?: number;
  readonly count?: number;
}

export function priceOf(prices: PriceModel, spec: InstrumentSpec, tickType: TickType, t: number): number {
  return tickType === 'spot' ? prices.index(spec.underlying, t) : prices.mark(spec, t);
}

function candleAt(prices: PriceModel, seed: number, spec: InstrumentSpec, q: CandleQuery, start: number, now: number): Candle {
  const end = Math.min(start + q.resolutionMs - 1000, now);
  const open = priceOf(prices, spec, q.tickType, start);
  const close = priceOf(prices, spec, q.tickType, end);
  let high = Math.max(open, close);
  let low = Math.min(open, close);
  for (let i = 1; i < SAMPLES_PER_CANDLE; i++) {
    const t = start + ((end - start) * i) / SAMPLES_PER_CANDLE;
    const p = priceOf(prices, spec, q.tickType, t);
    if (p > high) high = p;
    if (p < low) low = p;
  }
  const minutes = Math.max(1, (end - start + 1000) / 60_000);
  const volume = q.tickType === 'trade'
    ? roundTo(spec.levelSize * 4 * minutes * (0.5 + unitNoise(seed, streamOf(spec.symbol) + 31, start / 60_000)), spec.sizePrecision)
    : 0;
  const digits = Math.max(spec.priceDecimals, 2) + 1;
  return { time: start, open: open.toFixed(digits), high: high.toFixed(digits), low: low.toFixed(digits), close: close.toFixed(digits), volume };
}

/** Candles in ascending time; `more` says whether `count` cut the range short. */
export function candlesFor(prices: PriceModel, seed: number, spec: InstrumentSpec, q: CandleQuery, now: number): { candles: Candle[]; more: boolean } {
  const res = q.resolutionMs;
  const limit = Math.min(q.count ?? MAX_CANDLES, MAX_CANDLES);
  const lastStart = Math.floor(Math.min(q.to ?? now, now) / res) * res;
  const earliest = Math.max(spec.openingDate, q.from !== undefined ? Math.ceil(q.from / res) * res : -Infinity);
  let firstStart = q.from !== undefined ? earliest : lastStart - (limit - 1) * res;
  firstStart = Math.max(firstStart, Math.ceil(spec.openingDate / res) * res);
  const candles: Candle[] = [];
  let more = false;
  for (let start = firstStart; start <= lastStart; start += res) {
    if (candles.length >= limit) { more = true; break; }
    candles.push(candleAt(prices, seed, spec, q, start, now));
  }
  return { candles, more };
}
