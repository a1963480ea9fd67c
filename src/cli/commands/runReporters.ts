import { KrakenApiError, type ApiResponse } from '../../core/client';
import type { KfreqRequest, RequestOutcome, RequestResult } from '../../core/kfreq';
import { formatPosition } from '../../core/kfreq';
import { explainStatus } from '../../core/orders';
import { signatureViewOf, signingOf, wireViewOf, type RejectionExplanation } from '../../core/requests';
import { formatSteps } from './sign';

/**
 * What `kfreq run` prints for one request: a text block for people (compact by default, the wire
 * request and the full signature trace with --verbose) or one JSON line for scripts. Everything
 * shown comes from the client's answer, whose key is already a fingerprint and which never holds
 * the secret.
 */

export interface RequestReport {
  /** The file as it was named on the command line. */
  readonly file: string;
  readonly request: KfreqRequest | undefined;
  readonly result: RequestResult<ApiResponse>;
  /** The doctor's reading of an authenticationError or nonce rejection. */
  readonly explanation?: RejectionExplanation;
}

export interface ReportEnvironment {
  readonly id: string;
  readonly label: string;
  readonly baseUrl: string;
  readonly isLive: boolean;
}

const OUTCOME_WORDS: Readonly<Record<RequestOutcome, string>> = {
  passed: 'PASS', failed: 'FAIL', error: 'ERROR', refused: 'REFUSED', skipped: 'SKIP', cancelled: 'CANCELLED',
};
const COMPACT_BODY_CHARS = 240;
const VERBOSE_BODY_CHARS = 8000;
const NESTED_STATUS_FIELDS = ['sendStatus', 'editStatus', 'cancelStatus'] as const;

/** `#2 placed` or `#2 "Place an order"`. */
export function requestLabel(report: RequestReport): string {
  const { result } = report;
  const title = result.name ?? (result.title ? `"${result.title}"` : undefined);
  return `#${result.index + 1}${title ? ` ${title}` : ''}`;
}

/** `POST /derivatives/api/v3/sendorder`, as resolved or (when it never resolved) as written. */
export function requestLine(report: RequestReport): string {
  const resolved = report.result.request;
  if (resolved) return `${resolved.method} ${resolved.url ?? resolved.path}`;
  const parsed = report.request;
  return parsed ? `${parsed.method} ${parsed.requestLine.target.text}` : '(no request)';
}

/** The line in the file where the request starts, 1-based. */
export function requestLocation(report: RequestReport): string {
  return report.request ? `${report.file}:${formatPosition(report.request.requestLine.range.start)}` : report.file;
}

