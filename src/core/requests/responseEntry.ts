import type { ApiResponse, SignatureTrace, WireRequest } from '../client';
import type { RequestOutcome, RequestResult, ResolvedRequest } from '../kfreq';
import type { RejectionExplanation } from './rejectionExplanation';

/**
 * One thing the response view shows and the history keeps: a sent request with its answer, a
 * signature computed without sending, or a doctor verdict. Plain JSON with no secret in it (the
 * client and the signer only ever hand out fingerprints), so it can be posted to a webview and
 * written to disk as it is.
 */

export type EntryKind = 'response' | 'signature' | 'doctor';

export interface EntryEnvironment {
  readonly id: string;
  readonly label: string;
  readonly isLive: boolean;
}

export interface WireView {
  /** `POST /derivatives/api/v3/sendorder HTTP/1.1` */
  readonly requestLine: string;
  readonly url: string;
  /** In the order they were sent, `Host` first; APIKey as a fingerprint. */
  readonly headers: readonly (readonly [string, string])[];
  readonly body?: string;
  /** The parameter string that was signed. */
  readonly postData: string;
}

export interface TraceStepView {
  /** The signer's step id (`postData`, `message`, `hmacSha512`, ...) when the step comes from a trace. */
  readonly id?: string;
  readonly label: string;
  readonly value: string;
  readonly note?: string;
}

export interface SignatureView {
  readonly keyFingerprint: string;
  readonly nonce: string;
  readonly endpointPath: string;
  readonly authent: string;
  readonly steps: readonly TraceStepView[];
}

export interface BodyView {
  /** Pretty-printed when JSON. */
  readonly text: string;
  readonly json: boolean;
  readonly truncated: boolean;
}

export interface KrakenView {
  readonly ok: boolean;
  /** One line, e.g. `sendStatus.status = insufficientAvailableFunds`. */
  readonly reason: string;
  readonly result?: string;
  readonly error?: string;
  /** What to do about the error, when known. */
  readonly hint?: string;
}

export interface DoctorView {
  readonly path: string;
  readonly postData: string;
  readonly nonce: string;
  readonly authent: string;
  readonly keyFingerprint: string;
  readonly verdict: 'correct' | 'mistake-found' | 'no-match';
  readonly mistake: string | null;
  readonly summary: string;
  readonly fix: string | null;
  readonly detail?: string;
  readonly receivedShape: string;
  readonly expectedAuthent: string;
  /** Intermediate values to compare, when no known mistake matched. */
  readonly compare: readonly TraceStepView[];
}

export interface ResponseEntry {
  readonly id: string;
  readonly kind: EntryKind;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly title: string;
  /** The request file (workspace-relative when possible) and the request's position in it. */
  readonly source?: { readonly file: string; readonly index: number };
  readonly environment: EntryEnvironment;
  readonly outcome: RequestOutcome | 'shown';
  /** One line for a person. */
  readonly message: string;
  readonly http?: { readonly status: number; readonly statusText: string; readonly durationMs: number; readonly attempts: number };
  readonly kraken?: KrakenView;
  readonly body?: BodyView;
  readonly wire?: WireView;
  readonly signature?: SignatureView;
  /** How the request was (or would be) signed, in words. */
  readonly signing?: string;
  readonly asserts: readonly { readonly text: string; readonly passed: boolean; readonly message: string }[];
  readonly schemaProblems?: readonly string[];
  readonly explanation?: RejectionExplanation;
  readonly doctor?: DoctorView;
}

export interface EntryContext {
  readonly id: string;
  readonly createdAt: number;
  readonly environment: EntryEnvironment;
  readonly source?: { readonly file: string; readonly index: number };
  /** Used when the request never resolved (its request line as written). */
  readonly fallbackLine?: string;
}

/** Bodies beyond this are cut for display; the history keeps less (see `compactForHistory`). */
export const MAX_BODY_CHARS = 1_000_000;

export function titleOf(index: number, name: string | undefined, line: string): string {
  return `#${index + 1}${name ? ` ${name}` : ''} · ${line}`;
}

export function wireViewOf(request: WireRequest): WireView {
  const url = new URL(request.url);
  const headers: Array<readonly [string, string]> = [['Host', url.host]];
  for (const [name, value] of Object.entries(request.headers)) headers.push([displayHeaderName(name), value]);
  return {
    requestLine: `${request.method} ${url.pathname}${url.search} HTTP/1.1`,
    url: request.url,
    headers,
    ...(request.body !== undefined ? { body: request.body } : {}),
    postData: request.postData,
  };
}

/** fetch lower-cases header names; show Kraken's spelling for its own headers. */
function displayHeaderName(name: string): string {
  const known: Record<string, string> = { apikey: 'APIKey', authent: 'Authent', nonce: 'Nonce', accept: 'Accept', 'content-type': 'Content-Type', 'user-agent': 'User-Agent' };
  return known[name.toLowerCase()] ?? name;
}

