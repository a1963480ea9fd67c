import type { ParamProblem } from '../catalog';
import { hintForKrakenError } from './errorHints';
import type { ApiResponse } from './types';

/**
 * Typed failures of a Kraken Futures request. Every error says what happened and, in `hint`,
 * what to do; none contains a secret. `response` is attached when an answer was received, so a
 * caller can still show status, headers and body.
 */

export type ClientErrorKind = 'kraken' | 'http' | 'timeout' | 'network' | 'not-json' | 'rate-limit' | 'setup' | 'response-shape';

export abstract class KrakenFuturesClientError extends Error {
  abstract readonly kind: ClientErrorKind;
  readonly hint: string | undefined;
  // A private field, so the error <-> answer link stays out of JSON.stringify and enumeration.
  #response: ApiResponse<unknown> | undefined;

  protected constructor(message: string, hint?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.hint = hint;
  }

  /** The answer that caused the error, when there was one (status, headers, body, wire request). */
  get response(): ApiResponse<unknown> | undefined {
    return this.#response;
  }

  attachResponse(response: ApiResponse<unknown>): void {
    this.#response = response;
  }
}

/** Kraken answered with an `error` value (HTTP 200 `result:"error"`, an `errors[]` list, or a history 401). */
export class KrakenApiError extends KrakenFuturesClientError {
  readonly kind = 'kraken' as const;
  constructor(
    readonly krakenError: string,
    readonly httpStatus: number,
    readonly serverTime?: string,
  ) {
    super(`Kraken answered error "${krakenError}" (HTTP ${httpStatus}).`, hintForKrakenError(krakenError));
  }
}

/** A non-2xx answer that carries no Kraken error value. */
export class HttpStatusError extends KrakenFuturesClientError {
  readonly kind = 'http' as const;
  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly bodySnippet: string,
  ) {
    super(
      `HTTP ${status}${statusText ? ` ${statusText}` : ''}${bodySnippet ? `: ${bodySnippet}` : ''}`,
      status >= 500 ? 'The server failed; reads are retried, order requests are not (check open orders before resending).' : undefined,
    );
  }
}

/** Rate limited: `apiLimitExceeded` or HTTP 429. `resetSeconds` comes from `rate-limit-reset`/`Retry-After`. */
export class RateLimitError extends KrakenFuturesClientError {
  readonly kind = 'rate-limit' as const;
  constructor(
    readonly httpStatus: number,
    readonly resetSeconds?: number,
  ) {
    super(
      `Rate limit exceeded (HTTP ${httpStatus})${resetSeconds !== undefined ? `; the limit resets in ${resetSeconds} s` : ''}.`,
      'Derivatives endpoints allow 500 cost units per 10 s, the history API 100 tokens per 10 min. Slow down or batch requests.',
    );
  }
}

const UNCERTAIN_ORDER_HINT =
  'The request may have reached Kraken. It was not retried, because a retry can place an order twice: check open orders (or orders/status) before sending it again.';

export class TimeoutError extends KrakenFuturesClientError {
  readonly kind = 'timeout' as const;
  constructor(
    readonly timeoutMs: number,
    readonly mutating: boolean,
  ) {
    super(`No answer within ${timeoutMs} ms.`, mutating ? UNCERTAIN_ORDER_HINT : 'Check the network and the base URL, or raise the timeout.');
  }
}

export class NetworkError extends KrakenFuturesClientError {
  readonly kind = 'network' as const;
  constructor(detail: string, readonly mutating: boolean, cause?: unknown) {
    super(`Network error: ${detail}`, mutating ? UNCERTAIN_ORDER_HINT : 'Check the base URL and that the host is reachable (is the simulator running?).', { cause });
  }
}

/** The answer is not JSON: an HTML page, a redirect to one, or other text. */
export class NotJsonError extends KrakenFuturesClientError {
  readonly kind = 'not-json' as const;
  constructor(
    message: string,
    hint: string,
    readonly contentType: string,
    readonly bodySnippet: string,
    readonly redirectLocation?: string,
    /** True when the answer comes from the retired demo host. */
    readonly retiredDemo = false,
  ) {
    super(message, hint);
  }
}

/** The request could not be built: unknown endpoint, invalid parameters, missing or malformed credentials. */
export class RequestSetupError extends KrakenFuturesClientError {
  readonly kind = 'setup' as const;
  constructor(
    message: string,
    hint?: string,
    readonly problems: readonly ParamProblem[] = [],
  ) {
    super(message, hint);
  }
}

/** The answer was a success but did not have the documented shape; `problems` lists where. */
export class ResponseShapeError extends KrakenFuturesClientError {
  readonly kind = 'response-shape' as const;
  constructor(
    readonly endpointId: string,
    readonly problems: readonly string[],
  ) {
    super(
      `The ${endpointId} answer does not have the documented shape: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''}`,
      'Kraken may have changed the response. The raw body is in error.response.rawText.',
    );
  }
}
