import * as vscode from 'vscode';
import type { Environment } from './environment';
import type { GuardSummary } from './guardSummary';
import { credentialInputProblem, type InputProblem } from './credentialInput';

/**
 * Every question the environments feature asks a person, behind one interface. The default is the
 * real VS Code UI (modal dialogs, input boxes, a quick pick); the extension-host tests swap single
 * questions through the test API because a modal dialog cannot be clicked from a test.
 */
export interface EnvironmentPrompts {
  /** Switching to real money: explicit, modal. */
  confirmLiveSwitch(environment: Environment): Promise<boolean>;
  /** One state-changing request on a live environment, summarised in plain words. */
  confirmLiveRequest(environment: Environment, summary: GuardSummary): Promise<boolean>;
  /** The environment's URL changed since its credentials were set: may they go to the new host? */
  confirmRebind(environment: Environment, storedHost: string, newHost: string): Promise<boolean>;
  /** The quick pick of the status bar item and "Switch Environment"; resolves the chosen id. */
  pickEnvironment(environments: readonly Environment[], activeId: string): Promise<string | undefined>;
  /** Key then secret, each validated as it is typed; undefined when cancelled. */
  askCredentials(environment: Environment, hasExisting: boolean): Promise<{ apiKey: string; secret: string } | undefined>;
  confirmClear(environment: Environment): Promise<boolean>;
  /**
   * Just switched to Demo while it still points at Kraken's retired hosted demo: resolves 'local'
   * when the person chose the local simulator instead, 'keep' otherwise (also when dismissed).
   */
  warnRetiredDemo(environment: Environment): Promise<'local' | 'keep'>;
}

export const vscodePrompts: EnvironmentPrompts = {
  async confirmLiveSwitch(environment) {
    const choice = await vscode.window.showWarningMessage(
      `Switch to ${environment.label} (${environment.baseUrl})?`,
      { modal: true, detail: 'This environment trades real money. Orders, cancels, transfers and withdrawals sent from this window will reach it (each one still asks before it is sent).' },
      'Switch to Live',
    );
    return choice === 'Switch to Live';
  },

  async confirmLiveRequest(environment, summary) {
    const choice = await vscode.window.showWarningMessage(
      `${environment.label} (real money): ${summary.headline}`,
      { modal: true, detail: [...summary.details, '', `Host: ${environment.baseUrl}`].join('\n') },
      'Send to Live',
    );
    return choice === 'Send to Live';
  },

  async confirmRebind(environment, storedHost, newHost) {
    const choice = await vscode.window.showWarningMessage(
      `The ${environment.label} credentials were set for ${storedHost}, but the environment now points at ${newHost}.`,
      { modal: true, detail: `Send these credentials to ${newHost} from now on? Choose this only if you trust that host: a signed request lets it act on your account.` },
      'Use Them for the New Host',
    );
    return choice === 'Use Them for the New Host';
  },

  async pickEnvironment(environments, activeId) {
    const items = environments.map((environment) => ({
      label: `${iconOf(environment)} ${environment.label}`,
      description: [environment.id === activeId ? 'active' : '', environment.isLive ? 'real money' : '', isRetiredDemo(environment) ? 'retired by Kraken in July 2026' : ''].filter(Boolean).join(' · '),
      detail: environment.baseUrl || 'started on this machine when first used',
      id: environment.id,
    }));
    const picked = await vscode.window.showQuickPick(items, { title: 'Kraken Futures: Switch Environment', placeHolder: 'Where requests from this workspace go' });
    return picked?.id;
  },

  async askCredentials(environment, hasExisting) {
    const verb = hasExisting ? 'Replace' : 'Set';
    const apiKey = await vscode.window.showInputBox({
      title: `${verb} ${environment.label} credentials (1/2): API key`,
      prompt: `The public key from Kraken Futures → Settings → API, for ${environment.baseUrl || environment.label}`,
      ignoreFocusOut: true,
      validateInput: (text) => asValidation(credentialInputProblem('apiKey', text)),
    });
    if (apiKey === undefined) return undefined;
    const secret = await vscode.window.showInputBox({
      title: `${verb} ${environment.label} credentials (2/2): API secret`,
      prompt: 'The private key shown once when the key pair was created. It is kept in VS Code secret storage only.',
      password: true,
      ignoreFocusOut: true,
      validateInput: (text) => asValidation(credentialInputProblem('secret', text, apiKey)),
    });
    if (secret === undefined) return undefined;
    return { apiKey, secret };
  },

  async confirmClear(environment) {
    const choice = await vscode.window.showWarningMessage(`Remove the ${environment.label} credentials from VS Code secret storage?`, { modal: true }, 'Remove');
    return choice === 'Remove';
  },

  async warnRetiredDemo(environment) {
    const switchToLocal = 'Switch to Local Simulator';
    const choice = await vscode.window.showWarningMessage(
      `${environment.label} (${environment.baseUrl}): Kraken retired the hosted demo in July 2026; it now redirects to a web page and no longer serves the API. The local simulator serves the same API for order tests.`,
      switchToLocal,
      'Keep Demo',
    );
    return choice === switchToLocal ? 'local' : 'keep';
  },
};