export function signatureViewOf(trace: SignatureTrace): SignatureView {
  return {
    keyFingerprint: trace.apiKeyFingerprint,
    nonce: trace.nonce,
    endpointPath: trace.endpointPath,
    authent: trace.authent,
    steps: trace.steps.map((s) => ({ id: s.id, label: s.label, value: s.value, ...(s.note ? { note: s.note } : {}) })),
  };
}

export function signingOf(request: ResolvedRequest, signature: SignatureTrace | undefined): string {
  if (signature) {
    const why = request.signReason === 'directive' ? '# @sign' : 'private endpoint';
    return `Signed (${why}) with API key ${signature.apiKeyFingerprint}`;
  }
  if (request.signReason === 'directive') return 'Not signed: # @no-sign';
  if (request.signReason === 'unknown-endpoint') return 'Not signed: the endpoint is not in the catalog (add # @sign to sign it)';
  return 'Not signed: public endpoint';
}

export function bodyViewOf(rawText: string, json: unknown): BodyView {
  const text = json !== undefined ? JSON.stringify(json, null, 2) : rawText;
  const truncated = text.length > MAX_BODY_CHARS;
  return { text: truncated ? text.slice(0, MAX_BODY_CHARS) : text, json: json !== undefined, truncated };
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

function krakenViewOf(response: ApiResponse, verdict: { ok: boolean; reason: string } | undefined): KrakenView | undefined {
  if (!verdict) return undefined;
  const result = field(response.json, 'result');
  const problem = response.problem;
  const error = problem?.kind === 'kraken' ? (problem as { krakenError?: string }).krakenError : typeof field(response.json, 'error') === 'string' ? (field(response.json, 'error') as string) : undefined;
  return {
    ok: verdict.ok,
    reason: verdict.reason,
    ...(typeof result === 'string' ? { result } : {}),
    ...(error !== undefined ? { error } : {}),
    ...(problem?.hint ? { hint: problem.hint } : {}),
  };
}

export function entryFromResult(result: RequestResult<ApiResponse>, context: EntryContext, explanation?: RejectionExplanation): ResponseEntry {
  const request = result.request;
  const response = result.response;
  const line = request ? `${request.method} ${request.url ?? request.path}` : (context.fallbackLine ?? 'request');
  return {
    id: context.id,
    kind: 'response',
    createdAt: context.createdAt,
    title: titleOf(result.index, result.name, line),
    environment: context.environment,
    outcome: result.outcome,
    message: result.message,
    asserts: result.asserts.map((a) => ({ text: a.text, passed: a.passed, message: a.message })),
    ...(context.source ? { source: context.source } : {}),
    ...(response
      ? {
          http: { status: response.status, statusText: response.statusText, durationMs: Math.round(response.timing.durationMs), attempts: response.timing.attempts },
          body: bodyViewOf(response.rawText, response.json),
          wire: wireViewOf(response.request),
        }
      : {}),
    ...(response?.signature ? { signature: signatureViewOf(response.signature) } : {}),
    ...(response && request ? { signing: signingOf(request, response.signature) } : {}),
    ...(response ? optional('kraken', krakenViewOf(response, result.verdict)) : {}),
    ...(response?.validation && !response.validation.ok ? { schemaProblems: response.validation.problems } : {}),
    ...(explanation ? { explanation } : {}),
  };
}

export function signatureEntry(request: ResolvedRequest, dryRun: { request: WireRequest; signature?: SignatureTrace }, context: EntryContext): ResponseEntry {
  const signing = signingOf(request, dryRun.signature);
  return {
    id: context.id,
    kind: 'signature',
    createdAt: context.createdAt,
    title: titleOf(request.index, request.name, `${request.method} ${request.url ?? request.path}`),
    environment: context.environment,
    outcome: 'shown',
    message: dryRun.signature
      ? `Signature computed for nonce ${dryRun.signature.nonce || '(none)'}; nothing was sent.`
      : `${signing}. Nothing was sent.`,
    asserts: [],
    wire: wireViewOf(dryRun.request),
    signing,
    ...(context.source ? { source: context.source } : {}),
    ...(dryRun.signature ? { signature: signatureViewOf(dryRun.signature) } : {}),
  };
}

export function doctorEntry(doctor: DoctorView, context: EntryContext): ResponseEntry {
  return {
    id: context.id,
    kind: 'doctor',
    createdAt: context.createdAt,
    title: `Signature check · ${doctor.path}`,
    environment: context.environment,
    outcome: 'shown',
    message: doctor.summary,
    asserts: [],
    doctor,
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
