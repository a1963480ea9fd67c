import type * as vscode from 'vscode';
import type { EndpointSpec } from '../../core/catalog';
import type { KrakenFuturesClient } from '../../core/client';

/**
 * The contract between the environments feature and everything that depends on the active
 * environment (the explorer tree, the `.kfreq` runner, quick orders). Those features only ever see
 * these interfaces; they never read settings or SecretStorage themselves.
 */

export type { Environment, EnvironmentKind } from '../../core/environments/environment';
import type { Environment } from '../../core/environments/environment';

export interface EnvironmentChange {
  readonly previous: Environment | undefined;
  readonly current: Environment;
  /** Why it fired: a switch, a changed definition (settings), or changed credentials. */
  readonly reason: 'switched' | 'definition' | 'credentials';
}

export interface Environments {
  /** Fires whenever anything that depends on the environment should refresh. */
  readonly onDidChange: vscode.Event<EnvironmentChange>;
  readonly active: Environment;
  list(): readonly Environment[];
  /** Switches; switching to a live environment asks for an explicit confirmation first. Resolves false when the user declined. */
  switchTo(id: string): Promise<boolean>;
  hasCredentials(environmentId?: string): Promise<boolean>;
  /**
   * A client for the active environment with its credentials (bound to that environment's host),
   * starting the embedded simulator first when the active environment is `local`.
   * Throws a `UserFacingError` whose message says what to do (e.g. "Set credentials for Live").
   */
  client(options?: { readonly requireCredentials?: boolean }): Promise<KrakenFuturesClient>;
  /** Refuses (throws a `UserFacingError`) when `pinned` names another environment than the active one. */
  assertPinned(pinned: string | undefined, what: string): void;
  /**
   * The next nonce for this API key from the one source every client of these environments signs
   * with. Signatures made without sending (Show Signature, Copy as cURL) draw from it too, so a
   * copied command and an editor send can never get the same nonce.
   */
  nextNonce(apiKey: string): string;
}

/** One state-changing request as the live guard sees it. */
export interface GuardedRequest {
  readonly endpoint: EndpointSpec;
  /** The parameters exactly as they will be sent, in order. */
  readonly params: ReadonlyArray<readonly [string, string]>;
}

export interface LiveGuard {
  /**
   * Resolves true when the request may be sent. On a non-live environment, or for a non-mutating
   * endpoint, it resolves true without asking. On live it shows a modal confirmation summarising the
   * request in plain words (symbol, side, size, price, notional at the current mark price).
   */
  confirm(request: GuardedRequest): Promise<boolean>;
}
