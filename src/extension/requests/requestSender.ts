import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { ApiResponse, KrakenApiError } from '../../core/client';
import { runRequests, sendWithClient, type RequestResult, type ResolvedRequest, type SendFunction } from '../../core/kfreq';
import { entryFromResult, explainRejection, rejectionKindOf, type RejectionExplanation, type ResponseEntry } from '../../core/requests';
import type { Environment } from '../environments/environment';
import { UserFacingError } from '../shared/userFacingError';
import { fileName } from './requestTarget';
import { entryEnvironmentOf, storedCredentials, type RequestServices } from './requestServices';

/**
 * Sends requests of a `.kfreq` document in order through the active environment's client, with a
 * cancellable progress notification. State-changing requests pass the live guard first; answers
 * go to the response view (as they arrive) and to the history; a rejected signature or nonce is
 * explained in plain words.
 */

export async function sendRequests(services: RequestServices, document: vscode.TextDocument, indices: readonly number[], what: string): Promise<ResponseEntry[]> {
  const { documents, environments, view } = services;
  const file = documents.parse(document);
  const environment = environments.active;
  if (indices.length === 1) {
    const only = file.requests[indices[0] as number];
    environments.assertPinned(only?.env?.text, `Request #${(indices[0] as number) + 1}`);
  }
  const source = fileName(document);
  const entries: ResponseEntry[] = [];

  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Kraken Futures: ${what} on ${environment.label}`, cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      const cancellation = token.onCancellationRequested(() => abort.abort());
      try {
        const client = await environments.client({ requireCredentials: false });
        const send: SendFunction<ApiResponse> = async (request, signal) => {
          progress.report({ message: `#${request.index + 1}${request.name ? ` ${request.name}` : ''} ${request.method} ${request.path}` });
          // Asking again with requireCredentials gives the environment's own "set credentials" advice.
          if (request.sign && !client.hasCredentials) await environments.client({ requireCredentials: true });
          return sendWithClient(client)(request, signal);
        };
        let recording = Promise.resolve();
        const summary = await runRequests(file, {
          send,
          environmentId: environment.id,
          indices,
          responses: documents.responsesOf(document.uri),
          signal: abort.signal,
          guard: (request) => refusalOf(services, environment, request),
          onResult: (result) => {
            recording = recording.then(() => record(services, environment, result, source, file.requests[result.index]?.requestLine.range.start.line, document, entries));
            progress.report({ increment: 100 / indices.length });
          },
        });
        await recording;
        view.show({ entries, selectedId: (entries.find((e) => e.outcome !== 'passed') ?? entries[entries.length - 1])?.id });
        const text = `${what}: ${summary.passed} passed, ${summary.failed} did not pass${summary.cancelled ? ' (cancelled)' : ''}`;
        services.log.info(`${source} on ${environment.label}: ${text}`);
        void vscode.window.setStatusBarMessage(`$(${summary.failed === 0 ? 'check' : 'warning'}) ${text}`, 5000);
        return entries;
      } finally {
        cancellation.dispose();
      }
    },
  );
}

/** The live guard, as the runner's guard: undefined when the request may go, otherwise why not. */
async function refusalOf(services: RequestServices, environment: Environment, request: ResolvedRequest): Promise<string | undefined> {
  if (!request.mutating) return undefined;
  if (!request.endpoint) {
    // The guard can only summarise catalog endpoints; on real money an unknown state change is not sent.
    return environment.isLive ? `${request.method} ${request.path} is not in the endpoint catalog, so it cannot be confirmed for ${environment.label}.` : undefined;
  }
  const allowed = await services.liveGuard.confirm({ endpoint: request.endpoint, params: request.params });
  return allowed ? undefined : `the live confirmation for ${request.endpoint.id} on ${environment.label} was declined.`;
}

async function record(
  services: RequestServices,
  environment: Environment,
  result: RequestResult<ApiResponse>,
  source: string,
  line: number | undefined,
  document: vscode.TextDocument,
  entries: ResponseEntry[],
): Promise<void> {
  const credentials = await storedCredentials(services.credentials, environment.id);
  const explanation = explanationOf(result, environment, credentials);
  const entry = entryFromResult(
    result,
    {
      id: randomUUID(),
      createdAt: Date.now(),
      environment: entryEnvironmentOf(environment),
      source: { file: source, index: result.index },
      // The file may have been edited while the run was going; a vanished line just has no fallback.
      ...(line !== undefined && line < document.lineCount ? { fallbackLine: document.lineAt(line).text.trim() } : {}),
    },
    explanation,
  );
  entries.push(entry);
  services.view.show({ entries: [...entries], selectedId: entry.id, running: true });
  // Only what reached the wire belongs in the history of sent requests.
  if (result.response || (result.request && result.outcome === 'error')) {
    await services.history.add(entry, credentials ? [credentials] : []);
  }
}

function explanationOf(result: RequestResult<ApiResponse>, environment: Environment, credentials: { apiKey: string; secret: string } | undefined): RejectionExplanation | undefined {
  const response = result.response;
  if (!response || response.problem?.kind !== 'kraken') return undefined;
  const krakenError = (response.problem as KrakenApiError).krakenError;
  if (!rejectionKindOf(krakenError)) return undefined;
  return explainRejection({
    krakenError,
    path: new URL(response.request.url).pathname,
    environment: { label: environment.label, kind: environment.kind },
    ...(response.signature ? { signature: response.signature } : {}),
    ...(credentials ? { credentials } : {}),
    ...(result.request ? { signReason: result.request.signReason } : {}),
  });
}

export function assertHasRequests(count: number, what: string, file: string): void {
  if (count === 0) throw new UserFacingError(`${what}: ${file} has no request yet. Write a request line such as GET /derivatives/api/v3/tickers.`);
}
