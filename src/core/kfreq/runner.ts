import { evaluateAssert, parseAssert } from './assertion';
import { resolveParsedRequest, type ResolveContext, type ResolvedRequest } from './resolver';
import type { StoredResponse } from './responsePath';
import type { Diagnostic, KfreqFile, KfreqRequest, Range } from './types';
import { createScope, substitute } from './variables';
import { krakenVerdict, type ResponseVerdict } from './verdict';

/**
 * Runs requests of a file in order, shared by the extension and `kfreq run`. The transport is
 * injected (`send`), so signing, credentials, the live guard and the HTTP client stay outside.
 */

/**
 * What the runner needs from a response. The client's `ApiResponse` fits as it is, and its richer
 * fields (timing, wire request, signature trace) pass through to `RequestResult.response` untouched.
 */
export interface SendResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly rawText: string;
  /** Parsed body when it was JSON. */
  readonly json?: unknown;
}

export type SendFunction<R extends SendResponse> = (request: ResolvedRequest, signal: AbortSignal | undefined) => Promise<R>;

export type RequestOutcome = 'passed' | 'failed' | 'error' | 'refused' | 'skipped' | 'cancelled';

export interface AssertResult {
  readonly text: string;
  readonly passed: boolean;
  readonly message: string;
  readonly range: Range;
}

export interface RequestResult<R extends SendResponse = SendResponse> {
  readonly index: number;
  readonly name?: string;
  readonly title?: string;
  readonly outcome: RequestOutcome;
  /** One line for a person: why it passed, failed or was not sent. */
  readonly message: string;
  readonly request?: ResolvedRequest;
  readonly response?: R;
  /** Absent when no response arrived. */
  readonly verdict?: ResponseVerdict;
  readonly asserts: readonly AssertResult[];
  /** Problems found while filling in variables (errors stop the request). */
  readonly problems: readonly Diagnostic[];
}

export interface RunOptions<R extends SendResponse> {
  readonly send: SendFunction<R>;
  /** The active environment; a request pinned to another one with `# @env` is refused. */
  readonly environmentId: string;
  /** Indices into `file.requests`; all requests in file order when absent. */
  readonly indices?: readonly number[];
  readonly context?: ResolveContext;
  /**
   * Where named responses are kept. Pass the same map to later runs (the editor does) so a
   * request can use a response from an earlier run; the runner adds to it.
   */
  readonly responses?: Map<string, StoredResponse>;
  /**
   * A last check before sending (the CLI's live notional cap, the editor's confirmation prompt);
   * a returned text refuses the request with outcome `refused`. May be async.
   */
  readonly guard?: (request: ResolvedRequest) => string | undefined | Promise<string | undefined>;
  readonly onResult?: (result: RequestResult<R>) => void;
  readonly signal?: AbortSignal;
  /** Skip the remaining requests after the first one that does not pass. */
  readonly stopOnFailure?: boolean;
}

export interface RunSummary<R extends SendResponse = SendResponse> {
  readonly results: readonly RequestResult<R>[];
  readonly passed: number;
  readonly failed: number;
  readonly cancelled: boolean;
}

export function storedResponseOf(response: SendResponse): StoredResponse {
  return { status: response.status, headers: response.headers, body: response.json !== undefined ? response.json : response.rawText };
}

function base(request: KfreqRequest): Pick<RequestResult, 'index' | 'name' | 'title'> {
  return { index: request.index, ...(request.name ? { name: request.name.text } : {}), ...(request.title ? { title: request.title.text } : {}) };
}

