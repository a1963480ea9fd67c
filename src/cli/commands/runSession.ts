import { KrakenFuturesClientError, type ApiResponse, type Credentials, type KrakenFuturesClient } from '../../core/client';
import { runRequests, sendWithClient, type RequestResult, type SendFunction, type StoredResponse } from '../../core/kfreq';
import { explainRejection, rejectionKindOf, type RejectionExplanation } from '../../core/requests';
import type { RunEnvironment } from './runEnvironments';
import type { LoadedFile } from './runFiles';
import type { JunitFile } from './runJunit';
import { LiveOrderGuard } from './runLiveGuard';
import { krakenErrorOf, type RequestReport } from './runReporters';

/**
 * Sends the selected requests of each file through the shared runner (`runRequests`), one at a
 * time so the live guard can fetch fresh mark prices right before a state-changing request.
 * Named responses chain within a file, as in the editor. When `stopRequested` turns true the
 * session ends before the next request and returns what ran.
 */

export interface SessionOptions {
  readonly files: readonly LoadedFile[];
  readonly client: KrakenFuturesClient;
  readonly environment: RunEnvironment;
  readonly credentials: Credentials | undefined;
  /** Only against a live environment; undefined elsewhere. */
  readonly liveGuard: LiveOrderGuard | undefined;
  readonly onReport: (report: RequestReport) => void;
  /** The --var values, as the environment variables of the run (file variables win). */
  readonly variables?: Readonly<Record<string, string>>;
  /**
   * Asked before each request: true stops the run there (Ctrl-C). A request already being sent
   * is always finished, never aborted: an order half-sent is worse than one more answer.
   */
  readonly stopRequested?: () => boolean;
}

/** The client's typed errors carry a hint; keep it in the one line the runner shows. */
function sendWithHints(client: KrakenFuturesClient): SendFunction<ApiResponse> {
  const send = sendWithClient(client);
  return async (request, signal) => {
    try {
      return await send(request, signal);
    } catch (error) {
      if (error instanceof KrakenFuturesClientError && error.hint) throw new Error(`${error.message} ${error.hint}`, { cause: error });
      throw error;
    }
  };
}

/** The doctor's reading of an authenticationError (or a nonce error), when the answer was one. */
function explanationOf(result: RequestResult<ApiResponse>, credentials: Credentials | undefined, environment: RunEnvironment): RejectionExplanation | undefined {
  const response = result.response;
  if (!response || !result.request) return undefined;
  const krakenError = krakenErrorOf(response);
  if (krakenError === undefined || rejectionKindOf(krakenError) === undefined) return undefined;
  return explainRejection({
    krakenError,
    path: result.request.path,
    environment: { label: environment.label, kind: environment.kind },
    signReason: result.request.signReason,
    ...(response.signature ? { signature: response.signature } : {}),
    ...(credentials ? { credentials } : {}),
  });
}

export async function runSession(options: SessionOptions): Promise<JunitFile[]> {
  const send = sendWithHints(options.client);
  const guard = options.liveGuard;
  const done: JunitFile[] = [];
  const stop = options.stopRequested ?? (() => false);
  for (const loaded of options.files) {
    if (stop()) break;
    const responses = new Map<string, StoredResponse>();
    const reports: RequestReport[] = [];
    for (const index of loaded.indices) {
      if (stop()) break;
      const request = loaded.file.requests[index];
      // Only a non-GET request can change state; refresh prices just before it, not once per run.
      if (guard && request && request.method !== 'GET') await guard.refresh();
      if (stop()) break;
      const summary = await runRequests(loaded.file, {
        send,
        environmentId: options.environment.id,
        indices: [index],
        responses,
        ...(options.variables ? { context: { environmentVariables: options.variables } } : {}),
        ...(guard ? { guard: (resolved) => guard.check(resolved) } : {}),
      });
      for (const result of summary.results) {
        const explanation = explanationOf(result, options.credentials, options.environment);
        const report: RequestReport = { file: loaded.path, request, result, ...(explanation ? { explanation } : {}) };
        reports.push(report);
        options.onReport(report);
      }
    }
    done.push({ file: loaded.path, reports });
  }
  return done;
}
