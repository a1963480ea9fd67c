import { badRequest } from '../http/envelopes';
import type { InstrumentSpec } from '../market/instruments';
import type { PublicTrade } from '../market/tradeTape';
import type { Handler, HandlerContext } from './handlerTypes';
import { historyAnswer, pagingQuery, type PagingQuery } from './historyPaging';

/**
 * The public market history (`/api/history/v3/market/{symbol}/...`): the trade tape as execution
 * events (maker and taker order instead of the account's order), order events derived from
 * the same trades, and the mark price at each trade.
 */

const WEEK_MS = 7 * 86_400_000;

function tradesFor(ctx: HandlerContext, spec: InstrumentSpec, q: PagingQuery): { trades: PublicTrade[]; more: boolean } {
  const before = Math.min(q.before ?? ctx.now + 1, ctx.now + 1);
  const wanted = q.offset + q.count + 1;
  const own = ctx.exchange.state.tradesOf(spec.symbol);
  const tape = ctx.exchange.market.tape;
  const list = q.sort === 'asc'
    ? tape.between(spec, q.since ?? before - WEEK_MS, before, wanted, own)
    : tape.recent(spec, before, wanted, own).filter((t) => q.since === undefined || t.time >= q.since);
  return { trades: list.slice(q.offset, q.offset + q.count), more: list.length > q.offset + q.count };
}

function token(q: PagingQuery, shown: number, more: boolean): string | null {
  return more ? Buffer.from(`${q.sort}:${q.offset + shown}`, 'utf8').toString('base64url') : null;
}

function marketHandler(render: (spec: InstrumentSpec, t: PublicTrade, ctx: HandlerContext) => Record<string, unknown>): Handler {
  return (ctx) => {
    const spec = ctx.exchange.instruments.find(ctx.params.required('symbol'));
    if (!spec) return badRequest(ctx.now, '400 BAD_REQUEST: unknown symbol');
    const q = pagingQuery(ctx.params);
    const { trades, more } = tradesFor(ctx, spec, q);
    return historyAnswer(ctx, {
      len: trades.length,
      elements: trades.map((t) => ({ uid: t.uid, timestamp: t.time, event: render(spec, t, ctx) })),
    }, token(q, trades.length, more));
  };
}

function publicOrder(spec: InstrumentSpec, t: PublicTrade, role: 'maker' | 'taker'): Record<string, unknown> {
  const buy = role === 'taker' ? t.side === 'buy' : t.side === 'sell';
  return {
    uid: `${t.uid.slice(0, 24)}${role === 'maker' ? '0000' : 'ffff'}${t.uid.slice(28)}`, tradeable: spec.symbol,
    direction: buy ? 'Buy' : 'Sell', quantity: String(t.size), timestamp: t.time, limitPrice: String(t.price),
    orderType: role === 'maker' ? 'Limit' : 'IoC', reduceOnly: false, lastUpdateTimestamp: t.time,
  };
}

export const publicHistoryHandlers: Readonly<Record<string, Handler>> = {
  'market.executions': marketHandler((spec, t, ctx) => ({
    Execution: {
      execution: {
        uid: t.uid, makerOrder: publicOrder(spec, t, 'maker'), takerOrder: publicOrder(spec, t, 'taker'), timestamp: t.time,
        quantity: String(t.size), price: String(t.price), markPrice: String(ctx.exchange.market.mark(spec, t.time)),
        limitFilled: false, usdValue: String(spec.kind === 'linear' ? t.size * t.price : t.size),
      },
      takerReducedQuantity: '',
    },
  })),
  'market.orders': marketHandler((spec, t) => ({
    OrderUpdated: { oldOrder: publicOrder(spec, t, 'maker'), newOrder: { ...publicOrder(spec, t, 'maker'), filled: String(t.size) }, reason: 'partial_fill' },
  })),
  'market.price': marketHandler((spec, t, ctx) => ({ price: String(ctx.exchange.market.mark(spec, t.time)) })),
};
