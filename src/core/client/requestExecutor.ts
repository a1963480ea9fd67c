import type { EndpointSpec, HttpMethod } from '../catalog';
import { fingerprint, signWithTrace } from '../signing';
import { NetworkError, TimeoutError, type KrakenFuturesClientError } from './errors';
import type { KyTransport } from './kyTransport';
import { classifyAnswer } from './responseClassifier';
import { decideRetry } from './retryPolicy';
import type { ApiResponse, AttemptTrace, CallOptions, Credentials, NonceProvider, RetryOptions, SignatureTrace, WireRequest } from './types';

/**
 * Sends one prepared request, with retries for reads. The parameter string is fixed before the
 * first attempt; each attempt only takes a fresh nonce and signs that same string again.
 */

export interface PreparedRequest {
  readonly method: HttpMethod;
  /** Full URL; for GET/DELETE it already carries `?postData`. */
  readonly url: string;
  /** The parameter string exactly as sent (query or body). */
  readonly postData: string;
  /** The form body (POST/PUT), undefined otherwise. */
  readonly body?: string;
  readonly endpoint?: EndpointSpec;
  readonly signed: boolean;
  readonly mutating: boolean;
}

export interface ExecutorContext {
  readonly transport: KyTransport;
  readonly credentials?: Credentials;
  readonly nonce: NonceProvider | false;
  readonly retry: Required<RetryOptions>;
  readonly userAgent: string;
  readonly onTrace?: (trace: AttemptTrace) => void;
  readonly sleep: (ms: number) => Promise<void>;
}

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

function signatureTraceOf(credentials: Credentials, path: string, postData: string, nonce: string | undefined) {
  const signed = signWithTrace({ path, postData, nonce, apiKey: credentials.apiKey, secret: credentials.secret });
  const trace: SignatureTrace = {
    apiKeyFingerprint: fingerprint(credentials.apiKey),
    nonce: nonce ?? '',
    endpointPath: signed.endpointPath,
    postData,
    message: signed.message,
    sha256Hex: signed.sha256Hex,
    authent: signed.authent,
    steps: signed.trace,
  };
  return { headers: signed.headers, trace };
}

function wireRequestOf(prepared: PreparedRequest, sent: Request | undefined, headers: Record<string, string>, apiKey?: string): WireRequest {
  const shown: Record<string, string> = {};
  const source: Iterable<[string, string]> = sent ? sent.headers.entries() : Object.entries(headers);
  for (const [name, value] of source) {
    shown[name] = name.toLowerCase() === 'apikey' && apiKey !== undefined ? fingerprint(apiKey) : value;
  }
  return { method: prepared.method, url: sent?.url ?? prepared.url, headers: shown, body: prepared.body, postData: prepared.postData };
}

function headersOf(response: Response): Record<string, string> {
  return Object.fromEntries(response.headers.entries());
}

function validateData(endpoint: EndpointSpec | undefined, json: unknown) {
  if (!endpoint?.response || json === undefined) return {};
  const parsed = endpoint.response.safeParse(json);
  if (parsed.success) return { data: parsed.data, validation: { ok: true, problems: [] } };
  const problems = parsed.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(body)'}: ${issue.message}`);
  return { validation: { ok: false, problems } };
}

/**
 * Returns the final answer (its `problem` set when it is an error answer). Throws only when no
 * answer was received at all (timeout, network), after any retries, or when an injected fetch
 * threw something of its own (passed through untouched, never retried).
 */
export async function executeRequest(prepared: PreparedRequest, ctx: ExecutorContext, options: CallOptions = {}): Promise<ApiResponse<unknown>> {
  const startedAt = Date.now();
  const startedTick = performance.now();
  const signPath = new URL(prepared.url).pathname;
  const credentials = prepared.signed ? ctx.credentials : undefined;

  for (let attempt = 1; ; attempt++) {
    const attemptTick = performance.now();
    const nonce = credentials ? (options.nonce ?? (ctx.nonce ? ctx.nonce.next(credentials.apiKey) : undefined)) : undefined;
    const signature = credentials ? signatureTraceOf(credentials, signPath, prepared.postData, nonce) : undefined;
    const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': ctx.userAgent };
    if (prepared.body !== undefined) headers['Content-Type'] = FORM_CONTENT_TYPE;
    Object.assign(headers, signature?.headers);

    const report = (request: WireRequest, outcome: AttemptTrace['outcome'], status?: number, problem?: KrakenFuturesClientError) =>
      ctx.onTrace?.({ attempt, request, signature: signature?.trace, status, durationMs: performance.now() - attemptTick, outcome, problem: problem?.message });
    const retryDecision = (problem: KrakenFuturesClientError) =>
      options.signal?.aborted ? { retry: false as const } : decideRetry(problem, attempt, prepared.mutating, ctx.retry);

    let exchange;
    try {
      exchange = await ctx.transport.send({ method: prepared.method, url: prepared.url, headers, body: prepared.body, signal: options.signal, mutating: prepared.mutating });
    } catch (error) {
      if (!(error instanceof TimeoutError || error instanceof NetworkError)) throw error;
      const problem = error;
      const decision = retryDecision(problem);
      report(wireRequestOf(prepared, undefined, headers, credentials?.apiKey), decision.retry ? 'retry' : 'failed', undefined, problem);
      if (!decision.retry) throw problem;
      await ctx.sleep(decision.waitMs);
      continue;
    }

    const { response, sent } = exchange;
    const rawText = await response.text();
    const classified = classifyAnswer({ status: response.status, statusText: response.statusText, headers: response.headers, text: rawText, requestUrl: prepared.url, endpoint: prepared.endpoint });
    const request = wireRequestOf(prepared, sent, headers, credentials?.apiKey);
    const decision = classified.problem ? retryDecision(classified.problem) : undefined;
    report(request, decision?.retry ? 'retry' : classified.problem ? 'failed' : 'ok', response.status, classified.problem);
    if (decision?.retry) {
      await ctx.sleep(decision.waitMs);
      continue;
    }

    const validated = classified.problem ? {} : validateData(prepared.endpoint, classified.json);
    const answer: ApiResponse<unknown> = {
      endpoint: prepared.endpoint,
      request,
      signature: signature?.trace,
      status: response.status,
      statusText: response.statusText,
      headers: headersOf(response),
      timing: { startedAt, durationMs: performance.now() - startedTick, attempts: attempt },
      rawText,
      json: classified.json,
      ...validated,
      problem: classified.problem,
    };
    classified.problem?.attachResponse(answer);
    return answer;
  }
}
