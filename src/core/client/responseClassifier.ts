import type { EndpointSpec } from '../catalog';
import {
  HttpStatusError,
  KrakenApiError,
  NotJsonError,
  RateLimitError,
  type KrakenFuturesClientError,
} from './errors';

/**
 * Reads an answer and decides what it is: usable JSON, a Kraken error, a rate limit, or something
 * that is not the API at all (an HTML page, a redirect to one).
 */

export const RETIRED_DEMO_HOST = 'demo-futures.kraken.com';
const RETIRED_DEMO_MESSAGE = 'Kraken retired the hosted demo in July 2026';
const RETIRED_DEMO_HINT =
  'demo-futures.kraken.com no longer serves the API (it redirects to a web page). Use the local simulator ' +
  '(kraken-futures-sim) for order tests, or the live host https://futures.kraken.com with care.';

export interface ReceivedAnswer {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly text: string;
  readonly requestUrl: string;
  readonly endpoint?: EndpointSpec;
}

export interface ClassifiedAnswer {
  readonly json?: unknown;
  readonly problem?: KrakenFuturesClientError;
}

function snippet(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

function isRetiredDemo(url: string): boolean {
  try {
    return new URL(url).hostname.toLowerCase() === RETIRED_DEMO_HOST;
  } catch {
    return false;
  }
}

function pageTitle(html: string): string | undefined {
  const m = /<title[^>]*>([^<]*)<\/title>/i.exec(html);
  return m ? m[1].trim() || undefined : undefined;
}

/** Seconds until the limit resets, from `rate-limit-reset` (history API) or `Retry-After`. */
export function resetSecondsOf(headers: Headers): number | undefined {
  for (const name of ['rate-limit-reset', 'retry-after']) {
    const value = headers.get(name);
    if (value !== null && /^\d+(\.\d+)?$/.test(value.trim())) return Number(value.trim());
  }
  return undefined;
}

function redirectProblem(answer: ReceivedAnswer): NotJsonError {
  const location = answer.headers.get('location') ?? '';
  const contentType = answer.headers.get('content-type') ?? '';
  if (isRetiredDemo(answer.requestUrl)) {
    return new NotJsonError(`${RETIRED_DEMO_MESSAGE}: the request was redirected (HTTP ${answer.status}) to ${location || 'a web page'}.`, RETIRED_DEMO_HINT, contentType, snippet(answer.text), location, true);
  }
  return new NotJsonError(
    `The server redirected (HTTP ${answer.status}) to ${location || 'another address'} instead of answering; the API never redirects.`,
    'The base URL probably points at a website rather than the API host. Use https://futures.kraken.com (live) or the simulator address.',
    contentType,
    snippet(answer.text),
    location,
  );
}

function notJsonProblem(answer: ReceivedAnswer): KrakenFuturesClientError {
  const contentType = answer.headers.get('content-type') ?? '';
  const looksHtml = /html/i.test(contentType) || /^\s*</.test(answer.text);
  if (looksHtml && isRetiredDemo(answer.requestUrl)) {
    return new NotJsonError(`${RETIRED_DEMO_MESSAGE}: the host answered a web page, not the API.`, RETIRED_DEMO_HINT, contentType, snippet(answer.text), undefined, true);
  }
  if (looksHtml) {
    const title = pageTitle(answer.text);
    return new NotJsonError(
      `The answer is an HTML page${title ? ` ("${title}")` : ''} (HTTP ${answer.status}), not JSON from the API.`,
      'Check the base URL and the path: a proxy, captive portal or website answered instead of the Kraken API.',
      contentType,
      snippet(answer.text),
    );
  }
  if (answer.status >= 400) return new HttpStatusError(answer.status, answer.statusText, snippet(answer.text));
  return new NotJsonError(
    `The answer is not JSON (HTTP ${answer.status}, content-type "${contentType || 'none'}").`,
    'The endpoint may return a different format, or the base URL points somewhere else.',
    contentType,
    snippet(answer.text),
  );
}

/** The Kraken error value carried by a JSON body, in any of the documented shapes (§5.1). */
function krakenErrorOf(body: Record<string, unknown>, status: number): string | undefined {
  if (typeof body.error === 'string' && (body.result === 'error' || status >= 400 || body.result === undefined)) return body.error;
  if (Array.isArray(body.errors) && body.errors.length > 0) {
    const first = body.errors[0] as { message?: unknown; code?: unknown } | null;
    if (first && typeof first.message === 'string') return first.message;
    if (first && first.code !== undefined) return String(first.code);
  }
  if (status === 401 && typeof body.status === 'string') return body.status;
  if (body.result === 'error') return 'unknownError';
  return undefined;
}

export function classifyAnswer(answer: ReceivedAnswer): ClassifiedAnswer {
  if (answer.status >= 300 && answer.status < 400) return { problem: redirectProblem(answer) };

  let json: unknown;
  let isJson = false;
  if (answer.text.trim() !== '') {
    try {
      json = JSON.parse(answer.text);
      isJson = true;
    } catch {
      isJson = false;
    }
  }

  if (answer.status === 429) return { json, problem: new RateLimitError(429, resetSecondsOf(answer.headers)) };

  if (!isJson) {
    // CSV endpoints (accountlogcsv) answer text by design.
    if (answer.endpoint?.responseFormat === 'csv' && answer.status < 300) return {};
    if (answer.text.trim() === '' && answer.status < 300) {
      return { problem: new NotJsonError(`The answer is empty (HTTP ${answer.status}).`, 'The API always answers a JSON body; check the base URL.', answer.headers.get('content-type') ?? '', '') };
    }
    return { problem: notJsonProblem(answer) };
  }

  if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
    const body = json as Record<string, unknown>;
    const error = krakenErrorOf(body, answer.status);
    if (error === 'apiLimitExceeded') return { json, problem: new RateLimitError(answer.status, resetSecondsOf(answer.headers)) };
    if (error !== undefined) {
      const serverTime = typeof body.serverTime === 'string' ? body.serverTime : undefined;
      return { json, problem: new KrakenApiError(error, answer.status, serverTime) };
    }
  }
  if (answer.status >= 400) return { json, problem: new HttpStatusError(answer.status, answer.statusText, snippet(answer.text)) };
  return { json };
}
