import * as vscode from 'vscode';
import { fingerprint } from '../../core/signing';
import { Commands } from '../shared/commands';
import type { CommandErrorReporter } from '../shared/commandErrorReporter';
import { UserFacingError } from '../shared/userFacingError';
import { checkConnection, type ConnectionReport } from './connectionCheck';
import { assertUsableCredentials } from './credentialInput';
import type { CredentialStore } from './credentialStore';
import type { Environment } from './environment';
import { LOCAL_ID } from '../../core/environments/environmentDefinitions';
import type { EnvironmentPrompts } from './environmentPrompts';
import type { EnvironmentService } from './environmentService';

export interface EnvironmentCommandDeps {
  readonly environments: EnvironmentService;
  readonly credentials: CredentialStore;
  readonly prompts: EnvironmentPrompts;
  readonly errors: CommandErrorReporter;
  readonly log: vscode.LogOutputChannel;
}

/** What "Show Credentials" reports: never the secret, never the whole key. */
export interface CredentialsDescription {
  readonly environmentId: string;
  readonly keyFingerprint?: string;
  readonly host?: string;
  readonly message: string;
}

/**
 * Switch Environment, Set / Clear / Show Credentials, Test Connection and Configure Environments.
 * Each takes an optional environment id (menus, tests, other features) and otherwise works on, or
 * asks about, the active environment.
 */
export function registerEnvironmentCommands(deps: EnvironmentCommandDeps): vscode.Disposable {
  const { environments, credentials, prompts, errors, log } = deps;

  const target = (arg: unknown): Environment => {
    const id = typeof arg === 'string' ? arg : typeof arg === 'object' && arg !== null && typeof (arg as { id?: unknown }).id === 'string' ? (arg as { id: string }).id : undefined;
    if (id === undefined) return environments.active;
    const environment = environments.find(id);
    if (!environment) throw new UserFacingError(`There is no environment "${id}". Known: ${environments.list().map((e) => e.id).join(', ')}.`);
    return environment;
  };

  return vscode.Disposable.from(
    errors.registerCommand(Commands.switchEnvironment, async (arg?: unknown) => {
      const id = typeof arg === 'string' ? arg : await prompts.pickEnvironment(environments.list(), environments.active.id);
      if (id === undefined) return false;
      return environments.switchTo(id);
    }),

    errors.registerCommand(Commands.setCredentials, async (arg?: unknown) => {
      const environment = target(arg);
      if (environment.kind === 'local') throw new UserFacingError('The local simulator creates its own key pair when it starts; switch to another environment to set credentials.');
      const answers = await prompts.askCredentials(environment, await credentials.has(environment.id));
      if (!answers) return false;
      // The input boxes already explain problems as they are typed; this also covers other callers.
      assertUsableCredentials(environment.label, answers.apiKey, answers.secret);
      await environments.setCredentials(environment, { apiKey: answers.apiKey.trim(), secret: answers.secret.trim() });
      void vscode.window.showInformationMessage(`${environment.label}: credentials saved in VS Code secret storage (key ${fingerprint(answers.apiKey.trim())}).`);
      return true;
    }),

    errors.registerCommand(Commands.clearCredentials, async (arg?: unknown) => {
      const environment = target(arg);
      if (environment.kind === 'local') throw new UserFacingError('The local simulator\'s key pair is replaced each time it starts; there is nothing to clear.');
      if (!(await credentials.has(environment.id))) {
        void vscode.window.showInformationMessage(`${environment.label} has no stored credentials.`);
        return false;
      }
      if (!(await prompts.confirmClear(environment))) return false;
      await credentials.clear(environment.id);
      log.info(`credentials cleared for ${environment.label}`);
      void vscode.window.showInformationMessage(`${environment.label}: credentials removed.`);
      return true;
    }),

    errors.registerCommand(Commands.showCredentials, async (arg?: unknown): Promise<CredentialsDescription> => {
      const environment = target(arg);
      const description = await describeCredentials(environment, credentials);
      void vscode.window.showInformationMessage(description.message);
      return description;
    }),

    errors.registerCommand(Commands.testConnection, async (): Promise<ConnectionReport> => {
      const environment = environments.active;
      const report = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Kraken Futures: testing ${environment.label}…` },
        async () => {
          const client = await environments.client();
          const stored = await credentials.get(environment.id).catch(() => undefined);
          return checkConnection(client, client.hasCredentials ? stored?.apiKey : undefined);
        },
      );
      log.info(`Test Connection: ${environment.label} (${report.baseUrl})`);
      for (const line of report.lines) log.info(`  ${line}`);
      void showReport(environment, report, environments, log);
      return report;
    }),

    errors.registerCommand(Commands.configureEnvironments, async () => {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'krakenFutures');
    }),
  );
}

async function describeCredentials(environment: Environment, credentials: CredentialStore): Promise<CredentialsDescription> {
  if (environment.id === LOCAL_ID) {
    const stored = await credentials.get(LOCAL_ID).catch(() => undefined);
    const key = stored ? fingerprint(stored.apiKey) : undefined;
    return {
      environmentId: environment.id,
      ...(key ? { keyFingerprint: key } : {}),
      ...(stored?.host ? { host: stored.host } : {}),
      message: key ? `Local simulator: key ${key}, generated by the simulator at ${stored?.host ?? 'its address'}. The secret is never shown.` : 'Local simulator: its key pair is generated when it first starts.',
    };
  }
  const stored = await credentials.get(environment.id);
  if (!stored) return { environmentId: environment.id, message: `${environment.label}: no credentials set. Run "Kraken Futures: Set Credentials" to add them.` };
  const key = fingerprint(stored.apiKey);
  return {
    environmentId: environment.id,
    keyFingerprint: key,
    ...(stored.host ? { host: stored.host } : {}),
    message: `${environment.label}: key ${key}${stored.host ? `, only ever sent to ${stored.host}` : ''}. The secret is stored in VS Code secret storage and never shown.`,
  };
}

/** A few words in a notification; every sentence of the report is in the log behind "Show Details". */
async function showReport(environment: Environment, report: ConnectionReport, environments: EnvironmentService, log: vscode.LogOutputChannel): Promise<void> {
  const summary = `${environment.label}: ${report.summary}.`;
  const details = 'Show Details';
  if (report.retiredDemo) {
    const switchToLocal = 'Switch to Local Simulator';
    const choice = await vscode.window.showWarningMessage(`${summary} Kraken retired the hosted demo in July 2026: demo-futures.kraken.com now redirects to a web page. The local simulator serves the same API for order tests.`, switchToLocal, details);
    if (choice === switchToLocal) await environments.switchTo(LOCAL_ID);
    if (choice === details) log.show(true);
    return;
  }
  const healthy = report.reachable && report.publicCall === 'ok' && report.privateCall !== 'failed';
  const show = healthy ? vscode.window.showInformationMessage : vscode.window.showErrorMessage;
  // The first failing sentence says what to do; the rest is in the log.
  const advice = healthy ? '' : ` ${report.lines.find((line) => /^(Not reachable|Keys NOT|Reachable, but|The private call)/.test(line)) ?? ''}`;
  if ((await show(`${summary}${advice}`, details)) === details) log.show(true);
}
