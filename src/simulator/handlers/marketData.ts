import type { SimulatedExchange } from '../exchange';
import { krakenError, success, badRequest, type HttpAnswer } from '../http/envelopes';
import { roundTo } from '../market/decimals';
import type { InstrumentSpec } from '../market/instruments';
import { streamOf, valueNoise } from '../market/seededNoise';
import { bestLevels, bookSnapshot } from '../trading/bookView';
import { iso } from '../trading/orderJson';
import type { Handler, HandlerContext } from './handlerTypes';

/** Public market data (reference §4.1): instruments, status, tickers, order book, trades, funding. */

const HISTORY_COUNT = 100;

export function unknownSymbol(now: number): HttpAnswer {
  return krakenError(now, 'invalidArgument: symbol');
}

function instrumentJson(spec: InstrumentSpec, now: number, tradeable: boolean): Record<string, unknown> {
  const linear = spec.kind === 'linear';
  const base = spec.underlying.code;
  return {
    symbol: spec.symbol, type: spec.type, underlying: `rr_${base.toLowerCase()}usd`, pair: `${base}:USD`, base, quote: 'USD',
    tickSize: spec.tickSize, contractSize: spec.contractSize, contractValueTradePrecision: spec.sizePrecision, tradeable,
    impactMidSize: linear ? spec.sizeStep : 1, maxPositionSize: spec.maxPositionSize, openingDate: iso(spec.openingDate),
    ...(spec.lastTradingTime !== null ? { lastTradingTime: iso(spec.lastTradingTime) } : {}),
    marginLevels: spec.marginLevels.map((l) => ({
      [linear ? 'numNonContractUnits' : 'contracts']: l.from, initialMargin: l.initialMargin, maintenanceMargin: l.maintenanceMargin,
    })),
    retailMarginLevels: spec.marginLevels.map((l) => ({
      [linear ? 'numNonContractUnits' : 'contracts']: l.from, initialMargin: Math.max(0.5, l.initialMargin), maintenanceMargin: Math.max(0.25, l.maintenanceMargin),
    })),
    fundingRateCoefficient: spec.perpetual ? 8 : undefined, maxRelativeFundingRate: spec.perpetual ? 0.001 : undefined,
    postOnly: false, category: '', tags: [], tradfi: false, mtf: false, isExpired: spec.lastTradingTime !== null && now >= spec.lastTradingTime,
  };
}

/** `contractType` filters (repeatable; `all` or none means everything). */
function contractFilter(ctx: HandlerContext): (spec: InstrumentSpec) => boolean {
  const types = ctx.params.all('contractType');
  if (types.length === 0 || types.includes('all')) return () => true;
  return (spec) => types.includes(spec.type);
}

const instruments: Handler = (ctx) => {
  const { exchange, now } = ctx;
  const expired = ctx.params.boolean('expired') ?? false;
  const filter = contractFilter(ctx);
  const list = exchange.instruments.all
    .filter(filter)
    .filter((s) => expired || exchange.instruments.isTradeable(s, now))
    .map((s) => instrumentJson(s, now, exchange.instruments.isTradeable(s, now)));
  return success(now, { instruments: list });
};

function statusJson(spec: InstrumentSpec): Record<string, unknown> {
  return {
    tradeable: spec.symbol, experiencingDislocation: false, priceDislocationDirection: null,
    experiencingExtremeVolatility: false, extremeVolatilityInitialMarginMultiplier: 1,
  };
}

const instrumentStatus: Handler = (ctx) =>
  success(ctx.now, { instrumentStatus: ctx.exchange.instruments.all.filter(contractFilter(ctx)).map(statusJson) });

const instrumentStatusOne: Handler = (ctx) => {
  const spec = ctx.exchange.instruments.find(ctx.params.required('symbol'));
  return spec ? success(ctx.now, statusJson(spec)) : unknownSymbol(ctx.now);
};

export function tickerJson(exchange: SimulatedExchange, spec: InstrumentSpec, now: number): Record<string, unknown> {
  const { market } = exchange;
  const mark = market.mark(spec, now);
  const top = bestLevels(market, exchange.state, spec, now);
  const last = market.lastTrade(spec, now);
  const stats = market.stats(spec, now);
  const funding = market.prices.funding(spec, now);
  const lastPrice = last?.price ?? mark;
  const openInterest = roundTo(spec.levelSize * 2500 * (1 + 0.3 * valueNoise(market.seed, streamOf(spec.symbol) + 41, 3_600_000, now)), spec.sizePrecision);
  return {
    tag: spec.tag, pair: `${spec.underlying.code}:USD`, symbol: spec.symbol, markPrice: mark,
    bid: top.bid?.[0], bidSize: top.bid?.[1], ask: top.ask?.[0], askSize: top.ask?.[1],
    vol24h: stats.vol24h, volumeQuote: roundTo(stats.vol24h * (spec.kind === 'linear' ? mark : 1), 2), openInterest,
    open24h: stats.open24h, high24h: stats.high24h, low24h: stats.low24h, last: lastPrice,
    lastTime: iso(last?.time ?? now), lastSize: last?.size ?? 0, indexPrice: market.index(spec, now),
    suspended: !exchange.instruments.isTradeable(spec, now), postOnly: false,
    change24h: roundTo(((lastPrice - stats.open24h) / stats.open24h) * 100, 6),
    ...(funding ? { fundingRate: funding.absolute, fundingRatePrediction: market.prices.funding(spec, now + 3_600_000)?.absolute } : {}),
  };
}

