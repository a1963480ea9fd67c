import { serverTime, type HttpAnswer } from '../http/envelopes';
import type { HandlerContext } from './handlerTypes';
import { ArgumentError, type ParamReader } from './paramReader';

/**
 * Paging of the history API: `since`/`before` (epoch ms), `sort` (default desc), `count` and an
 * opaque `continuation_token`. The token encodes the position reached and the sort it was
 * issued for, so a token used with another sort is refused instead of skipping elements.
 */

export const MAX_COUNT = 1000;

export interface Page<T> {
  readonly items: T[];
  readonly continuationToken: string | null;
}

export interface PagingQuery {
  readonly since?: number;
  readonly before?: number;
  readonly sort: 'asc' | 'desc';
  readonly count: number;
  readonly offset: number;
}

export function pagingQuery(p: ParamReader, defaultCount = MAX_COUNT): PagingQuery {
  const sort = p.oneOf('sort', ['asc', 'desc'] as const) ?? 'desc';
  const count = p.integer('count') ?? defaultCount;
  if (count < 1) throw new ArgumentError('invalidArgument: count');
  let offset = 0;
  const token = p.text('continuation_token');
  if (token !== undefined) {
    const decoded = /^(asc|desc):(\d{1,9})$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
    if (!decoded || decoded[1] !== sort) throw new ArgumentError('invalidArgument: continuation_token');
    offset = Number(decoded[2]);
  }
  const since = p.integer('since');
  const before = p.integer('before');
  return { sort, count: Math.min(count, MAX_COUNT), offset, ...(since !== undefined ? { since } : {}), ...(before !== undefined ? { before } : {}) };
}

/** `items` must be in ascending time order. */
export function page<T>(items: readonly T[], timeOf: (item: T) => number, q: PagingQuery): Page<T> {
  const inRange = items.filter((item) => {
    const t = timeOf(item);
    return (q.since === undefined || t >= q.since) && (q.before === undefined || t < q.before);
  });
  const ordered = q.sort === 'asc' ? inRange : inRange.reverse();
  const slice = ordered.slice(q.offset, q.offset + q.count);
  const next = q.offset + slice.length;
  const continuationToken = next < ordered.length ? Buffer.from(`${q.sort}:${next}`, 'utf8').toString('base64url') : null;
  return { items: slice, continuationToken };
}

/** The history envelope; the paging state is also in the `is-truncated` / `next-continuation-token` headers. */
export function historyAnswer(ctx: HandlerContext, payload: Record<string, unknown>, token: string | null): HttpAnswer {
  return {
    status: 200,
    body: { ...payload, serverTime: serverTime(ctx.now), ...(token ? { continuationToken: token } : {}) },
    headers: { 'is-truncated': String(token !== null), ...(token ? { 'next-continuation-token': token } : {}) },
  };
}

