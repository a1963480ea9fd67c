import type { Accounts, OpenOrder, OpenPosition, Ticker } from '../../core/catalog';
import { KrakenFuturesClientError } from '../../core/client';
import type { ContractBook } from '../../core/orders';

/**
 * What the explorer model knows about one part of the account or market, as plain data: nothing
 * yet, loading, an answer, an error (keeping the last answer, so the tree still shows it), or no
 * credentials to ask with. Pure.
 */

export type Section = 'market' | 'positions' | 'orders' | 'account';
export const ALL_SECTIONS: readonly Section[] = ['market', 'positions', 'orders', 'account'];
export const PRIVATE_SECTIONS: readonly Section[] = ['positions', 'orders', 'account'];

export interface MarketData {
  readonly contracts: ContractBook;
  readonly tickers: ReadonlyMap<string, Ticker>;
  /** When `/instruments` was last read (epoch ms); tickers are read on every refresh. */
  readonly instrumentsAt: number;
}

export interface SectionData {
  readonly market: MarketData;
  readonly positions: readonly OpenPosition[];
  readonly orders: readonly OpenOrder[];
  readonly account: Accounts;
}

export type SectionState<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly data?: T }
  | { readonly status: 'ready'; readonly data: T; readonly at: number }
  | { readonly status: 'noCredentials'; readonly environmentLabel: string }
  | { readonly status: 'error'; readonly message: string; readonly hint?: string; readonly data?: T };

export type SectionStates = { readonly [S in Section]: SectionState<SectionData[S]> };

export function dataOf<T>(state: SectionState<T>): T | undefined {
  return state.status === 'ready' || state.status === 'loading' || state.status === 'error' ? state.data : undefined;
}

/** An error as a person reads it: the message, and the client's hint about what to do. */
export function describeError(error: unknown): { message: string; hint?: string } {
  if (error instanceof KrakenFuturesClientError) return error.hint ? { message: error.message, hint: error.hint } : { message: error.message };
  if (error instanceof Error) return { message: error.message };
  return { message: String(error) };
}

/** Endpoint costs of a private refresh (reference §6): accounts, openpositions and openorders cost 2 each. */
export const SECTION_COST: Readonly<Record<Section, number>> = { market: 0, positions: 2, orders: 2, account: 2 };
