import * as vscode from 'vscode';
import { CredentialStore } from './environments/credentialStore';
import { CommandErrorReporter } from './shared/commandErrorReporter';
import type { KrakenFuturesTestApi } from './shared/testApi';
import { registerShowSignatureSteps } from './signature/showSignatureSteps';

/** Builds the shared services, hands each feature what it needs, and owns everything they return. */
export function activate(context: vscode.ExtensionContext): KrakenFuturesTestApi {
  const log = vscode.window.createOutputChannel('Kraken Futures', { log: true });
  const errors = new CommandErrorReporter(log);
  const credentials = new CredentialStore(context.secrets);

  context.subscriptions.push(log, errors, credentials, registerShowSignatureSteps(errors));

  log.info(`Kraken Futures Workbench ${context.extension.packageJSON.version as string} activated`);
  return { credentials, onDidReportError: errors.onDidReport, log };
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions and disposed by VS Code.
}
