import { decimalsOf } from './decimals';

/**
 * The simulated market: 15 contracts modelled on Kraken's own (linear "flex" perpetuals, inverse
 * perpetuals, and fixed-maturity inverse and linear futures) with real-looking tick sizes, size
 * precisions and margin tiers.
 */

export type ContractKind = 'linear' | 'inverse';

export interface MarginLevel {
  /** Linear tiers start at a notional in USD, inverse tiers at a number of contracts. */
  readonly from: number;
  readonly initialMargin: number;
  readonly maintenanceMargin: number;
}

export interface UnderlyingSpec {
  readonly code: string; // XBT, ETH, ...
  readonly referencePrice: number;
  /** Index prices are published with this many decimals. */
  readonly indexDecimals: number;
}

export interface InstrumentSpec {
  readonly symbol: string;
  readonly type: 'flexible_futures' | 'futures_inverse';
  readonly kind: ContractKind;
  readonly perpetual: boolean;
  readonly underlying: UnderlyingSpec;
  readonly quote: 'USD';
  readonly tickSize: number;
  readonly priceDecimals: number;
  readonly contractSize: number;
  /** Sizes are multiples of 10^-sizePrecision (Kraken's contractValueTradePrecision). */
  readonly sizePrecision: number;
  readonly sizeStep: number;
  readonly maxPositionSize: number;
  readonly marginLevels: readonly MarginLevel[];
  readonly openingDate: number;
  readonly lastTradingTime: number | null;
  /** Inverse contracts settle in coin held in a per-coin margin account (`fi_xbtusd`); linear in the flex account. */
  readonly marginAccount: string;
  readonly settlementCurrency: string;
  /** Typical size of one level of the simulated book, in contracts. */
  readonly levelSize: number;
  readonly tag: 'perpetual' | 'quarter' | 'semiannual' | 'month';
}

export const UNDERLYINGS: Readonly<Record<string, UnderlyingSpec>> = {
  XBT: { code: 'XBT', referencePrice: 91000, indexDecimals: 1 },
  ETH: { code: 'ETH', referencePrice: 3050, indexDecimals: 2 },
  SOL: { code: 'SOL', referencePrice: 142, indexDecimals: 3 },
  XRP: { code: 'XRP', referencePrice: 2.21, indexDecimals: 5 },
  DOGE: { code: 'DOGE', referencePrice: 0.158, indexDecimals: 6 },
  LTC: { code: 'LTC', referencePrice: 86, indexDecimals: 3 },
  ADA: { code: 'ADA', referencePrice: 0.43, indexDecimals: 6 },
  LINK: { code: 'LINK', referencePrice: 13.4, indexDecimals: 4 },
  AVAX: { code: 'AVAX', referencePrice: 14.2, indexDecimals: 4 },
};

const OPENING_DATE = Date.UTC(2022, 0, 1);

const linearTiers = (im: number): MarginLevel[] => [
  { from: 0, initialMargin: im, maintenanceMargin: im / 2 },
  { from: 500_000, initialMargin: im * 2, maintenanceMargin: im },
  { from: 2_000_000, initialMargin: im * 5, maintenanceMargin: im * 2.5 },
];

const inverseTiers = (im: number): MarginLevel[] => [
  { from: 0, initialMargin: im, maintenanceMargin: im / 2 },
  { from: 500_000, initialMargin: im * 2, maintenanceMargin: im },
];

interface Shape {
  base: string;
  tick: number;
  precision: number;
  im: number;
  levelSize: number;
  maxPosition: number;
}

function linear(shape: Shape, maturity: number | null): InstrumentSpec {
  const underlying = UNDERLYINGS[shape.base];
  const symbol = maturity === null ? `PF_${shape.base}USD` : `FF_${shape.base}USD_${yymmdd(maturity)}`;
  return {
    symbol, type: 'flexible_futures', kind: 'linear', perpetual: maturity === null, underlying, quote: 'USD',
    tickSize: shape.tick, priceDecimals: decimalsOf(shape.tick), contractSize: 1,
    sizePrecision: shape.precision, sizeStep: 10 ** -shape.precision, maxPositionSize: shape.maxPosition,
    marginLevels: linearTiers(shape.im), openingDate: OPENING_DATE, lastTradingTime: maturity,
    marginAccount: 'flex', settlementCurrency: 'USD', levelSize: shape.levelSize,
    tag: maturity === null ? 'perpetual' : 'quarter',
  };
}

