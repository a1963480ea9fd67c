import { randomUUID } from 'node:crypto';
import { buildInstruments, InstrumentRegistry } from './market/instruments';
import { Market } from './market/market';
import { AccountState, type AccountSnapshot } from './trading/accountState';
import { TradingEngine } from './trading/engine';
import type { TradingEvent } from './trading/events';
import { MarketTick } from './trading/marketTick';
import { Portfolio } from './trading/portfolio';

/**
 * One simulated exchange with one account: the market, the account state and the engine that
 * changes it. Knows nothing about HTTP or files; `record` receives every event (the journal).
 */

export interface ExchangeIdentity {
  readonly seed: number;
  /** When this exchange's state was first created; fixes the fixed-maturity contracts. */
  readonly createdAt: number;
  readonly accountUid: string;
}

/** What a new account starts with. */
export const STARTING_BALANCES: ReadonlyArray<{ account: string; currency: string; amount: number }> = [
  { account: 'flex', currency: 'USD', amount: 100_000 },
  { account: 'flex', currency: 'XBT', amount: 0.5 },
  { account: 'fi_xbtusd', currency: 'XBT', amount: 2 },
  { account: 'fi_ethusd', currency: 'ETH', amount: 30 },
  { account: 'cash', currency: 'USD', amount: 0 },
];

export class SimulatedExchange {
  readonly instruments: InstrumentRegistry;
  readonly state: AccountState;
  readonly market: Market;
  readonly portfolio: Portfolio;
  readonly engine: TradingEngine;
  readonly tick: MarketTick;

  constructor(readonly identity: ExchangeIdentity, record: (event: TradingEvent) => void, newId: () => string = randomUUID) {
    this.instruments = new InstrumentRegistry(buildInstruments(identity.createdAt));
    this.state = new AccountState(this.instruments, identity.accountUid);
    this.market = new Market(identity.seed, this.instruments, (symbol) => this.state.tradesOf(symbol));
    this.portfolio = new Portfolio(this.state, this.market.prices);
    this.engine = new TradingEngine(this.state, this.market, this.portfolio, record, newId);
    this.tick = new MarketTick(this.engine);
  }

  /** Fund a brand-new account (not called when state is replayed from a journal). */
  openAccount(now: number): void {
    for (const b of STARTING_BALANCES) this.engine.commit({ k: 'deposit', t: now, account: b.account, currency: b.currency, amount: b.amount });
  }

  /** The account as plain JSON, for a snapshot of a state directory. */
  snapshot(): AccountSnapshot {
    return this.state.snapshot();
  }

  /** Start from a snapshot (parsed from its file) instead of from the first event. */
  restore(snapshot: AccountSnapshot): void {
    this.state.restore(snapshot);
  }

  /** Rebuild state from journaled events; nothing is decided again. */
  replay(events: readonly TradingEvent[]): void {
    for (const event of events) this.state.apply(event);
  }
}
