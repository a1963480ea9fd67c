import type { Accounts } from '../catalog';
import type { ContractSpec, MarginTier } from './contractSpec';

/**
 * Value and margin of an order or position (reference §7). Linear contracts are worth
 * size × contractSize × price in the quote currency; inverse contracts size × contractSize / price
 * in the base coin, and are margined in that coin.
 */

export interface Money {
  readonly amount: number;
  readonly currency: string;
}

/** The currency an order on `spec` is valued and margined in. */
export function marginCurrencyOf(spec: ContractSpec): string {
  return spec.settlement === 'linear' ? spec.quote : spec.base;
}

export function notionalOf(spec: ContractSpec, size: number, price: number): Money | undefined {
  if (!Number.isFinite(size) || !Number.isFinite(price) || price <= 0) return undefined;
  const contracts = Math.abs(size) * spec.contractSize;
  return spec.settlement === 'linear'
    ? { amount: contracts * price, currency: spec.quote }
    : { amount: contracts / price, currency: spec.base };
}

/**
 * The tier a position of this size falls in: linear tiers start at a notional, inverse tiers at a
 * number of contracts. The whole position is charged at the rate of the tier it reaches.
 */
export function marginTierFor(spec: ContractSpec, size: number, price: number): MarginTier | undefined {
  const tiers = spec.marginTiers;
  if (tiers.length === 0) return undefined;
  const amount = spec.settlement === 'linear' ? Math.abs(size) * spec.contractSize * price : Math.abs(size);
  let tier = tiers[0];
  for (const candidate of tiers) if (amount >= candidate.from) tier = candidate;
  return tier;
}

export interface MarginEstimate {
  readonly initialMargin: Money;
  readonly maintenanceMargin: Money;
  /** 1 / initial-margin rate. */
  readonly maxLeverage: number;
}

/** Initial and maintenance margin of holding `size` at `price`; undefined without tiers or price. */
export function estimateMargin(spec: ContractSpec, size: number, price: number): MarginEstimate | undefined {
  const notional = notionalOf(spec, size, price);
  const tier = marginTierFor(spec, size, price);
  if (!notional || !tier || tier.initialMargin <= 0) return undefined;
  return {
    initialMargin: { amount: notional.amount * tier.initialMargin, currency: notional.currency },
    maintenanceMargin: { amount: notional.amount * tier.maintenanceMargin, currency: notional.currency },
    maxLeverage: 1 / tier.initialMargin,
  };
}

/**
 * The margin available to a new order on `spec`: the flex account's `availableMargin` (USD) for
 * linear contracts, the coin margin account's available funds (`auxiliary.af`, e.g. `fi_xbtusd`)
 * for inverse ones.
 */
export function availableMarginFor(spec: ContractSpec, accounts: Accounts): Money | undefined {
  if (spec.settlement === 'linear') {
    const flex = accounts.flex;
    if (flex?.type === 'multiCollateralMarginAccount' && 'availableMargin' in flex && typeof flex.availableMargin === 'number') {
      return { amount: flex.availableMargin, currency: 'USD' };
    }
    return undefined;
  }
  const key = `fi_${spec.base}${spec.quote}`.toLowerCase();
  const account = Object.entries(accounts).find(([name]) => name.toLowerCase() === key)?.[1];
  if (account?.type === 'marginAccount' && 'auxiliary' in account) {
    const af = (account.auxiliary as { af?: number } | undefined)?.af;
    if (typeof af === 'number') return { amount: af, currency: spec.base };
  }
  return undefined;
}

/** Amounts as people read them: 2 decimals for fiat and stablecoins, up to 8 for coins. */
export function formatMoney(money: Money): string {
  return `${formatAmount(money.amount, isFiatLike(money.currency) ? 2 : 8)} ${money.currency}`;
}

export function isFiatLike(currency: string): boolean {
  return ['USD', 'EUR', 'GBP', 'USDT', 'USDC', 'CHF', 'JPY', 'CAD', 'AUD'].includes(currency.toUpperCase());
}

/** `toLocaleString` builds a new formatter on every call, which dominates a tree of thousands of rows. */
const FORMATTERS = new Map<number, Intl.NumberFormat>();

/** Grouped thousands, at most `maxDecimals` decimals, no trailing zeros beyond `minDecimals`. */
export function formatAmount(value: number, maxDecimals: number, minDecimals = 0): string {
  if (!Number.isFinite(value)) return String(value);
  const max = Math.min(Math.max(Math.trunc(maxDecimals), 0), 20);
  const min = Math.min(Math.max(Math.trunc(minDecimals), 0), max);
  const key = max * 32 + min;
  let formatter = FORMATTERS.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', { maximumFractionDigits: max, minimumFractionDigits: min });
    FORMATTERS.set(key, formatter);
  }
  return formatter.format(value);
}
