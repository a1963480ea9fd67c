import type * as vscode from 'vscode';
import type { Credentials } from '../../core/client';
import type { EntryEnvironment } from '../../core/requests';
import type { Environment, Environments, LiveGuard } from '../environments/environment';
import type { KfreqDocuments } from './kfreqDocuments';
import type { RequestHistoryStore } from './requestHistoryStore';
import type { ResponseView } from './responseView';

/** Where the stored key pair of an environment comes from (the CredentialStore satisfies it). */
export interface CredentialSource {
  get(environmentId: string): Promise<Credentials | undefined>;
}

/** What the request commands share; built once by `registerRequestFiles`. */
export interface RequestServices {
  readonly documents: KfreqDocuments;
  readonly environments: Environments;
  readonly liveGuard: LiveGuard;
  readonly credentials: CredentialSource;
  readonly view: ResponseView;
  readonly history: RequestHistoryStore;
  readonly log: vscode.LogOutputChannel;
}

export function entryEnvironmentOf(environment: Environment): EntryEnvironment {
  return { id: environment.id, label: environment.label, isLive: environment.isLive };
}

/** The stored key pair without any extra fields, or undefined; a damaged entry is treated as absent. */
export async function storedCredentials(source: CredentialSource, environmentId: string): Promise<Credentials | undefined> {
  const stored = await source.get(environmentId).catch(() => undefined);
  return stored ? { apiKey: stored.apiKey, secret: stored.secret } : undefined;
}
