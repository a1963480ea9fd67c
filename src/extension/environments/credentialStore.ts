import * as vscode from 'vscode';
import { UserFacingError } from '../shared/userFacingError';

/** The API key pair of one environment, kept together as one JSON secret. */
export interface Credentials {
  readonly apiKey: string;
  readonly secret: string;
  /**
   * Origin (`https://futures.kraken.com`) the pair was set for. The environments feature never sends
   * it anywhere else; absent on pairs stored without a binding.
   */
  readonly host?: string;
}

const KEY_PREFIX = 'krakenFutures.credentials/';

/**
 * Typed wrapper over VS Code's SecretStorage (the OS keychain on desktop), keyed by environment id.
 * Secrets never leave it except to sign a request; callers show a fingerprint, never the value.
 */
export class CredentialStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the environment id whenever its credentials are set or cleared (also from another window). */
  readonly onDidChange = this.changed.event;
  private readonly secretsSubscription: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.secretsSubscription = secrets.onDidChange((e) => {
      if (e.key.startsWith(KEY_PREFIX)) this.changed.fire(e.key.slice(KEY_PREFIX.length));
    });
  }

  async get(environmentId: string): Promise<Credentials | undefined> {
    const raw = await this.secrets.get(keyOf(environmentId));
    if (raw === undefined) return undefined;
    return parseStored(environmentId, raw);
  }

  async has(environmentId: string): Promise<boolean> {
    return (await this.secrets.get(keyOf(environmentId))) !== undefined;
  }

  async set(environmentId: string, credentials: Credentials): Promise<void> {
    const apiKey = credentials.apiKey?.trim();
    const secret = credentials.secret?.trim();
    if (!apiKey) throw new UserFacingError(`The API key for environment "${environmentId}" is empty. Paste the public key from Kraken Futures → Settings → API.`);
    if (!secret) throw new UserFacingError(`The API secret for environment "${environmentId}" is empty. Paste the private key shown when the API key was created.`);
    const host = credentials.host?.trim();
    await this.secrets.store(keyOf(environmentId), JSON.stringify({ apiKey, secret, ...(host ? { host } : {}) } satisfies Credentials));
  }

  async clear(environmentId: string): Promise<void> {
    await this.secrets.delete(keyOf(environmentId));
  }

  dispose(): void {
    this.secretsSubscription.dispose();
    this.changed.dispose();
  }
}

function keyOf(environmentId: string): string {
  if (!/^[A-Za-z0-9][\w.-]*$/.test(environmentId)) {
    throw new UserFacingError(`"${environmentId}" is not a valid environment id: use letters, digits, ".", "_" or "-".`);
  }
  return KEY_PREFIX + environmentId;
}

function parseStored(environmentId: string, raw: string): Credentials {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = undefined;
  }
  if (
    typeof value === 'object' && value !== null &&
    typeof (value as Credentials).apiKey === 'string' && typeof (value as Credentials).secret === 'string'
  ) {
    const { apiKey, secret, host } = value as Credentials;
    return typeof host === 'string' && host !== '' ? { apiKey, secret, host } : { apiKey, secret };
  }
  // Never echo `raw`: it may be a secret stored by an older or foreign writer.
  throw new UserFacingError(`The stored credentials for environment "${environmentId}" are unreadable. Set them again.`);
}
