import * as vscode from 'vscode';
import { RateLimitError } from '../../core/client';
import { ContractBook } from '../../core/orders';
import type { Environments } from '../environments/environment';
import { tickersBySymbol } from './explorerNodes';
import { RefreshBudget } from './refreshBudget';
import {
  ALL_SECTIONS,
  dataOf,
  describeError,
  SECTION_COST,
  type MarketData,
  type Section,
  type SectionData,
  type SectionState,
  type SectionStates,
} from './sectionState';

/** `/instruments` changes rarely (listings, expiries); tickers are read on every refresh. */
const INSTRUMENTS_MAX_AGE_MS = 10 * 60_000;

export interface ExplorerModelOptions {
  readonly environments: Environments;
  readonly log: vscode.LogOutputChannel;
  readonly budget?: RefreshBudget;
  /** Refresh requests arriving within this window are merged into one round of requests. */
  readonly debounceMs?: number;
}

/**
 * Owns everything the explorer shows: fetches market data and the account's positions, orders and
 * balances from the active environment, caches the answers and fires `onDidChange` per section.
 * Refreshes are debounced and merged, at most one request per section is in flight, automatic
 * private reads stay inside the explorer's rate budget, and answers that arrive after an
 * environment switch are dropped.
 */
export class ExplorerModel implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Section>();
  readonly onDidChange = this.changed.event;
  private readonly states: { -readonly [S in Section]: SectionState<SectionData[S]> } = {
    market: { status: 'idle' }, positions: { status: 'idle' }, orders: { status: 'idle' }, account: { status: 'idle' },
  };
  private readonly budget: RefreshBudget;
  private readonly debounceMs: number;
  /** Bumped on every environment change; an answer from an older generation is dropped. */
  private generation = 0;
  /** Sections asked for in the current debounce window; true while every request for it was automatic. */
  private pending = new Map<Section, boolean>();
  private pendingWaiters: Array<() => void> = [];
  private debounceTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly inflight = new Map<Section, Promise<void>>();
  private readonly queued = new Map<Section, { promise: Promise<void>; automatic: boolean }>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private disposed = false;

  constructor(private readonly options: ExplorerModelOptions) {
    this.budget = options.budget ?? new RefreshBudget();
    this.debounceMs = options.debounceMs ?? 250;
    this.subscriptions.push(
      this.changed,
      options.environments.onDidChange((change) => {
        options.log.info(`explorer: ${change.reason === 'credentials' ? 'credentials changed' : `environment is ${change.current.label}`}; reloading`);
        this.reset();
        void this.refresh(ALL_SECTIONS);
      }),
    );
  }

  get environment() {
    return this.options.environments.active;
  }

  state<S extends Section>(section: S): SectionStates[S] {
    return this.states[section] as SectionStates[S];
  }

  /** The last answer, even while a newer one loads or after an error. */
  data<S extends Section>(section: S): SectionData[S] | undefined {
    return dataOf(this.states[section] as SectionState<SectionData[S]>);
  }

  get market(): MarketData | undefined {
    return this.data('market');
  }

  /**
   * Asks for fresh data. Calls within the debounce window are merged; the promise resolves when
   * the round of requests that covers these sections has finished (never rejects: failures
   * become the section's error state). `automatic` (the refresh timer) reads private sections
   * only while the rate budget has room; anything a person did (a click, a switch, an order) reads
   * them anyway, and its cost still counts against the budget of the automatic refreshes.
   */
  refresh(sections: readonly Section[] = ALL_SECTIONS, options: { readonly automatic?: boolean } = {}): Promise<void> {
    if (this.disposed) return Promise.resolve();
    const automatic = options.automatic ?? false;
    for (const section of sections) this.pending.set(section, (this.pending.get(section) ?? true) && automatic);
    const done = new Promise<void>((resolve) => this.pendingWaiters.push(resolve));
    if (this.debounceTimer === undefined) this.debounceTimer = setTimeout(() => void this.flush(), this.debounceMs);
    return done;
  }

  private async flush(): Promise<void> {
    this.debounceTimer = undefined;
    const sections = [...this.pending];
    const waiters = this.pendingWaiters;
    this.pending = new Map();
    this.pendingWaiters = [];
    await Promise.all(sections.map(([section, automatic]) => this.load(section, automatic)));
    for (const resolve of waiters) resolve();
  }

  /** One request per section at a time; a request asked for meanwhile runs once after it. */
  private load(section: Section, automatic: boolean): Promise<void> {
    const running = this.inflight.get(section);
    if (running) {
      const queued = this.queued.get(section);
      if (queued) {
        queued.automatic &&= automatic;
        return queued.promise;
      }
      const entry = { automatic, promise: Promise.resolve() };
      entry.promise = running.then(() => {
        this.queued.delete(section);
        return this.load(section, entry.automatic);
      });
      this.queued.set(section, entry);
      return entry.promise;
    }
    const task = this.fetch(section, automatic).finally(() => this.inflight.delete(section));
    this.inflight.set(section, task);
    return task;
  }

  private async fetch(section: Section, automatic: boolean): Promise<void> {
    const generation = this.generation;
    const environments = this.options.environments;
    const previous = this.data(section);
    try {
      if (section !== 'market') {
        if (!(await environments.hasCredentials())) {
          this.set(section, { status: 'noCredentials', environmentLabel: environments.active.label }, generation);
          return;
        }
        if (!automatic) {
          this.budget.spend(SECTION_COST[section]);
        } else if (!this.budget.tryTake(SECTION_COST[section])) {
          // The next tick tries again; the view keeps its last answer meanwhile.
          this.options.log.debug(`explorer: automatic ${section} refresh skipped to stay within the rate budget`);
          return;
        }
      }
      if (previous === undefined) this.set(section, { status: 'loading' }, generation);
      const data = await this.read(section, previous);
      this.set(section, { status: 'ready', data, at: Date.now() } as SectionState<SectionData[typeof section]>, generation);
    } catch (error) {
      if (error instanceof RateLimitError) this.budget.pause(error.resetSeconds);
      const { message, hint } = describeError(error);
      this.options.log.warn(`explorer: ${section} failed on ${environments.active.label}: ${message}`);
      this.set(section, { status: 'error', message, ...(hint ? { hint } : {}), ...(previous !== undefined ? { data: previous } : {}) } as SectionState<SectionData[typeof section]>, generation);
    }
  }

  private async read(section: Section, previous: SectionData[Section] | undefined): Promise<SectionData[Section]> {
    const environments = this.options.environments;
    if (section === 'market') {
      const client = await environments.client();
      const cached = previous as MarketData | undefined;
      const fresh = !cached || Date.now() - cached.instrumentsAt > INSTRUMENTS_MAX_AGE_MS;
      const [instruments, tickers] = await Promise.all([fresh ? client.instruments() : undefined, client.tickers()]);
      const market: MarketData = {
        contracts: instruments ? ContractBook.fromInstruments(instruments) : (cached as MarketData).contracts,
        tickers: tickersBySymbol(tickers),
        instrumentsAt: instruments ? Date.now() : (cached as MarketData).instrumentsAt,
      };
      return market;
    }
    const client = await environments.client({ requireCredentials: true });
    if (section === 'positions') return client.openPositions();
    if (section === 'orders') return client.openOrders();
    return client.accounts();
  }

  private set<S extends Section>(section: S, state: SectionState<SectionData[S]>, generation: number): void {
    if (generation !== this.generation || this.disposed) return;
    (this.states as Record<Section, SectionState<unknown>>)[section] = state;
    this.changed.fire(section);
  }

  /** A different environment (or different credentials): nothing cached is valid any more. */
  private reset(): void {
    this.generation++;
    for (const section of ALL_SECTIONS) {
      (this.states as Record<Section, SectionState<unknown>>)[section] = { status: 'idle' };
      this.changed.fire(section);
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.debounceTimer !== undefined) clearTimeout(this.debounceTimer);
    for (const resolve of this.pendingWaiters) resolve();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
