import * as vscode from 'vscode';
import type { CommandErrorReporter } from '../shared/commandErrorReporter';
import type { CredentialStore } from './credentialStore';
import { registerEnvironmentCommands } from './environmentCommands';
import { SwappablePrompts } from './environmentPrompts';
import { EnvironmentService } from './environmentService';
import { EnvironmentStatusBar } from './environmentStatusBar';
import { EnvironmentLiveGuard } from './liveGuard';
import { LocalSimulator } from './localSimulator';

/** The environments feature as activate() sees it: the services to hand to other features, and one disposable. */
export interface EnvironmentsFeature extends vscode.Disposable {
  readonly environments: EnvironmentService;
  readonly liveGuard: EnvironmentLiveGuard;
  readonly prompts: SwappablePrompts;
  readonly statusBar: EnvironmentStatusBar;
  /** Stops the embedded simulator (idempotent); deactivate() awaits it so the port is freed. */
  shutdown(): Promise<void>;
}

export function createEnvironments(
  context: vscode.ExtensionContext,
  shared: { readonly log: vscode.LogOutputChannel; readonly errors: CommandErrorReporter; readonly credentials: CredentialStore },
): EnvironmentsFeature {
  const { log, errors, credentials } = shared;
  const prompts = new SwappablePrompts();
  const local = new LocalSimulator({ env: process.env, log: (line) => log.trace(`[simulator] ${line}`) });
  const environments = new EnvironmentService({ credentials, workspaceState: context.workspaceState, local, prompts, log });
  const liveGuard = new EnvironmentLiveGuard(environments, prompts, log);
  const statusBar = new EnvironmentStatusBar(environments, credentials);
  const commands = registerEnvironmentCommands({ environments, credentials, prompts, errors, log });
  const shutdown = () => local.dispose().catch((error: unknown) => log.warn(`stopping the local simulator: ${(error as Error).message}`));
  return {
    environments,
    liveGuard,
    prompts,
    statusBar,
    shutdown,
    dispose: () => {
      commands.dispose();
      statusBar.dispose();
      liveGuard.dispose();
      environments.dispose();
      // The embedded simulator's port and timers must not outlive the extension.
      void shutdown();
    },
  };
}
