import type * as vscode from 'vscode';
import type { CredentialStore } from '../environments/credentialStore';
import type { EnvironmentsFeature } from '../environments/environmentsFeature';
import type { ExplorerFeature } from '../explorer/explorerFeature';
import type { OrdersFeature } from '../orders/ordersFeature';
import type { RequestFilesApi } from '../requests/requestFiles';
import type { ReportedError } from './commandErrorReporter';

/**
 * INTERNAL. What `activate()` returns: handles on the extension's services for the extension-host
 * tests (`vscode.extensions.getExtension(id).activate()`). Not a public API; it may change at any
 * time. Features add their services here as they land.
 */
export interface KrakenFuturesTestApi {
  readonly credentials: CredentialStore;
  /** The active environment, its clients and change events (implements `Environments`). */
  readonly environments: EnvironmentsFeature['environments'];
  /** Implements `LiveGuard`; `onDidDecide` reports every decision. */
  readonly liveGuard: EnvironmentsFeature['liveGuard'];
  /** Replace single questions (modal dialogs cannot be clicked in tests); dispose to restore. */
  readonly environmentPrompts: EnvironmentsFeature['prompts'];
  readonly environmentStatusBar: EnvironmentsFeature['statusBar'];
  /** Where the extension may write (log files, storage), for the no-secret-on-disk test. */
  readonly extensionStorage: { readonly logUri: vscode.Uri; readonly globalStorageUri: vscode.Uri; readonly storageUri: vscode.Uri | undefined };
  /** The .kfreq feature: the response view's state and render reports, the request history. */
  readonly requests: RequestFilesApi;
  /** The explorer views: their model (per-section state), tree providers, TreeViews and instrument filter. */
  readonly explorer: ExplorerFeature;
  /** Order entry: the gateway (live guard + send), the quick-order steps as shown, the dead man's switch. */
  readonly orders: OrdersFeature;
  /** Every failure a command reported to the user. */
  readonly onDidReportError: vscode.Event<ReportedError>;
  readonly log: vscode.LogOutputChannel;
}