/** Index tickers (`in_xbtusd`, `rr_xbtusd`) carry only symbol, last and lastTime. */
function indexTickers(exchange: SimulatedExchange, now: number): Array<Record<string, unknown>> {
  const seen = new Map<string, InstrumentSpec>();
  for (const spec of exchange.instruments.all) if (!seen.has(spec.underlying.code)) seen.set(spec.underlying.code, spec);
  return [...seen.values()].flatMap((spec) => {
    const name = `${spec.underlying.code.toLowerCase()}usd`;
    const last = exchange.market.index(spec, now);
    const lastTime = iso(Math.floor(now / 1000) * 1000);
    return [{ symbol: `in_${name}`, last, lastTime }, { symbol: `rr_${name}`, last, lastTime }];
  });
}

const tickers: Handler = (ctx) => {
  const { exchange, now } = ctx;
  const wanted = ctx.params.all('symbol').map((s) => s.toUpperCase());
  const filter = contractFilter(ctx);
  const market = exchange.instruments.all
    .filter(filter)
    .filter((s) => wanted.length === 0 || wanted.includes(s.symbol))
    .map((s) => tickerJson(exchange, s, now));
  const indices = indexTickers(exchange, now).filter((t) => wanted.length === 0 || wanted.includes(String(t.symbol).toUpperCase()));
  return success(now, { tickers: ctx.params.has('contractType') && wanted.length === 0 ? market : [...market, ...indices] });
};

const tickerOne: Handler = (ctx) => {
  const symbol = ctx.params.required('symbol');
  const spec = ctx.exchange.instruments.find(symbol);
  if (spec) return success(ctx.now, { ticker: tickerJson(ctx.exchange, spec, ctx.now) });
  const index = indexTickers(ctx.exchange, ctx.now).find((t) => String(t.symbol).toUpperCase() === symbol.toUpperCase());
  return index ? success(ctx.now, { ticker: index }) : unknownSymbol(ctx.now);
};

const orderbook: Handler = (ctx) => {
  const symbol = ctx.params.text('symbol');
  // Kraken answers a missing symbol with HTTP 400 in the Spring shape (reference §4.1).
  if (symbol === undefined || symbol === '') return badRequest(ctx.now);
  const spec = ctx.exchange.instruments.find(symbol);
  if (!spec) return unknownSymbol(ctx.now);
  return success(ctx.now, { orderBook: bookSnapshot(ctx.exchange.market, ctx.exchange.state, spec, ctx.now) });
};

const tradeHistory: Handler = (ctx) => {
  const spec = ctx.exchange.instruments.find(ctx.params.required('symbol'));
  if (!spec) return unknownSymbol(ctx.now);
  const before = Math.min(ctx.params.time('lastTime') ?? ctx.now + 1, ctx.now + 1);
  const history = ctx.exchange.market.recentTrades(spec, before, HISTORY_COUNT).map((t) => ({
    time: iso(t.time), trade_id: t.tradeId, price: t.price, size: t.size, side: t.side, type: 'fill', uid: t.uid,
  }));
  return success(ctx.now, { history });
};

const historicalFundingRates: Handler = (ctx) => {
  const spec = ctx.exchange.instruments.find(ctx.params.required('symbol'));
  if (!spec) return unknownSymbol(ctx.now);
  if (!spec.perpetual) return success(ctx.now, { rates: [] });
  const hour = 3_600_000;
  const latest = Math.floor(ctx.now / hour) * hour;
  const rates = [];
  for (let t = latest - 7 * 24 * hour; t <= latest; t += hour) {
    const f = ctx.exchange.market.prices.funding(spec, t);
    if (f) rates.push({ timestamp: iso(t), fundingRate: f.absolute, relativeFundingRate: f.relative });
  }
  return success(ctx.now, { rates });
};

export const marketDataHandlers: Readonly<Record<string, Handler>> = {
  instruments,
  'instruments.status': instrumentStatus,
  'instruments.status.symbol': instrumentStatusOne,
  tickers,
  'tickers.symbol': tickerOne,
  orderbook,
  tradehistory: tradeHistory,
  historicalfundingrates: historicalFundingRates,
};
