import { candlesFor, type CandleQuery } from './candles';
import type { InstrumentRegistry, InstrumentSpec } from './instruments';
import { SyntheticLiquidity, type BookLevel } from './liquidity';
import { PriceModel } from './priceModel';
import { TradeTape, type PublicTrade } from './tradeTape';

/** The simulated market as one object: prices, the makers' quotes, the trade tape and candles. */

export interface MarketStats {
  readonly open24h: number;
  readonly high24h: number;
  readonly low24h: number;
  readonly vol24h: number;
}

const STATS_SAMPLES = 288;

export class Market {
  readonly prices: PriceModel;
  readonly liquidity: SyntheticLiquidity;
  readonly tape: TradeTape;
  private readonly statsCache = new Map<string, { minute: number; stats: MarketStats }>();

  constructor(
    readonly seed: number,
    readonly instruments: InstrumentRegistry,
    /** The account's own trades per symbol, which also print on the public tape. */
    private readonly ownTrades: (symbol: string) => readonly PublicTrade[],
  ) {
    this.prices = new PriceModel(seed);
    this.liquidity = new SyntheticLiquidity(seed);
    this.tape = new TradeTape(seed, this.prices);
  }

  mark(spec: InstrumentSpec, t: number): number {
    return this.prices.mark(spec, t);
  }

  index(spec: InstrumentSpec, t: number): number {
    return this.prices.index(spec.underlying, t);
  }

  quotes(spec: InstrumentSpec, side: 'bid' | 'ask', t: number): BookLevel[] {
    return this.liquidity.levels(spec, side, t, this.prices.mark(spec, t));
  }

  lastTrade(spec: InstrumentSpec, t: number): PublicTrade | null {
    return this.tape.last(spec, t, this.ownTrades(spec.symbol));
  }

  recentTrades(spec: InstrumentSpec, before: number, count: number): PublicTrade[] {
    return this.tape.recent(spec, before, count, this.ownTrades(spec.symbol));
  }

  candles(spec: InstrumentSpec, q: CandleQuery, now: number) {
    return candlesFor(this.prices, this.seed, spec, q, now);
  }

  /** 24-hour open/high/low and volume, recomputed at most once a minute per symbol. */
  stats(spec: InstrumentSpec, now: number): MarketStats {
    const minute = Math.floor(now / 60_000);
    const cached = this.statsCache.get(spec.symbol);
    if (cached && cached.minute === minute) return cached.stats;
    const start = now - 86_400_000;
    const open24h = this.prices.mark(spec, start);
    let high = open24h;
    let low = open24h;
    for (let i = 1; i <= STATS_SAMPLES; i++) {
      const p = this.prices.mark(spec, start + (86_400_000 * i) / STATS_SAMPLES);
      if (p > high) high = p;
      if (p < low) low = p;
    }
    const day = this.candles(spec, { tickType: 'trade', resolutionMs: 3_600_000, from: start, to: now }, now);
    const vol24h = day.candles.reduce((sum, c) => sum + c.volume, 0);
    const stats = { open24h, high24h: high, low24h: low, vol24h: Number(vol24h.toFixed(spec.sizePrecision)) };
    this.statsCache.set(spec.symbol, { minute, stats });
    return stats;
  }
}
