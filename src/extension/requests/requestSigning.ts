import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { Credentials } from '../../core/client';
import { resolveRequest, type ResolvedRequest } from '../../core/kfreq';
import { containsSecret, curlCommand, dryRunRequest, signatureEntry, type DryRun, type ResponseEntry } from '../../core/requests';
import { UserFacingError } from '../shared/userFacingError';
import { fileName, type RequestTarget } from './requestTarget';
import { entryEnvironmentOf, storedCredentials, type RequestServices } from './requestServices';

/**
 * "Show signature" and "Copy as cURL": the request is resolved and signed exactly as a send would
 * sign it (the real client against a transport that answers locally), but nothing is sent.
 */

interface Signed {
  readonly request: ResolvedRequest;
  readonly dryRun: DryRun;
  readonly credentials?: Credentials;
}

async function signWithoutSending(services: RequestServices, target: RequestTarget, what: string): Promise<Signed> {
  const { environments } = services;
  const parsed = target.file.requests[target.index];
  const label = `Request #${target.index + 1}`;
  environments.assertPinned(parsed?.env?.text, label);
  const resolution = resolveRequest(target.file, target.index, { responses: services.documents.responsesOf(target.document.uri) });
  const request = resolution.request;
  if (!request) {
    const first = resolution.problems.find((p) => p.severity === 'error') ?? resolution.problems[0];
    throw new UserFacingError(`${what}: ${label} cannot be built${first ? ` (line ${first.range.start.line + 1}: ${first.message})` : ''}. Fix it first; the Problems view lists what is wrong.`);
  }
  const client = await environments.client({ requireCredentials: request.sign });
  const environment = environments.active;
  const credentials = request.sign ? await storedCredentials(services.credentials, environment.id) : undefined;
  if (request.sign && !credentials) throw new UserFacingError(`${what}: no API credentials are set for ${environment.label}, so the request cannot be signed. Run "Kraken Futures: Set Credentials".`);
  if (request.sign && request.url && new URL(request.url).origin !== new URL(client.baseUrl).origin) {
    throw new UserFacingError(`${what}: ${label} goes to ${new URL(request.url).origin}, but the ${environment.label} credentials belong to ${new URL(client.baseUrl).origin}; it is not signed for another host. Use a path instead of a full URL.`);
  }
  const dryRun = await dryRunRequest(request, {
    baseUrl: client.baseUrl,
    // The clients' own nonce source: a copied cURL run next to an editor send never repeats a nonce.
    ...(credentials ? { credentials, nonce: environments.nextNonce(credentials.apiKey) } : {}),
  });
  return { request, dryRun, ...(credentials ? { credentials } : {}) };
}

/** Shows the signature trace, request line and headers of a request in the response view. */
export async function showRequestSignature(services: RequestServices, target: RequestTarget): Promise<ResponseEntry> {
  const { request, dryRun } = await signWithoutSending(services, target, 'Show Signature');
  const entry = signatureEntry(request, dryRun, {
    id: randomUUID(),
    createdAt: Date.now(),
    environment: entryEnvironmentOf(services.environments.active),
    source: { file: fileName(target.document), index: target.index },
  });
  services.view.show({ entries: [entry], selectedId: entry.id });
  return entry;
}

/** Copies a cURL command for the request; the key is a placeholder unless `withKey`. Resolves to the command. */
export async function copyRequestAsCurl(services: RequestServices, target: RequestTarget, withKey: boolean): Promise<string> {
  const { request, dryRun, credentials } = await signWithoutSending(services, target, 'Copy as cURL');
  const command = curlCommand(dryRun, withKey && credentials ? { apiKey: credentials.apiKey } : {});
  // The builder never sees the secret; this only guards against a future change breaking that.
  if (credentials && containsSecret(command, credentials.secret)) throw new Error('the cURL command would contain the API secret; nothing was copied');
  await vscode.env.clipboard.writeText(command);
  const nonce = dryRun.signature?.nonce;
  const note = dryRun.signature
    ? `Signed for nonce ${nonce || '(none)'}: the command works once${withKey ? '' : '; export KRAKEN_FUTURES_API_KEY first'}.`
    : 'Public endpoint: no signature needed.';
  void vscode.window.showInformationMessage(`Copied cURL for ${request.method} ${request.path}. ${note}`);
  return command;
}
