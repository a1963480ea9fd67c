import { z } from 'zod';
import { decimal, epochMs, id } from './schemaPrimitives';

/**
 * Response schemas of the history API (reference §4.6) and the charts API (§4.7).
 * History events come in many variants (OrderPlaced, OrderUpdated, Execution, ...); the event
 * body is kept loose so a new variant does not fail the whole page.
 */

export const historyElementSchema = z.looseObject({
  uid: id,
  timestamp: epochMs,
  event: z.record(z.string(), z.unknown()),
});

export const historyEventsResponse = z.looseObject({
  accountUid: z.string().optional(),
  len: decimal.optional(),
  serverTime: z.string().optional(),
  elements: z.array(historyElementSchema),
  continuationToken: z.string().nullish(),
});

export const accountLogEntrySchema = z.looseObject({
  id: decimal,
  date: z.string(),
  asset: z.string(),
  info: z.string(),
  booking_uid: z.string().nullish(),
  contract: z.string().nullish(),
  margin_account: z.string().nullish(),
  old_balance: decimal.nullish(),
  new_balance: decimal.nullish(),
  fee: decimal.nullish(),
  realized_pnl: decimal.nullish(),
  realized_funding: decimal.nullish(),
  trade_price: decimal.nullish(),
  mark_price: decimal.nullish(),
  funding_rate: decimal.nullish(),
  execution: z.string().nullish(),
});

export const accountLogResponse = z.looseObject({
  accountUid: z.string().optional(),
  logs: z.array(accountLogEntrySchema),
});

export const candleSchema = z.looseObject({
  time: epochMs,
  open: decimal,
  high: decimal,
  low: decimal,
  close: decimal,
  volume: decimal,
});

export const candlesResponse = z.looseObject({
  candles: z.array(candleSchema),
  more_candles: z.boolean().optional(),
});

export type HistoryElement = z.output<typeof historyElementSchema>;
export type HistoryEventsPage = z.output<typeof historyEventsResponse>;
export type AccountLogEntry = z.output<typeof accountLogEntrySchema>;
export type Candle = z.output<typeof candleSchema>;
