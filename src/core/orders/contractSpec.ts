import type { Instrument } from '../catalog';

/**
 * What order entry needs to know about one contract, read once from an `/instruments` entry
 * (reference §4.1, §7): how it settles, its price and size grid, and its margin tiers.
 */

/** How the explorer groups contracts. */
export type ContractGroup = 'perpetualLinear' | 'perpetualInverse' | 'fixedMaturity' | 'other';

/**
 * `linear`: size in base units, value and PnL in the quote currency (PF_, FF_).
 * `inverse`: size in USD contracts, value and PnL in the base coin (PI_, FI_).
 */
export type Settlement = 'linear' | 'inverse';

export interface MarginTier {
  /** Where the tier starts: a notional in the quote currency (linear) or a number of contracts (inverse). */
  readonly from: number;
  readonly initialMargin: number;
  readonly maintenanceMargin: number;
}

export interface ContractSpec {
  readonly symbol: string;
  readonly group: ContractGroup;
  readonly settlement: Settlement;
  readonly base: string;
  readonly quote: string;
  readonly tickSize?: number;
  /** 10^-contractValueTradePrecision. */
  readonly sizeStep?: number;
  readonly sizePrecision?: number;
  /** Kraken publishes no minimum size; the smallest order is one size step. */
  readonly minimumSize?: number;
  readonly contractSize: number;
  readonly maxPositionSize?: number;
  readonly marginTiers: readonly MarginTier[];
  readonly tradeable: boolean;
  readonly postOnly: boolean;
  /** ISO time; fixed-maturity contracts only. */
  readonly lastTradingTime?: string;
  readonly fundingRateCoefficient?: number;
  readonly maxRelativeFundingRate?: number;
}

const GROUP_TITLES: Readonly<Record<ContractGroup, string>> = {
  perpetualLinear: 'Perpetual · linear',
  perpetualInverse: 'Perpetual · inverse',
  fixedMaturity: 'Fixed maturity',
  other: 'Other contracts',
};

export const CONTRACT_GROUPS: readonly ContractGroup[] = ['perpetualLinear', 'perpetualInverse', 'fixedMaturity', 'other'];

export function groupTitle(group: ContractGroup): string {
  return GROUP_TITLES[group];
}

/** ccxt's rule (reference §7): `futures_inverse` settles in the coin, everything else in the quote currency. */
export function settlementOf(instrument: Pick<Instrument, 'type' | 'symbol'>): Settlement {
  if (instrument.type) return instrument.type === 'futures_inverse' ? 'inverse' : 'linear';
  return /^(PI|FI)_/i.test(instrument.symbol) ? 'inverse' : 'linear';
}

function groupOf(instrument: Instrument, settlement: Settlement): ContractGroup {
  const type = instrument.type ?? '';
  if (type === 'options' || /^OF_/i.test(instrument.symbol) || (type !== '' && !/futures/.test(type))) return 'other';
  if (instrument.lastTradingTime || /^(FI|FF|FV)_/i.test(instrument.symbol)) return 'fixedMaturity';
  return settlement === 'inverse' ? 'perpetualInverse' : 'perpetualLinear';
}

/** `PF_XBTUSD` → XBT/USD when the instrument does not say (older data has no base/quote). */
function baseAndQuote(instrument: Instrument): { base: string; quote: string } {
  if (instrument.base && instrument.quote) return { base: instrument.base.toUpperCase(), quote: instrument.quote.toUpperCase() };
  const [pairBase, pairQuote] = (instrument.pair ?? '').split(':');
  if (pairBase && pairQuote) return { base: pairBase.toUpperCase(), quote: pairQuote.toUpperCase() };
  const market = instrument.symbol.toUpperCase().split('_')[1] ?? '';
  for (const quote of ['USDT', 'USDC', 'USD', 'EUR', 'GBP', 'XBT']) {
    if (market.endsWith(quote) && market.length > quote.length) return { base: market.slice(0, -quote.length), quote };
  }
  return { base: market || instrument.symbol.toUpperCase(), quote: 'USD' };
}

function tiersOf(instrument: Instrument): MarginTier[] {
  const levels = instrument.marginLevels ?? instrument.retailMarginLevels ?? [];
  return levels
    .map((level) => ({
      from: level.numNonContractUnits ?? level.contracts ?? 0,
      initialMargin: level.initialMargin,
      maintenanceMargin: level.maintenanceMargin,
    }))
    .sort((a, b) => a.from - b.from);
}

/** A finite number, or undefined (specs from older data miss fields). */
function finite(value: number | undefined | null): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function contractSpecOf(instrument: Instrument): ContractSpec {
  const settlement = settlementOf(instrument);
  const precision = finite(instrument.contractValueTradePrecision);
  const sizeStep = precision !== undefined && Number.isInteger(precision) ? Number(`1e${-precision}`) : undefined;
  const tickSize = finite(instrument.tickSize);
  const maxPositionSize = finite(instrument.maxPositionSize);
  const fundingRateCoefficient = finite(instrument.fundingRateCoefficient);
  const maxRelativeFundingRate = finite(instrument.maxRelativeFundingRate);
  return {
    symbol: instrument.symbol.toUpperCase(),
    group: groupOf(instrument, settlement),
    settlement,
    ...baseAndQuote(instrument),
    contractSize: finite(instrument.contractSize) ?? 1,
    marginTiers: tiersOf(instrument),
    tradeable: instrument.tradeable ?? true,
    postOnly: instrument.postOnly ?? false,
    ...(tickSize !== undefined && tickSize > 0 ? { tickSize } : {}),
    ...(sizeStep !== undefined ? { sizeStep, sizePrecision: precision, minimumSize: sizeStep } : {}),
    ...(maxPositionSize !== undefined ? { maxPositionSize } : {}),
    ...(instrument.lastTradingTime ? { lastTradingTime: instrument.lastTradingTime } : {}),
    ...(fundingRateCoefficient !== undefined ? { fundingRateCoefficient } : {}),
    ...(maxRelativeFundingRate !== undefined ? { maxRelativeFundingRate } : {}),
  };
}

/** Case-insensitive symbol lookup over a list of specs (symbols appear in both cases on Kraken). */
export class ContractBook {
  private readonly bySymbol = new Map<string, ContractSpec>();

  constructor(readonly all: readonly ContractSpec[]) {
    for (const spec of all) this.bySymbol.set(spec.symbol.toUpperCase(), spec);
  }

  static fromInstruments(instruments: readonly Instrument[]): ContractBook {
    return new ContractBook(instruments.map(contractSpecOf));
  }

  get(symbol: string): ContractSpec | undefined {
    return this.bySymbol.get(symbol.toUpperCase());
  }
}
