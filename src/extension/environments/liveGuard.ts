import * as vscode from 'vscode';
import type { GuardedRequest, LiveGuard } from './environment';
import type { EnvironmentPrompts } from './environmentPrompts';
import type { EnvironmentService } from './environmentService';
import type { OpenOrder } from '../../core/catalog';
import { findOpenOrder, orderToLookUp, summarizeGuardedRequest, symbolsToPrice, type GuardSummary, type MarkPrices } from './guardSummary';

/** What the guard decided, for the log and the extension-host tests. */
export interface GuardDecision {
  readonly environmentId: string;
  readonly endpointId: string;
  readonly asked: boolean;
  readonly allowed: boolean;
  readonly summary?: GuardSummary;
}

/**
 * Asks before any state-changing request reaches a live environment. A yes is recorded as an
 * approval for exactly that request; the environment client's guarded fetch refuses live
 * state-changing requests without one, so a feature cannot skip the question by accident.
 */
export class EnvironmentLiveGuard implements LiveGuard, vscode.Disposable {
  private readonly decided = new vscode.EventEmitter<GuardDecision>();
  readonly onDidDecide = this.decided.event;

  constructor(
    private readonly environments: EnvironmentService,
    private readonly prompts: EnvironmentPrompts,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async confirm(request: GuardedRequest): Promise<boolean> {
    const environment = this.environments.active;
    const { endpoint, params } = request;
    if (!endpoint.mutating || !environment.isLive) {
      this.decided.fire({ environmentId: environment.id, endpointId: endpoint.id, asked: false, allowed: true });
      return true;
    }
    const order = await this.openOrder(orderToLookUp(endpoint, params));
    const symbols = order ? [order.symbol.toUpperCase()] : symbolsToPrice(endpoint, params);
    const summary = summarizeGuardedRequest(endpoint, params, await this.markPrices(symbols), order);
    const allowed = await this.prompts.confirmLiveRequest(environment, summary);
    // The environment may have been switched while the dialog was open: the answer was about this one.
    const stillActive = this.environments.active.id === environment.id;
    if (allowed && stillActive) this.environments.approve(endpoint, params);
    this.log.info(`live guard on ${environment.label}: ${summary.headline}: ${allowed ? (stillActive ? 'confirmed' : 'confirmed, but the environment changed meanwhile; not sent') : 'declined'}`);
    this.decided.fire({ environmentId: environment.id, endpointId: endpoint.id, asked: true, allowed: allowed && stillActive, summary });
    return allowed && stillActive;
  }

  /**
   * The open order an edit or cancel names, read from the active environment. A read only: a
   * failure (or an order that is not open) leaves the summary with the id alone, never blocks it.
   */
  private async openOrder(wanted: ReturnType<typeof orderToLookUp>): Promise<OpenOrder | undefined> {
    if (!wanted) return undefined;
    try {
      const client = await this.environments.client({ requireCredentials: true });
      return findOpenOrder(await client.openOrders(), wanted);
    } catch (error) {
      this.log.warn(`live guard: open orders unavailable, the order is named by its id only: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** Current mark prices from the active environment's tickers; a failure leaves the notional unknown. */
  private async markPrices(symbols: readonly string[]): Promise<MarkPrices> {
    const marks = new Map<string, number>();
    if (symbols.length === 0) return marks;
    try {
      const client = await this.environments.client();
      for (const ticker of await client.tickers(symbols)) {
        if (typeof ticker.markPrice === 'number') marks.set(ticker.symbol.toUpperCase(), ticker.markPrice);
      }
    } catch (error) {
      this.log.warn(`live guard: mark price of ${symbols.join(', ')} unavailable: ${(error as Error).message}`);
    }
    return marks;
  }

  dispose(): void {
    this.decided.dispose();
  }
}
