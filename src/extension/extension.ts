import * as vscode from 'vscode';
import { CredentialStore } from './environments/credentialStore';
import { createEnvironments } from './environments/environmentsFeature';
import { registerRequestFiles } from './requests/requestFiles';
import { registerExplorer } from './explorer/explorerFeature';
import { registerOrders } from './orders/ordersFeature';
import { CommandErrorReporter } from './shared/commandErrorReporter';
import type { KrakenFuturesTestApi } from './shared/testApi';
import { registerShowSignatureSteps } from './signature/showSignatureSteps';

/** Set by activate(): what deactivate() must await (VS Code does not await disposables). */
let shutdown: (() => Promise<void>) | undefined;

/** Builds the shared services, hands each feature what it needs, and owns everything they return. */
export function activate(context: vscode.ExtensionContext): KrakenFuturesTestApi {
  const log = vscode.window.createOutputChannel('Kraken Futures', { log: true });
  const errors = new CommandErrorReporter(log);
  const credentials = new CredentialStore(context.secrets);
  const environmentsFeature = createEnvironments(context, { log, errors, credentials });
  const { environments, liveGuard } = environmentsFeature;
  shutdown = environmentsFeature.shutdown;
  const requests = registerRequestFiles({ errors, log, environments, liveGuard, credentials, storageUri: context.globalStorageUri, extensionUri: context.extensionUri });

  const explorer = registerExplorer({ environments, errors, log });
  const orders = registerOrders({ explorer, environments, guard: liveGuard, errors, log });

  context.subscriptions.push(log, errors, credentials, environmentsFeature, registerShowSignatureSteps(errors), requests.disposable, explorer, orders);

  log.info(`Kraken Futures Workbench ${context.extension.packageJSON.version as string} activated`);
  return {
    credentials, onDidReportError: errors.onDidReport, log,
    environments, liveGuard, environmentPrompts: environmentsFeature.prompts, environmentStatusBar: environmentsFeature.statusBar,
    extensionStorage: { logUri: context.logUri, globalStorageUri: context.globalStorageUri, storageUri: context.storageUri },
    requests: requests.api,
    explorer, orders,
  };
}

export function deactivate(): Promise<void> | undefined {
  // Everything is owned by context.subscriptions and disposed by VS Code; only the embedded
  // simulator needs awaiting, so its port is free when the window reloads.
  return shutdown?.();
}
