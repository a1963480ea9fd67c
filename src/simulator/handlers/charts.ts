import { badRequest, type HttpAnswer } from '../http/envelopes';
import { RESOLUTIONS, TICK_TYPES, type TickType } from '../market/candles';
import type { Handler } from './handlerTypes';

/** The charts API (reference §4.7): public OHLC candles without the `result` envelope. */

const plain = (body: unknown): HttpAnswer => ({ status: 200, body });

const tickTypes: Handler = () => plain([...TICK_TYPES]);

const symbols: Handler = (ctx) => plain(ctx.exchange.instruments.all.map((s) => s.symbol));

const resolutions: Handler = (ctx) => {
  const spec = ctx.exchange.instruments.find(ctx.params.required('symbol'));
  return spec ? plain(Object.keys(RESOLUTIONS)) : badRequest(ctx.now, '400 BAD_REQUEST: unknown symbol');
};

const candles: Handler = (ctx) => {
  const spec = ctx.exchange.instruments.find(ctx.params.required('symbol'));
  if (!spec) return badRequest(ctx.now, '400 BAD_REQUEST: unknown symbol');
  const resolutionMs = RESOLUTIONS[ctx.params.required('resolution')];
  const tickType = ctx.params.required('tick_type') as TickType;
  const from = ctx.params.integer('from');
  const to = ctx.params.integer('to');
  const count = ctx.params.integer('count');
  if ((count !== undefined && count < 0) || (from !== undefined && to !== undefined && from > to)) return badRequest(ctx.now);
  const result = ctx.exchange.market.candles(spec, {
    tickType, resolutionMs,
    ...(from !== undefined ? { from: from * 1000 } : {}), ...(to !== undefined ? { to: to * 1000 } : {}),
    ...(count !== undefined ? { count } : {}),
  }, ctx.now);
  return plain({ candles: result.candles, more_candles: result.more });
};

export const chartHandlers: Readonly<Record<string, Handler>> = {
  'charts.candles': candles,
  'charts.tickTypes': tickTypes,
  'charts.symbols': symbols,
  'charts.resolutions': resolutions,
};