export function compactBody(response: ApiResponse, maxChars = COMPACT_BODY_CHARS): string {
  const text = response.json !== undefined ? JSON.stringify(response.json) : response.rawText.replace(/\s+/g, ' ').trim();
  if (text === '') return '(empty body)';
  return text.length > maxChars ? `${text.slice(0, maxChars)}… (${text.length.toLocaleString('en-US')} characters)` : text;
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

/** Plain words for a rejected order status or a Kraken error, when there are any. */
function adviceOf(response: ApiResponse): string | undefined {
  for (const name of NESTED_STATUS_FIELDS) {
    const status = field(field(response.json, name), 'status');
    if (typeof status === 'string') {
      const explained = explainStatus(status);
      if (!explained.accepted) return `${explained.meaning}${explained.advice ? ` ${explained.advice}` : ''}`;
    }
  }
  return response.problem?.hint;
}

export function krakenErrorOf(response: ApiResponse): string | undefined {
  if (response.problem instanceof KrakenApiError) return response.problem.krakenError;
  const error = field(response.json, 'error');
  return typeof error === 'string' ? error : undefined;
}

function explanationLines(explanation: RejectionExplanation): string[] {
  const lines = [explanation.title, explanation.summary];
  if (explanation.doctor) {
    const doctor = explanation.doctor;
    lines.push(`signature doctor: ${doctor.verdict}${doctor.mistake ? ` (${doctor.mistake})` : ''}: ${doctor.summary}${doctor.fix ? ` Fix: ${doctor.fix}` : ''}`);
  }
  if (explanation.causes.length > 0) lines.push('what to check:', ...explanation.causes.map((c) => `  - ${c}`));
  return lines;
}

function indent(lines: readonly string[], prefix = '      '): string {
  return lines.map((l) => (l === '' ? '\n' : `${prefix}${l.split('\n').join(`\n${prefix}`)}\n`)).join('');
}

export function formatTextReport(report: RequestReport, verbose: boolean): string {
  const { result } = report;
  const response = result.response;
  const head = `${OUTCOME_WORDS[result.outcome].padEnd(7)} ${requestLabel(report)}  ${requestLine(report)}`;
  const status = response ? `  → ${response.status}${response.statusText ? ` ${response.statusText}` : ''} in ${Math.round(response.timing.durationMs)} ms` : '';
  const lines: string[] = [];
  lines.push(result.message);
  if (response) {
    const advice = result.outcome === 'passed' ? undefined : adviceOf(response);
    if (advice) lines.push(`hint: ${advice}`);
    lines.push(verbose ? compactBody(response, VERBOSE_BODY_CHARS) : compactBody(response));
  }
  for (const check of result.asserts) lines.push(`${check.passed ? 'ok  ' : 'FAIL'} @assert ${check.message}`);
  if (result.outcome !== 'passed') lines.push(`at ${requestLocation(report)}`);
  if (report.explanation) lines.push('', ...explanationLines(report.explanation));
  if (verbose && response) {
    const wire = wireViewOf(response.request);
    lines.push('', `request  ${wire.requestLine}`, ...wire.headers.map(([name, value]) => `         ${name}: ${value}`));
    if (wire.body !== undefined) lines.push(`body     ${wire.body}`);
    if (result.request) lines.push(`signing  ${signingOf(result.request, response.signature)}`);
    if (response.signature) lines.push('signature trace:', ...formatSteps(response.signature.steps).trimEnd().split('\n'));
  }
  return `${head}${status}\n${indent(lines)}`;
}

export function jsonRecord(report: RequestReport, environment: ReportEnvironment): Record<string, unknown> {
  const { result } = report;
  const response = result.response;
  const resolved = result.request;
  return {
    file: report.file,
    index: result.index,
    line: report.request ? report.request.requestLine.range.start.line + 1 : null,
    name: result.name ?? null,
    title: result.title ?? null,
    outcome: result.outcome,
    ok: result.outcome === 'passed',
    message: result.message,
    environment,
    request: resolved ? { method: resolved.method, target: resolved.url ?? resolved.path, postData: resolved.postData, signed: resolved.sign, mutating: resolved.mutating, endpoint: resolved.endpoint?.id ?? null } : null,
    http: response ? { status: response.status, statusText: response.statusText, durationMs: Math.round(response.timing.durationMs * 10) / 10, attempts: response.timing.attempts } : null,
    kraken: result.verdict ? { ok: result.verdict.ok, reason: result.verdict.reason, error: response ? (krakenErrorOf(response) ?? null) : null } : null,
    body: response ? (response.json !== undefined ? response.json : response.rawText) : null,
    asserts: result.asserts.map((a) => ({ text: a.text, passed: a.passed, message: a.message })),
    wire: response ? wireViewOf(response.request) : null,
    signing: response && resolved ? signingOf(resolved, response.signature) : null,
    signature: response?.signature ? signatureViewOf(response.signature) : null,
    explanation: report.explanation ?? null,
    problems: result.problems.map((p) => ({ line: p.range.start.line + 1, column: p.range.start.character + 1, severity: p.severity, code: p.code, message: p.message })),
  };
}

export function jsonLine(report: RequestReport, environment: ReportEnvironment): string {
  return `${JSON.stringify(jsonRecord(report, environment))}\n`;
}

export interface RunTotals {
  readonly requests: number;
  readonly passed: number;
  readonly files: number;
  readonly checks: number;
  readonly checksPassed: number;
  readonly durationMs: number;
}

export function formatSummary(totals: RunTotals): string {
  const failed = totals.requests - totals.passed;
  const checks = totals.checks > 0 ? ` · ${totals.checksPassed}/${totals.checks} checks passed` : '';
  const files = `${totals.files} file${totals.files === 1 ? '' : 's'}`;
  return `${totals.requests} request${totals.requests === 1 ? '' : 's'}: ${totals.passed} passed, ${failed} not passed${checks} · ${files} · ${Math.round(totals.durationMs)} ms\n`;
}