/** An error blocks Enter; a warning or note is shown and the value can still be accepted. */
function asValidation(problem: InputProblem | undefined): vscode.InputBoxValidationMessage | undefined {
  if (!problem) return undefined;
  const severity =
    problem.severity === 'error' ? vscode.InputBoxValidationSeverity.Error
    : problem.severity === 'warning' ? vscode.InputBoxValidationSeverity.Warning
    : vscode.InputBoxValidationSeverity.Info;
  return { message: problem.message, severity };
}

/** Demo still pointing at Kraken's hosted demo, which was retired in July 2026. */
export function isRetiredDemo(environment: Environment): boolean {
  return environment.kind === 'demo' && /^https?:\/\/demo-futures\.kraken\.com(\/|$)/i.test(environment.baseUrl);
}

/** The codicon that tells environments apart at a glance; live is the only flame. */
export function iconOf(environment: Environment): string {
  if (environment.isLive) return '$(flame)';
  if (environment.kind === 'local') return '$(beaker)';
  if (environment.kind === 'demo') return '$(cloud)';
  return '$(server-environment)';
}

/** The prompts in use: the real UI unless a test replaced some questions. */
export class SwappablePrompts implements EnvironmentPrompts {
  /** Newest last; disposing one removes just that one, in whatever order they are disposed. */
  private readonly layers: Partial<EnvironmentPrompts>[] = [];

  /** Replaces the given questions until the returned disposable is disposed. */
  override(replacement: Partial<EnvironmentPrompts>): vscode.Disposable {
    const layer = { ...replacement };
    this.layers.push(layer);
    return new vscode.Disposable(() => {
      const index = this.layers.indexOf(layer);
      if (index >= 0) this.layers.splice(index, 1);
    });
  }

  private pick<K extends keyof EnvironmentPrompts>(name: K): EnvironmentPrompts[K] {
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const answer = this.layers[i][name];
      if (answer) return answer;
    }
    return vscodePrompts[name];
  }

  confirmLiveSwitch(environment: Environment) {
    return this.pick('confirmLiveSwitch')(environment);
  }
  confirmLiveRequest(environment: Environment, summary: GuardSummary) {
    return this.pick('confirmLiveRequest')(environment, summary);
  }
  confirmRebind(environment: Environment, storedHost: string, newHost: string) {
    return this.pick('confirmRebind')(environment, storedHost, newHost);
  }
  pickEnvironment(environments: readonly Environment[], activeId: string) {
    return this.pick('pickEnvironment')(environments, activeId);
  }
  askCredentials(environment: Environment, hasExisting: boolean) {
    return this.pick('askCredentials')(environment, hasExisting);
  }
  confirmClear(environment: Environment) {
    return this.pick('confirmClear')(environment);
  }
  warnRetiredDemo(environment: Environment) {
    return this.pick('warnRetiredDemo')(environment);
  }
}
