import * as vscode from 'vscode';
import type { Instrument } from '../../core/catalog';
import type { InstrumentInfo } from '../../core/kfreq';
import type { Environments } from '../environments/environment';

const RETRY_AFTER_MS = 60_000;

/**
 * The active environment's instrument list, fetched once (a public call) and kept until the
 * environment changes. Completion offers its symbols; diagnostics check tick and size steps
 * against it. Without it those checks are simply skipped: a failed fetch is logged, not shown.
 */
export class InstrumentCache implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a list arrived or was dropped (environment switched). */
  readonly onDidChange = this.changed.event;
  private list: { environmentId: string; instruments: readonly InstrumentInfo[] } | undefined;
  private loading: { environmentId: string; promise: Promise<void> } | undefined;
  /** After a failed fetch, completion and diagnostics do not retry on every keystroke. */
  private failed: { environmentId: string; at: number } | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly environments: Environments,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscription = environments.onDidChange((change) => {
      if (change.reason === 'credentials' && change.previous?.id === change.current.id) return;
      this.list = undefined;
      this.loading = undefined;
      this.failed = undefined;
      this.changed.fire();
    });
  }

  /** The instruments at hand now, without waiting; starts a fetch when there are none. */
  current(): readonly InstrumentInfo[] | undefined {
    const environmentId = this.environments.active.id;
    if (this.list?.environmentId === environmentId) return this.list.instruments;
    const recentlyFailed = this.failed?.environmentId === environmentId && Date.now() - this.failed.at < RETRY_AFTER_MS;
    if (!recentlyFailed) void this.load();
    return undefined;
  }

  /** Fetches the list for the active environment unless it is already here or on its way. */
  load(): Promise<void> {
    const environmentId = this.environments.active.id;
    if (this.list?.environmentId === environmentId) return Promise.resolve();
    if (this.loading?.environmentId === environmentId) return this.loading.promise;
    const promise = this.fetch(environmentId);
    this.loading = { environmentId, promise };
    return promise;
  }

  private async fetch(environmentId: string): Promise<void> {
    try {
      const client = await this.environments.client({ requireCredentials: false });
      const instruments = (await client.instruments()).map(toInstrumentInfo);
      // The environment may have been switched while the list was on its way.
      if (this.environments.active.id !== environmentId) return;
      this.list = { environmentId, instruments };
      this.log.info(`instruments of ${environmentId}: ${instruments.length} loaded for .kfreq completion and checks`);
      this.changed.fire();
    } catch (error) {
      this.failed = { environmentId, at: Date.now() };
      this.log.warn(`instruments of ${environmentId} unavailable, so symbol completion and tick/size checks are off: ${(error as Error).message}`);
    } finally {
      if (this.loading?.environmentId === environmentId) this.loading = undefined;
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function toInstrumentInfo(instrument: Instrument): InstrumentInfo {
  return {
    symbol: instrument.symbol,
    ...(typeof instrument.tickSize === 'number' ? { tickSize: instrument.tickSize } : {}),
    ...(typeof instrument.contractValueTradePrecision === 'number' ? { contractValueTradePrecision: instrument.contractValueTradePrecision } : {}),
    ...(typeof instrument.tradeable === 'boolean' ? { tradeable: instrument.tradeable } : {}),
  };
}
