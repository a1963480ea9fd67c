import * as vscode from 'vscode';
import type { EndpointSpec } from '../../core/catalog';
import { KrakenFuturesClient, RequestSetupError } from '../../core/client';
import { fingerprint, NonceSource } from '../../core/signing';
import { UserFacingError } from '../shared/userFacingError';
import type { CredentialStore, Credentials } from './credentialStore';
import type { Environment, EnvironmentChange, Environments } from './environment';
import { buildEnvironments, hostOf, LOCAL_ID, type EnvironmentDefinitions } from '../../core/environments/environmentDefinitions';
import { isRetiredDemo, type EnvironmentPrompts } from './environmentPrompts';
import { ApprovalLedger, guardedFetch } from './guardedFetch';
import type { LocalServer, LocalSimulator } from './localSimulator';

/** workspaceState key of the environment chosen in this workspace. */
export const ACTIVE_ENVIRONMENT_KEY = 'krakenFutures.activeEnvironment';
const SETTINGS_SECTION = 'krakenFutures';

export interface EnvironmentServiceDeps {
  readonly credentials: CredentialStore;
  readonly workspaceState: vscode.Memento;
  readonly local: LocalSimulator;
  readonly prompts: EnvironmentPrompts;
  readonly log: vscode.LogOutputChannel;
  /** Milliseconds since the epoch for the nonces; Date.now unless a test freezes it. */
  readonly clock?: () => number;
}

/**
 * The `Environments` contract: which environment is active (remembered per workspace), what the
 * environments are (settings), and clients bound to the active environment's host and credentials.
 * Everything that depends on the environment listens to `onDidChange`; nothing polls.
 */
