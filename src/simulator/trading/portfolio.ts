import type { InstrumentSpec, MarginLevel } from '../market/instruments';
import { UNDERLYINGS } from '../market/instruments';
import type { PriceModel } from '../market/priceModel';
import type { AccountState } from './accountState';
import { notional, unrealizedPnl } from './positionMath';
import type { Side } from './types';

/**
 * Margin and valuation. Linear contracts are margined in the multi-collateral `flex` account
 * (USD), inverse contracts in one coin-denominated margin account per coin (`fi_xbtusd`).
 * Open orders count at their worst case: the margin of max(|pos + buys|, |pos − sells|).
 */

/** Collateral haircuts of the flex account, per currency. */
export const HAIRCUTS: Readonly<Record<string, number>> = { USD: 0, XBT: 0.05, ETH: 0.07 };

export interface Hypothetical {
  readonly symbol: string;
  readonly side: Side;
  readonly size: number;
}

export interface MarginTotals {
  /** In the account's currency: USD for flex, the coin for inverse margin accounts. */
  readonly balanceValue: number;
  readonly collateralValue: number;
  readonly unrealized: number;
  readonly initialMargin: number;
  readonly initialMarginWithOrders: number;
  readonly maintenanceMargin: number;
  readonly equity: number;
  readonly available: number;
}

export function tierFor(levels: readonly MarginLevel[], amount: number): MarginLevel {
  let tier = levels[0];
  for (const level of levels) if (amount >= level.from) tier = level;
  return tier;
}

export class Portfolio {
  constructor(private readonly state: AccountState, private readonly prices: PriceModel) {}

  /** USD value of one unit of a flex collateral currency. */
  usdPrice(currency: string, now: number): number {
    if (currency === 'USD') return 1;
    const underlying = UNDERLYINGS[currency];
    return underlying ? this.prices.index(underlying, now) : 0;
  }

  /** Initial and maintenance margin of holding `contracts` (unsigned) at `mark`. */
  marginOf(spec: InstrumentSpec, contracts: number, mark: number): { im: number; mm: number } {
    if (contracts === 0) return { im: 0, mm: 0 };
    const value = notional(spec.kind, spec.contractSize, contracts, mark);
    const tier = tierFor(spec.marginLevels, spec.kind === 'linear' ? value : contracts);
    const leverage = this.state.leverage.get(spec.symbol);
    const imRate = leverage ? Math.max(tier.initialMargin, 1 / leverage) : tier.initialMargin;
    return { im: value * imRate, mm: value * tier.maintenanceMargin };
  }

  /** Worst-case exposure of a symbol once open orders (and an order being checked) fill. */
  exposure(spec: InstrumentSpec, extra?: Hypothetical): number {
    const position = this.state.positions.get(spec.symbol)?.size ?? 0;
    const pending = this.state.index.pendingOf(spec.symbol);
    const buys = pending.buy + (extra?.symbol === spec.symbol && extra.side === 'buy' ? extra.size : 0);
    const sells = pending.sell + (extra?.symbol === spec.symbol && extra.side === 'sell' ? extra.size : 0);
    return Math.max(Math.abs(position + buys), Math.abs(position - sells));
  }

  totals(account: string, now: number, extra?: Hypothetical): MarginTotals {
    const wallet = this.state.balances.get(account) ?? new Map<string, number>();
    let balanceValue = 0;
    let collateralValue = 0;
    if (account === 'flex') {
      for (const [ccy, qty] of wallet) {
        const value = qty * this.usdPrice(ccy, now);
        balanceValue += value;
        collateralValue += value > 0 ? value * (1 - (HAIRCUTS[ccy] ?? 0.1)) : value;
      }
    } else {
      for (const qty of wallet.values()) balanceValue += qty;
      collateralValue = balanceValue;
    }
    let unrealized = 0;
    let im = 0;
    let imWithOrders = 0;
    let mm = 0;
    for (const spec of this.state.instruments.all) {
      if (spec.marginAccount !== account) continue;
      const position = this.state.positions.get(spec.symbol);
      const mark = this.prices.mark(spec, now);
      if (position) {
        unrealized += unrealizedPnl(spec.kind, spec.contractSize, position.size, position.price, mark);
        const m = this.marginOf(spec, Math.abs(position.size), mark);
        im += m.im;
        mm += m.mm;
      }
      imWithOrders += this.marginOf(spec, this.exposure(spec, extra), mark).im;
    }
    const equity = collateralValue + unrealized;
    return {
      balanceValue, collateralValue, unrealized, initialMargin: im, initialMarginWithOrders: imWithOrders,
      maintenanceMargin: mm, equity, available: equity - imWithOrders,
    };
  }

  /**
   * True when the order would leave the account short of initial margin. An order that does not
   * raise the margin requirement (it reduces the position) always passes.
   */
  lacksMargin(spec: InstrumentSpec, side: Side, size: number, now: number): boolean {
    const before = this.totals(spec.marginAccount, now);
    const after = this.totals(spec.marginAccount, now, { symbol: spec.symbol, side, size });
    return after.initialMarginWithOrders > before.initialMarginWithOrders + 1e-12 && after.available < 0;
  }
}
