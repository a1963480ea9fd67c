// Shared set-up of the environments suites: a second real simulator to play "live", settings edits
// that wait for the environment-changed event, and prompt overrides that record what was asked.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import type { EnvironmentChange } from '../../src/extension/environments/environment';
import type { EnvironmentPrompts } from '../../src/extension/environments/environmentPrompts';
import type { KrakenFuturesTestApi } from '../../src/extension/shared/testApi';
import { activatedApi } from './extensionUnderTest';

export interface CustomEnvironmentSetting {
  readonly id?: string;
  readonly name: string;
  readonly baseUrl: string;
  readonly isLive?: boolean;
}

/** A simulator in this process that counts the requests it served (method + path). */
export interface CountingSimulator extends RunningSimulator {
  readonly requests: string[];
}

export async function startCountingSimulator(): Promise<CountingSimulator> {
  const requests: string[] = [];
  const simulator = await startSimulator({
    host: '127.0.0.1',
    port: 0,
    rateLimits: false,
    log: (line) => {
      const request = /\b(GET|POST|PUT|DELETE) (\S+)/.exec(line);
      if (request) requests.push(`${request[1]} ${request[2]}`);
    },
  });
  return Object.assign(simulator, { requests });
}

/** Resolves with the next environment change that satisfies `predicate`. */
export function nextChange(api: KrakenFuturesTestApi, predicate: (change: EnvironmentChange) => boolean = () => true, timeoutMs = 10_000): Promise<EnvironmentChange> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`no matching environment change event within ${timeoutMs} ms (active: ${api.environments.active.id})`));
    }, timeoutMs);
    const subscription = api.environments.onDidChange((change) => {
      if (!predicate(change)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(change);
    });
  });
}

/** Writes `krakenFutures.customEnvironments` (user settings) and waits until the service has read it. */
export async function setCustomEnvironments(api: KrakenFuturesTestApi, environments: readonly CustomEnvironmentSetting[] | undefined): Promise<void> {
  const config = vscode.workspace.getConfiguration('krakenFutures');
  if (JSON.stringify(config.inspect('customEnvironments')?.globalValue) === JSON.stringify(environments)) return;
  const reloaded = nextChange(api, (change) => change.reason === 'definition' || change.reason === 'switched', 20_000);
  await config.update('customEnvironments', environments, vscode.ConfigurationTarget.Global);
  await reloaded;
}

/** Every question asked while a test runs, and the overrides that answered it. */
export class RecordedPrompts implements vscode.Disposable {
  readonly asked: Array<{ readonly question: keyof EnvironmentPrompts; readonly args: readonly unknown[] }> = [];
  private readonly registration: vscode.Disposable;

  constructor(api: KrakenFuturesTestApi, answers: Partial<EnvironmentPrompts>) {
    const recorded: Partial<EnvironmentPrompts> = {};
    for (const [question, answer] of Object.entries(answers) as [keyof EnvironmentPrompts, (...args: unknown[]) => Promise<unknown>][]) {
      (recorded as Record<string, unknown>)[question] = (...args: unknown[]) => {
        this.asked.push({ question, args });
        return answer(...args);
      };
    }
    this.registration = api.environmentPrompts.override(recorded);
  }

  count(question: keyof EnvironmentPrompts): number {
    return this.asked.filter((a) => a.question === question).length;
  }

  dispose(): void {
    this.registration.dispose();
  }
}

/** Back to the default environment and settings, whatever a test left behind. */
export async function resetEnvironments(api: KrakenFuturesTestApi): Promise<void> {
  if (api.environments.active.id !== 'local') assert.equal(await api.environments.switchTo('local'), true);
  await setCustomEnvironments(api, undefined);
}

export async function environmentsApi(): Promise<KrakenFuturesTestApi> {
  return activatedApi();
}
