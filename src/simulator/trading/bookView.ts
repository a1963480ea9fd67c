import { roundTo } from '../market/decimals';
import type { InstrumentSpec } from '../market/instruments';
import type { Market } from '../market/market';
import type { AccountState } from './accountState';

/**
 * The public order book: the simulated makers' quotes plus the account's own resting orders,
 * aggregated per price. Bids descending, asks ascending, as Kraken returns them.
 */

export interface BookSnapshot {
  readonly bids: Array<[number, number]>;
  readonly asks: Array<[number, number]>;
}

function merge(levels: Map<number, number>, price: number, size: number): void {
  levels.set(price, (levels.get(price) ?? 0) + size);
}

function sorted(levels: Map<number, number>, decimals: number, descending: boolean): Array<[number, number]> {
  return [...levels.entries()]
    .map(([price, size]): [number, number] => [price, roundTo(size, decimals)])
    .sort((a, b) => (descending ? b[0] - a[0] : a[0] - b[0]));
}

export function bookSnapshot(market: Market, state: AccountState, spec: InstrumentSpec, now: number): BookSnapshot {
  const bids = new Map<number, number>();
  const asks = new Map<number, number>();
  for (const q of market.quotes(spec, 'bid', now)) merge(bids, q.price, q.size);
  for (const q of market.quotes(spec, 'ask', now)) merge(asks, q.price, q.size);
  for (const o of state.book(spec.symbol, 'buy')) merge(bids, o.limitPrice, o.quantity - o.filled);
  for (const o of state.book(spec.symbol, 'sell')) merge(asks, o.limitPrice, o.quantity - o.filled);
  return { bids: sorted(bids, spec.sizePrecision, true), asks: sorted(asks, spec.sizePrecision, false) };
}

/** Just the top of the book (for tickers): O(orders at the best price), not O(book). */
export function bestLevels(market: Market, state: AccountState, spec: InstrumentSpec, now: number): { bid?: [number, number]; ask?: [number, number] } {
  const top = (side: 'bid' | 'ask'): [number, number] | undefined => {
    const quote = market.quotes(spec, side, now)[0];
    const own = state.book(spec.symbol, side === 'bid' ? 'buy' : 'sell');
    const better = (a: number, b: number) => (side === 'bid' ? a > b : a < b);
    let price = quote?.price;
    if (own.length > 0 && (price === undefined || better(own[0].limitPrice, price))) price = own[0].limitPrice;
    if (price === undefined) return undefined;
    let size = quote && quote.price === price ? quote.size : 0;
    for (let i = 0; i < own.length && own[i].limitPrice === price; i++) size += own[i].quantity - own[i].filled;
    return [price, roundTo(size, spec.sizePrecision)];
  };
  const bid = top('bid');
  const ask = top('ask');
  return { ...(bid ? { bid } : {}), ...(ask ? { ask } : {}) };
}
