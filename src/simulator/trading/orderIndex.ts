import { roundTo } from '../market/decimals';
import type { Order, Side } from './types';

/**
 * Indexes over the open orders, kept up to date by `AccountState.apply`, so that order entry and
 * the market tick cost the same with ten resting orders or ten thousand:
 *  - resting limit orders per symbol and side, in price-then-time priority;
 *  - per symbol and side, the open quantity that could still add to the position (orders and
 *    triggers that are not reduce-only), which is what order margin is charged on.
 */

type Sides<T> = { buy: T; sell: T };

function before(a: Order, b: Order): boolean {
  if (a.limitPrice !== b.limitPrice) return a.side === 'buy' ? a.limitPrice > b.limitPrice : a.limitPrice < b.limitPrice;
  if (a.receivedTime !== b.receivedTime) return a.receivedTime < b.receivedTime;
  return a.orderId < b.orderId;
}

export class OrderIndex {
  private readonly resting = new Map<string, Sides<Order[]>>();
  private readonly pending = new Map<string, Sides<number>>();

  private sides(symbol: string): Sides<Order[]> {
    let s = this.resting.get(symbol);
    if (!s) this.resting.set(symbol, (s = { buy: [], sell: [] }));
    return s;
  }

  /** Best first. The array is live: copy it before changing orders while walking it. */
  book(symbol: string, side: Side): readonly Order[] {
    return this.resting.get(symbol)?.[side] ?? [];
  }

  /** Symbols that have resting orders on either side. */
  symbolsWithOrders(): string[] {
    const out: string[] = [];
    for (const [symbol, s] of this.resting) if (s.buy.length > 0 || s.sell.length > 0) out.push(symbol);
    return out;
  }

  insert(order: Order): void {
    const list = this.sides(order.symbol)[order.side];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(list[mid], order)) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, order);
  }

  remove(order: Order): void {
    const list = this.resting.get(order.symbol)?.[order.side];
    if (!list) return;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(list[mid], order)) lo = mid + 1;
      else hi = mid;
    }
    const at = list[lo] === order ? lo : list.indexOf(order);
    if (at >= 0) list.splice(at, 1);
  }

  /** Add (or with a negative amount, remove) open quantity that could grow the position. */
  addPending(symbol: string, side: Side, amount: number): void {
    let s = this.pending.get(symbol);
    if (!s) this.pending.set(symbol, (s = { buy: 0, sell: 0 }));
    s[side] = Math.max(0, roundTo(s[side] + amount, 10));
  }

  /** The open quantities as they are (rebuilding them by adding up could round differently). */
  pendingEntries(): Array<[string, Sides<number>]> {
    return [...this.pending].map(([symbol, s]) => [symbol, { ...s }]);
  }

  restorePending(entries: ReadonlyArray<readonly [string, Readonly<Sides<number>>]>): void {
    this.pending.clear();
    for (const [symbol, s] of entries) this.pending.set(symbol, { buy: s.buy, sell: s.sell });
  }

  pendingOf(symbol: string): Readonly<Sides<number>> {
    return this.pending.get(symbol) ?? { buy: 0, sell: 0 };
  }
}
