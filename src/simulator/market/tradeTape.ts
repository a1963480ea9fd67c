import { ceilToStep, floorToStep, roundTo } from './decimals';
import type { InstrumentSpec } from './instruments';
import type { PriceModel } from './priceModel';
import { hash32, streamOf, unitNoise } from './seededNoise';

/**
 * The public trade tape (`/history`): other traders' trades, generated from seeded noise in 5-second
 * slots (about 70 % of slots hold a trade), merged with the account's own executions.
 */

export interface PublicTrade {
  readonly time: number;
  readonly tradeId: number;
  readonly price: number;
  readonly size: number;
  /** The taker's side. */
  readonly side: 'buy' | 'sell';
  readonly uid: string;
}

const SLOT_MS = 5000;
const LOOKBACK_MS = 7 * 86_400_000;

function uidOf(seed: number, stream: number, slot: number): string {
  const hex = [0, 1, 2, 3].map((k) => hash32(seed, stream + k, slot).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export class TradeTape {
  constructor(private readonly seed: number, private readonly prices: PriceModel) {}

  /** Trade ids leave room for the account's own trades between two simulated ones. */
  static tradeIdAt(time: number, n: number): number {
    return Math.floor(time / SLOT_MS) * 10 + Math.min(9, n);
  }

  synthetic(spec: InstrumentSpec, slot: number): PublicTrade | null {
    const stream = streamOf(spec.symbol) + 11;
    if (unitNoise(this.seed, stream, slot) >= 0.7) return null;
    const time = slot * SLOT_MS + Math.floor(unitNoise(this.seed, stream + 1, slot) * SLOT_MS);
    const side = unitNoise(this.seed, stream + 2, slot) < 0.5 ? 'buy' : 'sell';
    const fair = this.prices.mark(spec, time);
    const price = side === 'buy' ? ceilToStep(fair * 1.00004, spec.tickSize) : floorToStep(fair * 0.99996, spec.tickSize);
    const size = Math.max(spec.sizeStep, roundTo(spec.levelSize * (0.02 + 0.5 * unitNoise(this.seed, stream + 3, slot)), spec.sizePrecision));
    return { time, tradeId: slot * 10, price, size, side, uid: uidOf(this.seed, stream + 4, slot) };
  }

  /** Up to `count` trades strictly before `before`, newest first, no older than 7 days. */
  recent(spec: InstrumentSpec, before: number, count: number, own: readonly PublicTrade[]): PublicTrade[] {
    const out: PublicTrade[] = [];
    const oldest = before - LOOKBACK_MS;
    const ownSorted = own.filter((t) => t.time < before).sort((a, b) => b.time - a.time);
    let ownIndex = 0;
    for (let slot = Math.floor((before - 1) / SLOT_MS); out.length < count && slot * SLOT_MS >= oldest; slot--) {
      const trade = this.synthetic(spec, slot);
      const syntheticTime = trade && trade.time < before ? trade.time : -Infinity;
      while (ownIndex < ownSorted.length && ownSorted[ownIndex].time >= Math.max(syntheticTime, slot * SLOT_MS) && out.length < count) {
        out.push(ownSorted[ownIndex++]);
      }
      if (trade && trade.time < before && out.length < count) out.push(trade);
    }
    return out;
  }

  /** Up to `count` trades with from <= time < to, oldest first (no 7-day limit: paging goes forward). */
  between(spec: InstrumentSpec, from: number, to: number, count: number, own: readonly PublicTrade[]): PublicTrade[] {
    const out: PublicTrade[] = [];
    const ownSorted = own.filter((t) => t.time >= from && t.time < to).sort((a, b) => a.time - b.time);
    let ownIndex = 0;
    for (let slot = Math.floor(from / SLOT_MS); out.length < count && slot * SLOT_MS < to; slot++) {
      const trade = this.synthetic(spec, slot);
      const inRange = trade !== null && trade.time >= from && trade.time < to;
      const limit = inRange ? trade.time : (slot + 1) * SLOT_MS;
      while (ownIndex < ownSorted.length && ownSorted[ownIndex].time < limit && out.length < count) out.push(ownSorted[ownIndex++]);
      if (inRange && out.length < count) out.push(trade);
    }
    return out;
  }

  last(spec: InstrumentSpec, now: number, own: readonly PublicTrade[]): PublicTrade | null {
    return this.recent(spec, now + 1, 1, own)[0] ?? null;
  }
}
