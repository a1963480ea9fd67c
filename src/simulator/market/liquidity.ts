import { ceilToStep, floorToStep, roundTo } from './decimals';
import type { InstrumentSpec } from './instruments';
import { epochOf } from './priceModel';
import { streamOf, unitNoise } from './seededNoise';

/**
 * The other side of every trade: simulated market makers quoting around the fair price. The
 * quotes are regenerated each second from seeded noise; what the account takes out of them
 * within that second is remembered, so a second order cannot fill against the same liquidity.
 */

export type BookSide = 'bid' | 'ask';

export interface BookLevel {
  readonly price: number;
  readonly size: number;
}

export const LEVELS_PER_SIDE = 25;

interface Consumption {
  epoch: number;
  used: Map<string, number>;
}

export class SyntheticLiquidity {
  private readonly consumption = new Map<string, Consumption>();

  constructor(private readonly seed: number) {}

  /** Remaining quotes on one side, best first. */
  levels(spec: InstrumentSpec, side: BookSide, t: number, fair: number): BookLevel[] {
    const epoch = epochOf(t);
    const used = this.usedAt(spec.symbol, epoch);
    const halfSpread = Math.max(spec.tickSize, fair * 0.00004);
    const gap = Math.max(1, Math.round((fair * 0.00008) / spec.tickSize)) * spec.tickSize;
    const best = side === 'bid' ? floorToStep(fair - halfSpread, spec.tickSize) : ceilToStep(fair + halfSpread, spec.tickSize);
    const stream = streamOf(spec.symbol) + (side === 'bid' ? 1 : 2);
    const levels: BookLevel[] = [];
    for (let i = 0; i < LEVELS_PER_SIDE; i++) {
      const price = roundTo(side === 'bid' ? best - i * gap : best + i * gap, spec.priceDecimals);
      if (price <= 0) break;
      const noise = unitNoise(this.seed, stream, epoch * 64 + i);
      const quoted = Math.max(spec.sizeStep, roundTo(spec.levelSize * (0.3 + 1.4 * noise) * (1 + i * 0.1), spec.sizePrecision));
      const size = roundTo(quoted - (used?.get(String(price)) ?? 0), spec.sizePrecision);
      if (size > 0) levels.push({ price, size });
    }
    return levels;
  }

  consume(spec: InstrumentSpec, price: number, size: number, t: number): void {
    const epoch = epochOf(t);
    let entry = this.consumption.get(spec.symbol);
    if (!entry || entry.epoch !== epoch) {
      entry = { epoch, used: new Map() };
      this.consumption.set(spec.symbol, entry);
    }
    const key = String(price);
    entry.used.set(key, roundTo((entry.used.get(key) ?? 0) + size, spec.sizePrecision));
  }

  private usedAt(symbol: string, epoch: number): Map<string, number> | undefined {
    const entry = this.consumption.get(symbol);
    return entry && entry.epoch === epoch ? entry.used : undefined;
  }
}