function inverse(base: string, tick: number, maturity: number | null, tag: InstrumentSpec['tag']): InstrumentSpec {
  const underlying = UNDERLYINGS[base];
  const symbol = maturity === null ? `PI_${base}USD` : `FI_${base}USD_${yymmdd(maturity)}`;
  return {
    symbol, type: 'futures_inverse', kind: 'inverse', perpetual: maturity === null, underlying, quote: 'USD',
    tickSize: tick, priceDecimals: decimalsOf(tick), contractSize: 1, sizePrecision: 0, sizeStep: 1,
    maxPositionSize: 10_000_000, marginLevels: inverseTiers(0.02), openingDate: OPENING_DATE,
    lastTradingTime: maturity, marginAccount: `fi_${base.toLowerCase()}usd`, settlementCurrency: base,
    levelSize: 15_000, tag,
  };
}

function yymmdd(t: number): string {
  return new Date(t).toISOString().slice(2, 10).replaceAll('-', '');
}

/** Last Friday of a month at 16:00 UTC: when Kraken's quarterly futures stop trading. */
function lastFriday(year: number, month: number): number {
  const day = new Date(Date.UTC(year, month + 1, 0));
  while (day.getUTCDay() !== 5) day.setUTCDate(day.getUTCDate() - 1);
  return Date.UTC(year, month, day.getUTCDate(), 16);
}

/** The next `count` quarterly maturities (Mar/Jun/Sep/Dec) at least a week after `from`. */
export function quarterlyMaturities(from: number, count: number): number[] {
  const out: number[] = [];
  const start = new Date(from);
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth() - (start.getUTCMonth() % 3) + 2;
  while (out.length < count) {
    const t = lastFriday(year, month);
    if (t > from + 7 * 86_400_000) out.push(t);
    month += 3;
    if (month > 11) { month -= 12; year += 1; }
  }
  return out;
}

/**
 * Fixed-maturity symbols carry their expiry date, so they are derived from the moment the
 * simulator's state was created (kept in the journal) and stay the same across restarts.
 */
export function buildInstruments(createdAt: number): InstrumentSpec[] {
  const [near, far] = quarterlyMaturities(createdAt, 2);
  const xbt: Shape = { base: 'XBT', tick: 1, precision: 4, im: 0.02, levelSize: 0.6, maxPosition: 1_000_000 };
  const eth: Shape = { base: 'ETH', tick: 0.1, precision: 3, im: 0.02, levelSize: 9, maxPosition: 1_000_000 };
  return [
    linear(xbt, null),
    linear(eth, null),
    linear({ base: 'SOL', tick: 0.01, precision: 2, im: 0.05, levelSize: 150, maxPosition: 1_000_000 }, null),
    linear({ base: 'XRP', tick: 0.0001, precision: 0, im: 0.05, levelSize: 40_000, maxPosition: 100_000_000 }, null),
    linear({ base: 'DOGE', tick: 0.000001, precision: 0, im: 0.05, levelSize: 400_000, maxPosition: 1_000_000_000 }, null),
    linear({ base: 'LTC', tick: 0.01, precision: 1, im: 0.05, levelSize: 300, maxPosition: 1_000_000 }, null),
    linear({ base: 'ADA', tick: 0.000001, precision: 0, im: 0.05, levelSize: 120_000, maxPosition: 100_000_000 }, null),
    linear({ base: 'LINK', tick: 0.001, precision: 1, im: 0.05, levelSize: 2_000, maxPosition: 10_000_000 }, null),
    linear({ base: 'AVAX', tick: 0.001, precision: 1, im: 0.05, levelSize: 1_800, maxPosition: 10_000_000 }, null),
    inverse('XBT', 0.5, null, 'perpetual'),
    inverse('ETH', 0.05, null, 'perpetual'),
    inverse('XBT', 0.5, near, 'quarter'),
    inverse('ETH', 0.05, near, 'quarter'),
    linear(xbt, near),
    linear(eth, far),
  ];
}

/** Case-insensitive symbol lookup, as on Kraken. */
export class InstrumentRegistry {
  private readonly bySymbol = new Map<string, InstrumentSpec>();

  constructor(readonly all: readonly InstrumentSpec[]) {
    for (const spec of all) this.bySymbol.set(spec.symbol.toUpperCase(), spec);
  }

  find(symbol: string): InstrumentSpec | undefined {
    return this.bySymbol.get(symbol.toUpperCase());
  }

  isTradeable(spec: InstrumentSpec, now: number): boolean {
    return spec.lastTradingTime === null || now < spec.lastTradingTime;
  }
}
