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
    return { baseUrl: client.baseUrl, reachable: false, publicCall: 'failed', privateCall: 'skipped', retiredDemo: false, lines };
  }
  const problem = publicAnswer.problem;
  if (problem instanceof NotJsonError && problem.retiredDemo) {
    lines.push('Kraken retired the hosted demo (demo-futures.kraken.com) in July 2026: it now redirects to a web page and no longer serves the API. Use the local simulator instead.');
    return { baseUrl: client.baseUrl, reachable: true, publicCall: 'failed', privateCall: 'skipped', retiredDemo: true, lines };
  }
  if (problem) {
    lines.push(`Reachable, but the public call GET ${PUBLIC_PATH} failed: ${describe(problem)}`);
  } else {
    lines.push(`Reachable: GET ${PUBLIC_PATH} answered HTTP ${publicAnswer.status} in ${Math.round(publicAnswer.timing.durationMs)} ms.`);
  }
  const clockSkewMs = skewOf(publicAnswer);
  if (clockSkewMs !== undefined) lines.push(skewSentence(clockSkewMs));
  const privateCall = await checkPrivate(client, apiKey, lines);
  return { baseUrl: client.baseUrl, reachable: true, publicCall: problem ? 'failed' : 'ok', privateCall, ...(clockSkewMs === undefined ? {} : { clockSkewMs }), retiredDemo: false, lines };
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

export function skewSentence(skewMs: number): string {
  const size = Math.abs(skewMs);
  const direction = skewMs >= 0 ? 'behind' : 'ahead of';
  const amount = size >= 1000 ? `${(size / 1000).toFixed(1)} s` : `${size} ms`;
  if (size < NOTABLE_SKEW_MS) return `Clock skew: this machine is ${amount} ${direction} the server (fine).`;
  return `Clock skew: this machine is ${amount} ${direction} the server. Sync the system clock: time-based nonces and processBefore deadlines depend on it.`;
}

function describe(error: unknown): string {
  if (error instanceof KrakenFuturesClientError) return `${error.message}${error.hint ? ` ${error.hint}` : ''}`;
  return error instanceof Error ? error.message : String(error);
}
