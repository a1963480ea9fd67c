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

function merge(levels: Map<number, number>, price: number, size: number, decimals: number): void {
  levels.set(price, roundTo((levels.get(price) ?? 0) + size, decimals));
}

export function bookSnapshot(market: Market, state: AccountState, spec: InstrumentSpec, now: number): BookSnapshot {
  const bids = new Map<number, number>();
  const asks = new Map<number, number>();
  for (const q of market.quotes(spec, 'bid', now)) merge(bids, q.price, q.size, spec.sizePrecision);
  for (const q of market.quotes(spec, 'ask', now)) merge(asks, q.price, q.size, spec.sizePrecision);
  for (const o of state.book(spec.symbol, 'buy')) merge(bids, o.limitPrice, o.quantity - o.filled, spec.sizePrecision);
  for (const o of state.book(spec.symbol, 'sell')) merge(asks, o.limitPrice, o.quantity - o.filled, spec.sizePrecision);
  return {
    bids: [...bids.entries()].sort((a, b) => b[0] - a[0]),
    asks: [...asks.entries()].sort((a, b) => a[0] - b[0]),
  };
}
