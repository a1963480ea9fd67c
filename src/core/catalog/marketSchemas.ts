import { z } from 'zod';
import { decimal, isoTime, side, successEnvelope, symbol } from './schemaPrimitives';

/** Response schemas of the public market-data endpoints (reference §4.1). */

const marginLevel = z.looseObject({
  contracts: decimal.nullish(),
  numNonContractUnits: decimal.nullish(),
  initialMargin: decimal,
  maintenanceMargin: decimal,
});

export const instrumentSchema = z.looseObject({
  symbol,
  /** `flexible_futures` | `futures_inverse` | `futures_vanilla` | `options`; older data shows `spot index`. */
  type: z.string().optional(),
  tradeable: z.boolean().optional(),
  tradfi: z.boolean().optional(),
  isExpired: z.boolean().optional(),
  pair: z.string().optional(),
  base: z.string().optional(),
  quote: z.string().optional(),
  underlying: z.string().optional(),
  underlyingFuture: z.string().nullish(),
  tickSize: decimal.optional(),
  contractSize: decimal.optional(),
  /** The size step is 10^-n; may be negative (steps of 10, 100, ...). */
  contractValueTradePrecision: decimal.optional(),
  impactMidSize: decimal.optional(),
  maxPositionSize: decimal.optional(),
  openingDate: isoTime.optional(),
  lastTradingTime: isoTime.nullish(),
  marginLevels: z.array(marginLevel).optional(),
  retailMarginLevels: z.array(marginLevel).optional(),
  fundingRateCoefficient: decimal.optional(),
  maxRelativeFundingRate: decimal.optional(),
  postOnly: z.boolean().optional(),
  isin: z.string().nullish(),
  category: z.string().nullish(),
  tags: z.array(z.string()).optional(),
  mtf: z.boolean().optional(),
});

export const instrumentsResponse = z.looseObject({ ...successEnvelope, instruments: z.array(instrumentSchema) });

export const instrumentStatusSchema = z.looseObject({
  /** The symbol (Kraken calls it `tradeable`). */
  tradeable: symbol,
  experiencingDislocation: z.boolean(),
  priceDislocationDirection: z.enum(['ABOVE_UPPER_BOUND', 'BELOW_LOWER_BOUND']).nullish(),
  experiencingExtremeVolatility: z.boolean(),
  extremeVolatilityInitialMarginMultiplier: decimal,
});

export const instrumentStatusListResponse = z.looseObject({
  ...successEnvelope,
  instrumentStatus: z.array(instrumentStatusSchema),
});

export const instrumentStatusResponse = instrumentStatusSchema.extend(successEnvelope);

/** Market tickers carry everything; index tickers (`in_xbtusd`) only symbol, last and lastTime. */
export const tickerSchema = z.looseObject({
  symbol,
  tag: z.string().optional(),
  pair: z.string().optional(),
  markPrice: decimal.optional(),
  bid: decimal.optional(),
  bidSize: decimal.optional(),
  ask: decimal.optional(),
  askSize: decimal.optional(),
  vol24h: decimal.optional(),
  volumeQuote: decimal.optional(),
  openInterest: decimal.optional(),
  open24h: decimal.optional(),
  high24h: decimal.optional(),
  low24h: decimal.optional(),
  last: decimal.optional(),
  lastTime: isoTime.optional(),
  lastSize: decimal.optional(),
  indexPrice: decimal.optional(),
  suspended: z.boolean().optional(),
  postOnly: z.boolean().optional(),
  change24h: decimal.optional(),
  /** Absolute rate (not relative to the price). */
  fundingRate: decimal.optional(),
  fundingRatePrediction: decimal.optional(),
  isUnderlyingMarketClosed: z.boolean().optional(),
});

export const tickersResponse = z.looseObject({ ...successEnvelope, tickers: z.array(tickerSchema) });
export const tickerResponse = z.looseObject({ ...successEnvelope, ticker: tickerSchema });

const bookLevel = z.tuple([decimal, decimal]);

export const orderBookSchema = z.looseObject({
  /** Price descending. */
  bids: z.array(bookLevel),
  /** Price ascending. */
  asks: z.array(bookLevel),
});

export const orderBookResponse = z.looseObject({ ...successEnvelope, orderBook: orderBookSchema });

export const publicTradeSchema = z.looseObject({
  time: isoTime,
  trade_id: decimal.optional(),
  price: decimal,
  size: decimal,
  side: side.optional(),
  type: z.string().optional(),
  uid: z.string().optional(),
});

export const publicHistoryResponse = z.looseObject({ ...successEnvelope, history: z.array(publicTradeSchema) });

export const fundingRateSchema = z.looseObject({
  timestamp: isoTime,
  fundingRate: decimal,
  relativeFundingRate: decimal,
});

export const historicalFundingRatesResponse = z.looseObject({
  ...successEnvelope,
  rates: z.array(fundingRateSchema),
});

export type Instrument = z.output<typeof instrumentSchema>;
export type InstrumentStatus = z.output<typeof instrumentStatusSchema>;
export type Ticker = z.output<typeof tickerSchema>;
export type OrderBook = z.output<typeof orderBookSchema>;
export type PublicTrade = z.output<typeof publicTradeSchema>;
export type FundingRate = z.output<typeof fundingRateSchema>;
