import { HISTORY_V2, HISTORY_V3, derivativesEndpoint, historyCost, oneOf, optional, pathParam } from './endpointBuilders';
import { accountLogResponse, historyEventsResponse } from './historySchemas';
import { accountLogCost } from './rateCosts';
import type { EndpointSpec, ParamSpec } from './types';

/**
 * History API (reference §4.6): its own rate pool; paths are signed in full (nothing stripped).
 * Kraken's endpoint pages list v3 while ccxt and python-kraken-sdk still call v2, and both serve
 * the same payloads, so every endpoint is described under v3 with a v2 alias (`aliasOf`).
 */

export const ACCOUNT_LOG_INFO = [
  'futures trade', 'futures liquidation', 'futures assignor', 'futures assignee', 'futures unwind counterparty',
  'futures unwind bankrupt', 'covered liquidation', 'funding rate change', 'conversion', 'interest payment',
  'transfer', 'cross-exchange transfer', 'kfee applied', 'subaccount transfer', 'settlement', 'admin transfer',
  'tax withheld', 'tax refund',
] as const;

const since = optional('since', 'integer', 'Only entries at or after this time (epoch milliseconds).');
const before = optional('before', 'integer', 'Only entries before this time (epoch milliseconds).');
const sort = oneOf('sort', ['asc', 'desc'], 'Sort order (default desc); keep it when paging with a continuation token.');
const continuation = optional('continuation_token', 'string', 'Opaque token from the previous page.');
const count = optional('count', 'integer', 'Maximum number of elements (at least 1; capped around 1000).');
const tradeable = optional('tradeable', 'symbol', 'Only events of this contract.');
const opened = optional('opened', 'boolean', 'Include events of orders still open.');
const closed = optional('closed', 'boolean', 'Include events of closed orders.');
const marketSymbol = pathParam('symbol', 'symbol', 'Contract symbol, e.g. PF_XBTUSD.');

const eventPaging: readonly ParamSpec[] = [since, before, sort, continuation, count, tradeable];
const marketPaging: readonly ParamSpec[] = [marketSymbol, since, before, sort, continuation, count];

interface HistoryEntry {
  readonly name: string;
  readonly path: string;
  readonly auth: 'public' | 'private';
  readonly params: readonly ParamSpec[];
  readonly rate: EndpointSpec['rate'];
  readonly summary: string;
  readonly response?: EndpointSpec['response'];
  readonly responseFormat?: EndpointSpec['responseFormat'];
}

const entries: readonly HistoryEntry[] = [
  { name: 'executions', path: 'executions', auth: 'private', params: eventPaging, rate: historyCost(1),
    summary: 'Your executions (fills with fees and position size), paged.', response: historyEventsResponse },
  { name: 'orders', path: 'orders', auth: 'private', params: [...eventPaging, opened, closed], rate: historyCost(1),
    summary: 'Your order events (placed, updated, rejected, cancelled), paged.', response: historyEventsResponse },
  { name: 'triggers', path: 'triggers', auth: 'private', params: [...eventPaging, opened, closed], rate: historyCost(1),
    summary: 'Your trigger (stop) order events, paged.', response: historyEventsResponse },
  { name: 'positions', path: 'positions', auth: 'private', params: eventPaging, rate: historyCost(1),
    summary: 'Your position updates with realised PnL and funding, paged.', response: historyEventsResponse },
  {
    name: 'accountlog',
    path: 'account-log',
    auth: 'private',
    params: [
      since,
      before,
      optional('from', 'integer', 'First entry id (ids start at 1, inclusive).'),
      optional('to', 'integer', 'Last entry id (inclusive).'),
      sort,
      oneOf('info', ACCOUNT_LOG_INFO, 'Only entries of this type; repeat to combine.', { repeated: true }),
      optional('count', 'integer', 'Number of entries (default 500); the cost grows with it.'),
      optional('conversion_details', 'boolean', 'Add exchange-rate and conversion-fee fields.'),
    ],
    rate: historyCost(3, accountLogCost),
    summary: 'The account log (trades, funding, transfers, fees); page by id or time.',
    response: accountLogResponse,
  },
  { name: 'accountlogcsv', path: 'accountlogcsv', auth: 'private', params: [], rate: historyCost(6),
    summary: 'The whole account log as CSV text (slow for large accounts).', responseFormat: 'csv' },
  { name: 'market.executions', path: 'market/{symbol}/executions', auth: 'public', params: marketPaging, rate: historyCost(1),
    summary: 'Public executions of a contract (maker and taker order), paged.', response: historyEventsResponse },
  { name: 'market.orders', path: 'market/{symbol}/orders', auth: 'public', params: marketPaging, rate: historyCost(1),
    summary: 'Public order events of a contract, paged.', response: historyEventsResponse },
  { name: 'market.price', path: 'market/{symbol}/price', auth: 'public', params: marketPaging, rate: historyCost(1),
    summary: 'Public price events of a contract, paged.', response: historyEventsResponse },
];

function historyEndpoint(entry: HistoryEntry, version: 'v2' | 'v3'): EndpointSpec {
  const primaryId = `history.${entry.name}`;
  return derivativesEndpoint({
    id: version === 'v3' ? primaryId : `history.v2.${entry.name}`,
    method: 'GET',
    path: `${version === 'v3' ? HISTORY_V3 : HISTORY_V2}/${entry.path}`,
    auth: entry.auth,
    mutating: false,
    params: entry.params,
    rate: entry.rate,
    summary: version === 'v3' ? entry.summary : `${entry.summary} (v2 path)`,
    ...(entry.response ? { response: entry.response } : {}),
    ...(entry.responseFormat ? { responseFormat: entry.responseFormat } : {}),
    ...(version === 'v2' ? { aliasOf: primaryId } : {}),
  });
}

export const historyEndpoints: readonly EndpointSpec[] = [
  ...entries.map((e) => historyEndpoint(e, 'v3')),
  ...entries.map((e) => historyEndpoint(e, 'v2')),
];