export class EnvironmentService implements Environments, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<EnvironmentChange>();
  readonly onDidChange = this.changed.event;
  private definitions: EnvironmentDefinitions;
  private activeId: string;
  private localBaseUrl = '';
  /** Local credentials are rewritten on every simulator start; that is not a change worth a refresh. */
  private ownLocalWrites = 0;
  /** One nonce source for every client, so two clients never reuse a nonce for the same key. */
  private readonly nonces: NonceSource;
  /** Live requests the live guard approved, consumed by the guarded fetch of the client that sends them. */
  readonly approvals = new ApprovalLedger();
  private readonly subscriptions: vscode.Disposable[] = [];
  private localSync: { readonly server: LocalServer; readonly done: Promise<void> } | undefined;
  private readonly bindingChecks = new Map<string, Promise<Credentials | undefined>>();

  constructor(private readonly deps: EnvironmentServiceDeps) {
    this.nonces = new NonceSource({ clock: deps.clock ?? Date.now });
    this.definitions = this.readDefinitions();
    const remembered = deps.workspaceState.get<string>(ACTIVE_ENVIRONMENT_KEY);
    this.activeId = remembered && this.find(remembered) ? remembered : LOCAL_ID;
    this.subscriptions.push(
      this.changed,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SETTINGS_SECTION)) this.reloadDefinitions();
      }),
      deps.credentials.onDidChange((environmentId) => this.credentialsChanged(environmentId)),
    );
  }

  get active(): Environment {
    return this.find(this.activeId) ?? this.definitions.environments[0];
  }

  list(): readonly Environment[] {
    return this.definitions.environments;
  }

  /** Problems found in the `krakenFutures.*` environment settings (shown by Test Connection and logged). */
  get settingsProblems(): EnvironmentDefinitions['problems'] {
    return this.definitions.problems;
  }

  find(id: string): Environment | undefined {
    return this.definitions.environments.find((e) => e.id === id) ?? this.definitions.environments.find((e) => e.id.toLowerCase() === id.toLowerCase());
  }

  async switchTo(id: string): Promise<boolean> {
    const target = this.find(id);
    if (!target) throw new UserFacingError(`There is no environment "${id}". Known: ${this.list().map((e) => e.id).join(', ')}. Custom environments are defined in the setting krakenFutures.customEnvironments.`);
    if (target.id === this.activeId) return true;
    if (target.isLive && !(await this.deps.prompts.confirmLiveSwitch(target))) {
      this.deps.log.info(`switch to ${target.label} declined`);
      return false;
    }
    const previous = this.active;
    this.activeId = target.id;
    await this.deps.workspaceState.update(ACTIVE_ENVIRONMENT_KEY, target.id);
    this.deps.log.info(`environment: ${previous.label} -> ${target.label}${target.baseUrl ? ` (${target.baseUrl})` : ''}`);
    this.changed.fire({ previous, current: this.active, reason: 'switched' });
    if (isRetiredDemo(target)) void this.offerLocalInsteadOfRetiredDemo(target);
    return true;
  }

  /** Said at once on switching, not only when Test Connection or the first request fails. */
  private async offerLocalInsteadOfRetiredDemo(demo: Environment): Promise<void> {
    this.deps.log.warn(`${demo.label} points at ${demo.baseUrl}: Kraken retired the hosted demo in July 2026 (it redirects to a web page)`);
    try {
      const choice = await this.deps.prompts.warnRetiredDemo(demo);
      // Only if Demo is still the one in use: the person may have switched elsewhere meanwhile.
      if (choice === 'local' && this.activeId === demo.id) await this.switchTo(LOCAL_ID);
    } catch (error) {
      this.deps.log.warn(`retired demo warning: ${(error as Error).message}`);
    }
  }

  async hasCredentials(environmentId?: string): Promise<boolean> {
    const id = environmentId ?? this.activeId;
    // Local's credentials are generated with the simulator and stored when it starts.
    if (id === LOCAL_ID) return true;
    return this.deps.credentials.has(id);
  }

  async client(options: { readonly requireCredentials?: boolean } = {}): Promise<KrakenFuturesClient> {
    const environment = await this.startedActive();
    const credentials = await this.boundCredentials(environment);
    if (options.requireCredentials && !credentials) {
      throw new UserFacingError(`No API credentials are set for ${environment.label}. Run "Kraken Futures: Set Credentials" to add them.`);
    }
    try {
      return new KrakenFuturesClient({
        baseUrl: environment.baseUrl,
        ...(credentials ? { credentials: { apiKey: credentials.apiKey, secret: credentials.secret } } : {}),
        nonce: this.nonces,
        fetch: guardedFetch(globalThis.fetch.bind(globalThis), {
          credentialHost: credentials ? hostOf(environment.baseUrl) : undefined,
          live: environment.isLive,
          environmentLabel: environment.label,
          approvals: this.approvals,
        }),
      });
    } catch (error) {
      if (error instanceof RequestSetupError) {
        throw new UserFacingError(`${environment.label}: ${error.message}${error.hint ? ` ${error.hint}` : ''} Run "Kraken Futures: Set Credentials" to replace them.`);
      }
      throw error;
    }
  }

  assertPinned(pinned: string | undefined, what: string): void {
    const wanted = pinned?.trim();
    if (!wanted) return;
    const environment = this.find(wanted);
    if (!environment) {
      throw new UserFacingError(`${what} is pinned to environment "${wanted}", which does not exist (known: ${this.list().map((e) => e.id).join(', ')}). Fix the pin or define it in krakenFutures.customEnvironments.`);
    }
    if (environment.id !== this.activeId) {
      throw new UserFacingError(`${what} is pinned to ${environment.label} ("${environment.id}") but the active environment is ${this.active.label} ("${this.activeId}"); nothing was sent. Switch with "Kraken Futures: Switch Environment" or change the pin.`);
    }
  }

  nextNonce(apiKey: string): string {
    return this.nonces.next(apiKey);
  }

  /** Records the live guard's yes for exactly this request; the guarded fetch lets it through once. */
  approve(endpoint: EndpointSpec, params: ReadonlyArray<readonly [string, string]>): void {
    this.approvals.grant(endpoint, params);
  }

  /**
   * Stores credentials for an environment, bound to its current host. Local's are managed by the
   * simulator and cannot be replaced by hand.
   */
  async setCredentials(environment: Environment, credentials: { apiKey: string; secret: string }): Promise<void> {
    if (environment.kind === 'local') throw new UserFacingError('The local simulator creates its own key pair when it starts; there is nothing to set for it.');
    await this.deps.credentials.set(environment.id, { ...credentials, host: hostOf(environment.baseUrl) });
    this.deps.log.info(`credentials set for ${environment.label}: key ${fingerprint(credentials.apiKey.trim())}, bound to ${hostOf(environment.baseUrl)}`);
  }

  /** The active environment, with the local simulator started when it is the one. */
  private async startedActive(): Promise<Environment> {
    const environment = this.active;
    if (environment.kind !== 'local') return environment;
    const server = await this.deps.local.ensureStarted();
    // Callers arriving together (tree, runner, status) store the key pair and announce the URL once.
    if (this.localSync?.server !== server) {
      const done = this.adoptLocalServer(server).catch((error: unknown) => {
        this.localSync = undefined;
        throw error;
      });
      this.localSync = { server, done };
    }
    await this.localSync.done;
    return this.active;
  }

  private async adoptLocalServer(server: LocalServer): Promise<void> {
    const stored = await this.deps.credentials.get(LOCAL_ID).catch(() => undefined);
    const host = hostOf(server.baseUrl);
    if (stored?.apiKey !== server.apiKey || stored.secret !== server.secret || stored.host !== host) {
      this.ownLocalWrites++;
      await this.deps.credentials.set(LOCAL_ID, { apiKey: server.apiKey, secret: server.secret, host });
    }
    this.deps.log.info(`local simulator (${server.origin}) at ${server.baseUrl}, key ${fingerprint(server.apiKey)}`);
    this.localBaseUrl = server.baseUrl;
    this.reloadDefinitions();
  }

  /**
   * The environment's credentials if they may go to its current host. A pair set for another host
   * (the URL was edited since) is only reused after the person agrees.
   */
  private boundCredentials(environment: Environment): Promise<Credentials | undefined> {
    // One question per environment and host, however many requests are waiting for the answer.
    const key = `${environment.id}\n${environment.baseUrl}`;
    let pending = this.bindingChecks.get(key);
    if (!pending) {
      pending = this.checkBinding(environment).finally(() => this.bindingChecks.delete(key));
      this.bindingChecks.set(key, pending);
    }
    return pending;
  }

  private async checkBinding(environment: Environment): Promise<Credentials | undefined> {
    const stored = await this.deps.credentials.get(environment.id);
    if (!stored) return undefined;
    const host = hostOf(environment.baseUrl);
    if (stored.host === undefined) {
      // Stored before binding existed (or by the bare store): bind to the host it is first used with.
      await this.deps.credentials.set(environment.id, { ...stored, host });
      return { ...stored, host };
    }
    if (stored.host !== host) {
      if (!(await this.deps.prompts.confirmRebind(environment, stored.host, host))) {
        throw new UserFacingError(`The ${environment.label} credentials were set for ${stored.host} and were not sent to ${host}. Set credentials again for the new host, or change the URL back.`);
      }
      await this.deps.credentials.set(environment.id, { ...stored, host });
      this.deps.log.info(`${environment.label} credentials rebound from ${stored.host} to ${host}`);
    }
    return { ...stored, host };
  }

  private credentialsChanged(environmentId: string): void {
    if (environmentId === LOCAL_ID && this.ownLocalWrites > 0) {
      this.ownLocalWrites--;
      return;
    }
    if (environmentId !== this.activeId) return;
    this.changed.fire({ previous: this.active, current: this.active, reason: 'credentials' });
  }

  private readDefinitions(): EnvironmentDefinitions {
    const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    const definitions = buildEnvironments({ demoBaseUrl: config.get('demo.baseUrl'), customEnvironments: config.get('customEnvironments') }, this.localBaseUrl);
    for (const problem of definitions.problems) this.deps.log.warn(`setting ${problem.where} ${problem.message}`);
    return definitions;
  }

  private reloadDefinitions(): void {
    const previous = this.active;
    this.definitions = this.readDefinitions();
    const now = this.find(this.activeId);
    if (!now) {
      this.fallBackToLocal(`environment "${this.activeId}" is no longer defined`);
    } else if (now.isLive && !previous.isLive) {
      // Real money is only ever reached through an explicit, confirmed switch, never by editing settings.
      this.fallBackToLocal(`${now.label} became a live environment through a settings change`);
      void vscode.window.showWarningMessage(`${now.label} now counts as live, so Kraken Futures switched to the local simulator. Switch to it again to confirm.`);
    }
    this.changed.fire({ previous, current: this.active, reason: previous.id === this.activeId ? 'definition' : 'switched' });
  }

  private fallBackToLocal(why: string): void {
    this.deps.log.warn(`${why}; using the local simulator`);
    this.activeId = LOCAL_ID;
    void this.deps.workspaceState.update(ACTIVE_ENVIRONMENT_KEY, LOCAL_ID);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
