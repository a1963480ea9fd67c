/**
 * The answers Kraken gives, shape by shape (reference §5.1). Derivatives errors are HTTP 200 with
 * `{"result":"error","error":...}`; malformed requests are HTTP 4xx with Spring-style `errors[]`;
 * the history API answers 401 `{status, reason}` and 429 plain text.
 */

export interface HttpAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Plain text instead of JSON (history rate limit, CSV). */
  readonly text?: string;
  readonly contentType?: string;
}

export const serverTime = (now: number): string => new Date(now).toISOString();

export function success(now: number, payload: Record<string, unknown>): HttpAnswer {
  return { status: 200, body: { result: 'success', serverTime: serverTime(now), ...payload } };
}

/** `{"result":"error","error":code}`: authenticationError, requiredArgumentMissing, `invalidArgument: size`, ... */
export function krakenError(now: number, error: string, status = 200): HttpAnswer {
  return { status, body: { result: 'error', serverTime: serverTime(now), error } };
}

function springError(now: number, status: number, name: string, message?: string): HttpAnswer {
  return {
    status,
    body: { status: name, result: 'error', errors: [{ code: 0, message: message ?? `${status} ${name}` }], serverTime: serverTime(now) },
  };
}

export const badRequest = (now: number, message?: string): HttpAnswer => springError(now, 400, 'BAD_REQUEST', message);
export const notFound = (now: number): HttpAnswer => springError(now, 404, 'NOT_FOUND');
export const methodNotAllowed = (now: number, allowed: readonly string[]): HttpAnswer => ({
  ...springError(now, 405, 'METHOD_NOT_ALLOWED'),
  headers: { allow: allowed.join(', ') },
});
export const payloadTooLarge = (now: number, limit: number): HttpAnswer =>
  springError(now, 413, 'PAYLOAD_TOO_LARGE', `413 PAYLOAD_TOO_LARGE: the body exceeds ${limit} bytes`);
export const unsupportedMediaType = (now: number): HttpAnswer => springError(now, 415, 'UNSUPPORTED_MEDIA_TYPE');

export function historyUnauthorized(): HttpAnswer {
  return { status: 401, body: { status: 'unauthorized', reason: 'You are not authorized to access this endpoint.' } };
}

export function historyRateLimited(resetSeconds: number): HttpAnswer {
  return { status: 429, body: null, text: 'Rate limit exceeded', headers: { 'rate-limit-reset': String(resetSeconds) } };
}

export function serverError(now: number): HttpAnswer {
  return { status: 500, body: { result: 'error', serverTime: serverTime(now), error: 'Server Error' } };
}
