import type { BookLevel } from '../market/liquidity';
import { roundTo } from '../market/decimals';
import type { Order, Side } from './types';

/**
 * Price-level matching of an incoming (taker) order against the opposite side of the book, best
 * level first. Partial fills fall out naturally: an order larger than the liquidity inside its
 * limit is filled level by level and the remainder is left to rest or be cancelled.
 */

export interface PlannedFill {
  readonly price: number;
  readonly size: number;
}

/** True when a buy at `limit` reaches `price` (or a sell does). */
export function crosses(side: Side, limit: number, price: number): boolean {
  return side === 'buy' ? limit >= price : limit <= price;
}

export function planTakerFills(opposite: readonly BookLevel[], side: Side, quantity: number, limit: number, sizeDecimals: number): PlannedFill[] {
  const fills: PlannedFill[] = [];
  let remaining = quantity;
  for (const level of opposite) {
    if (remaining <= 0 || !crosses(side, limit, level.price)) break;
    const size = roundTo(Math.min(remaining, level.size), sizeDecimals);
    if (size <= 0) continue;
    fills.push({ price: level.price, size });
    remaining = roundTo(remaining - size, sizeDecimals);
  }
  return fills;
}

export function totalSize(fills: readonly PlannedFill[], sizeDecimals: number): number {
  return roundTo(fills.reduce((sum, f) => sum + f.size, 0), sizeDecimals);
}

/** The account's own best resting order on `side`, which an incoming opposite order must not trade with. */
export function bestOwn(book: readonly Order[]): number | null {
  return book.length > 0 ? book[0].limitPrice : null;
}
