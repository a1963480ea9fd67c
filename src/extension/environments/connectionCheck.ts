import { KrakenApiError, KrakenFuturesClientError, NotJsonError, type ApiResponse, type KrakenFuturesCaller } from '../../core/client';
import { fingerprint } from '../../core/signing';

/**
 * "Test Connection" without the UI: one public call (is the host the API, and how far apart are
 * the clocks?) and, when credentials exist, one private read (are the keys accepted?). Pure: no
 * vscode import; the command turns the report into messages.
 */

export type CheckOutcome = 'ok' | 'failed' | 'skipped';

export interface ConnectionReport {
  readonly baseUrl: string;
  readonly reachable: boolean;
  readonly publicCall: CheckOutcome;
  readonly privateCall: CheckOutcome;
  /** Server clock minus local clock at the middle of the public call, in ms. */
  readonly clockSkewMs?: number;
  /** The host is demo-futures.kraken.com and answered with its redirect to a web page. */
  readonly retiredDemo: boolean;
  /** One sentence per finding, in the order they were made. */
  readonly lines: readonly string[];
  /** The findings in a few words, for a notification: `reachable, keys valid, clock 0.2 s behind (fine)`. */
  readonly summary: string;
}

const PUBLIC_PATH = '/derivatives/api/v3/tickers';
const PRIVATE_PATH = '/derivatives/api/v3/accounts';
/** Beyond this the skew is worth a warning (nonces and `processBefore` are time-based). */
export const NOTABLE_SKEW_MS = 2_000;

export async function checkConnection(client: KrakenFuturesCaller, apiKey: string | undefined): Promise<ConnectionReport> {
  const lines: string[] = [];
  let publicAnswer: ApiResponse<unknown>;
  try {
    publicAnswer = await client.raw('GET', PUBLIC_PATH);
  } catch (error) {
    lines.push(`Not reachable: ${describe(error)}`);
    return finish({ baseUrl: client.baseUrl, reachable: false, publicCall: 'failed', privateCall: 'skipped', retiredDemo: false, lines });
  }
  const problem = publicAnswer.problem;
  if (problem instanceof NotJsonError && problem.retiredDemo) {
    lines.push('Kraken retired the hosted demo (demo-futures.kraken.com) in July 2026: it now redirects to a web page and no longer serves the API. Use the local simulator instead.');
    return finish({ baseUrl: client.baseUrl, reachable: true, publicCall: 'failed', privateCall: 'skipped', retiredDemo: true, lines });
  }
  if (problem) {
    lines.push(`Reachable, but the public call GET ${PUBLIC_PATH} failed: ${describe(problem)}`);
  } else {
    lines.push(`Reachable: GET ${PUBLIC_PATH} answered HTTP ${publicAnswer.status} in ${Math.round(publicAnswer.timing.durationMs)} ms.`);
  }
  const clockSkewMs = skewOf(publicAnswer);
  if (clockSkewMs !== undefined) lines.push(skewSentence(clockSkewMs, publicAnswer.timing.durationMs / 2));
  const privateCall = await checkPrivate(client, apiKey, lines);
  return finish({ baseUrl: client.baseUrl, reachable: true, publicCall: problem ? 'failed' : 'ok', privateCall, ...(clockSkewMs === undefined ? {} : { clockSkewMs, skewUncertaintyMs: publicAnswer.timing.durationMs / 2 }), retiredDemo: false, lines });
}

async function checkPrivate(client: KrakenFuturesCaller, apiKey: string | undefined, lines: string[]): Promise<CheckOutcome> {
  if (!client.hasCredentials || apiKey === undefined) {
    lines.push('No credentials set: private endpoints were not tried. Run "Kraken Futures: Set Credentials" to add a key pair.');
    return 'skipped';
  }
  const key = fingerprint(apiKey);
  let answer: ApiResponse<unknown>;
  try {
    answer = await client.raw('GET', PRIVATE_PATH);
  } catch (error) {
    lines.push(`The private call GET ${PRIVATE_PATH} got no answer: ${describe(error)}`);
    return 'failed';
  }
  if (!answer.problem) {
    lines.push(`Keys valid: key ${key} signed GET ${PRIVATE_PATH} and the server accepted it.`);
    return 'ok';
  }
  if (answer.problem instanceof KrakenApiError && /auth|apikey|nonce|signature/i.test(answer.problem.krakenError)) {
    lines.push(`Keys NOT accepted: key ${key} was refused with "${answer.problem.krakenError}". ${answer.problem.hint ?? 'Check the key pair, or run "Kraken Futures: Show Signature Steps".'}`);
  } else {
    lines.push(`The private call GET ${PRIVATE_PATH} with key ${key} failed: ${describe(answer.problem)}`);
  }
  return 'failed';
}

function skewOf(answer: ApiResponse<unknown>): number | undefined {
  const serverTime = (answer.json as { serverTime?: unknown } | undefined)?.serverTime;
  if (typeof serverTime !== 'string') return undefined;
  const server = Date.parse(serverTime);
  if (Number.isNaN(server)) return undefined;
  // The server stamped its time somewhere during the round trip; the middle is the best guess.
  return Math.round(server - (answer.timing.startedAt + answer.timing.durationMs / 2));
}

/** `uncertaintyMs` is half the round trip: the server stamped its time somewhere inside it. */
export function skewSentence(skewMs: number, uncertaintyMs: number): string {
  const direction = skewMs >= 0 ? 'behind' : 'ahead of';
  const measured = `this machine is ${duration(Math.abs(skewMs))} ${direction} the server (±${duration(Math.round(uncertaintyMs))})`;
  if (!skewIsNotable(skewMs, uncertaintyMs)) return `Clock skew: ${measured}, fine.`;
  return `Clock skew: ${measured}. Sync the system clock: time-based nonces and processBefore deadlines depend on it.`;
}

/** Only skew that the measurement's own uncertainty cannot explain is worth a warning. */
function skewIsNotable(skewMs: number, uncertaintyMs: number): boolean {
  return Math.abs(skewMs) - uncertaintyMs >= NOTABLE_SKEW_MS;
}

function duration(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms} ms`;
}

function finish(report: Omit<ConnectionReport, 'summary'> & { readonly skewUncertaintyMs?: number }): ConnectionReport {
  const { skewUncertaintyMs, ...rest } = report;
  const parts: string[] = [];
  if (report.retiredDemo) parts.push('the hosted demo is retired (July 2026)');
  else if (!report.reachable) parts.push('not reachable');
  else parts.push(report.publicCall === 'ok' ? 'reachable' : 'reachable, but the public call failed');
  if (report.privateCall === 'ok') parts.push('keys valid');
  if (report.privateCall === 'failed') parts.push('private call failed');
  if (report.privateCall === 'skipped' && report.reachable && !report.retiredDemo) parts.push('no credentials');
  if (report.clockSkewMs !== undefined) {
    const notable = skewIsNotable(report.clockSkewMs, skewUncertaintyMs ?? 0);
    parts.push(`clock ${duration(Math.abs(report.clockSkewMs))} ${report.clockSkewMs >= 0 ? 'behind' : 'ahead'}${notable ? ' (sync it)' : ' (fine)'}`);
  }
  return { ...rest, summary: parts.join(', ') };
}

function describe(error: unknown): string {
  if (error instanceof KrakenFuturesClientError) return `${error.message}${error.hint ? ` ${error.hint}` : ''}`;
  return error instanceof Error ? error.message : String(error);
}
