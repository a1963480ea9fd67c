import { isTransientKrakenError } from './errorHints';
import { HttpStatusError, KrakenApiError, NetworkError, RateLimitError, TimeoutError, type KrakenFuturesClientError } from './errors';
import type { RetryOptions } from './types';

/**
 * When a failed attempt is tried again, and after how long.
 * Mutating requests are never retried: a retry after a timeout can place the same order twice.
 */

export const DEFAULT_RETRY: Required<RetryOptions> = { limit: 2, backoffMs: 250, maxWaitMs: 10_000 };

export type RetryDecision = { readonly retry: true; readonly waitMs: number } | { readonly retry: false; readonly reason: string };

function isTransient(problem: KrakenFuturesClientError): boolean {
  if (problem instanceof NetworkError || problem instanceof TimeoutError || problem instanceof RateLimitError) return true;
  if (problem instanceof HttpStatusError) return problem.status >= 500;
  if (problem instanceof KrakenApiError) return problem.httpStatus >= 500 || isTransientKrakenError(problem.krakenError);
  return false;
}

/** `attempt` is the number of the attempt that just failed (1 for the first). */
export function decideRetry(problem: KrakenFuturesClientError, attempt: number, mutating: boolean, options: RetryOptions): RetryDecision {
  if (mutating) return { retry: false, reason: 'mutating requests are never retried' };
  if (!isTransient(problem)) return { retry: false, reason: 'the request itself must change' };
  if (attempt > options.limit) return { retry: false, reason: `gave up after ${attempt} attempts` };
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_RETRY.maxWaitMs;
  if (problem instanceof RateLimitError && problem.resetSeconds !== undefined) {
    const waitMs = Math.ceil(problem.resetSeconds * 1000);
    if (waitMs > maxWaitMs) return { retry: false, reason: `the rate limit resets in ${problem.resetSeconds} s, longer than the ${maxWaitMs} ms the client waits` };
    return { retry: true, waitMs };
  }
  return { retry: true, waitMs: Math.min(options.backoffMs * 2 ** (attempt - 1), maxWaitMs) };
}