export async function runRequests<R extends SendResponse>(file: KfreqFile, options: RunOptions<R>): Promise<RunSummary<R>> {
  const responses = options.responses ?? new Map<string, StoredResponse>(options.context?.responses ?? []);
  const indices = options.indices ?? file.requests.map((r) => r.index);
  const results: RequestResult<R>[] = [];
  let stop: 'cancelled' | 'skipped' | undefined;
  const finish = (result: RequestResult<R>): void => {
    results.push(result);
    options.onResult?.(result);
  };

  for (const index of indices) {
    const request = file.requests[index];
    if (!request) {
      finish({ index, outcome: 'error', message: `There is no request #${index + 1} in this file.`, asserts: [], problems: [] });
      continue;
    }
    if (!stop && options.signal?.aborted) stop = 'cancelled';
    if (stop) {
      finish({ ...base(request), outcome: stop, message: stop === 'cancelled' ? 'Not sent: the run was cancelled.' : 'Not sent: an earlier request did not pass.', asserts: [], problems: [] });
      continue;
    }
    const result = await runOne(file, request, options, responses);
    finish(result);
    if (result.outcome === 'cancelled') stop = 'cancelled';
    else if (options.stopOnFailure && result.outcome !== 'passed') stop = 'skipped';
  }
  return {
    results,
    passed: results.filter((r) => r.outcome === 'passed').length,
    failed: results.filter((r) => r.outcome !== 'passed').length,
    cancelled: stop === 'cancelled',
  };
}

async function runOne<R extends SendResponse>(
  file: KfreqFile,
  request: KfreqRequest,
  options: RunOptions<R>,
  responses: Map<string, StoredResponse>,
): Promise<RequestResult<R>> {
  const head = base(request);
  if (request.env && request.env.text !== options.environmentId) {
    return {
      ...head,
      outcome: 'refused',
      message: `Refused: this request is pinned to environment \`${request.env.text}\` (# @env on line ${request.env.range.start.line + 1}) but the active environment is \`${options.environmentId}\`. Switch environments or change the directive.`,
      asserts: [],
      problems: [],
    };
  }
  const scope = createScope(file, { ...options.context, responses });
  const { request: resolved, problems } = resolveParsedRequest(file, request, scope);
  if (!resolved) {
    const first = problems.find((p) => p.severity === 'error') ?? problems[0];
    return { ...head, outcome: 'error', message: `Not sent: ${first ? `line ${first.range.start.line + 1}: ${first.message}` : 'the request could not be built.'}`, asserts: [], problems };
  }
  const refusal = await options.guard?.(resolved);
  if (refusal !== undefined) return { ...head, outcome: 'refused', message: `Refused: ${refusal}`, request: resolved, asserts: [], problems };

  let response: R;
  try {
    response = await options.send(resolved, options.signal);
  } catch (error) {
    const cancelled = options.signal?.aborted === true;
    const text = error instanceof Error ? error.message : String(error);
    return { ...head, outcome: cancelled ? 'cancelled' : 'error', message: cancelled ? 'Cancelled while waiting for the response.' : `Sending failed: ${text}`, request: resolved, asserts: [], problems };
  }

  const stored = storedResponseOf(response);
  if (request.name) responses.set(request.name.text, stored);
  const verdict = krakenVerdict(response.status, stored.body);
  const asserts = request.asserts.map((directive): AssertResult => {
    const text = directive.argument?.text ?? '';
    const parsed = parseAssert(text);
    if ('error' in parsed) return { text, passed: false, message: parsed.error, range: directive.range };
    const expectedProblems: Diagnostic[] = [];
    const expected = parsed.expected === undefined || !directive.argument ? parsed.expected : substitute({ ...directive.argument, text: parsed.expected }, scope, expectedProblems);
    if (expectedProblems.length > 0) return { text, passed: false, message: `${text}: ${expectedProblems[0]?.message}`, range: directive.range };
    return { text, range: directive.range, ...evaluateAssert(parsed, stored, expected) };
  });
  // Explicit checks state what the author expects (possibly an error); without them Kraken's own verdict decides.
  const failedAssert = asserts.find((a) => !a.passed);
  const passed = asserts.length > 0 ? failedAssert === undefined : verdict.ok;
  const message = asserts.length > 0
    ? failedAssert ? `Check failed: ${failedAssert.message}` : `${asserts.length} check${asserts.length === 1 ? '' : 's'} passed (${verdict.reason})`
    : verdict.reason;
  return { ...head, outcome: passed ? 'passed' : 'failed', message, request: resolved, response, verdict, asserts, problems };
}
