import { DERIVATIVES_V3, FREE, derivativesEndpoint, oneOf, optional, pathParam, required } from './endpointBuilders';
import {
  historicalFundingRatesResponse,
  instrumentStatusListResponse,
  instrumentStatusResponse,
  instrumentsResponse,
  orderBookResponse,
  publicHistoryResponse,
  tickerResponse,
  tickersResponse,
} from './marketSchemas';
import type { EndpointSpec } from './types';

/** Public market data (reference §4.1): unsigned, free. */

export const CONTRACT_TYPES = ['futures_inverse', 'futures_vanilla', 'flexible_futures', 'options', 'all'] as const;

const contractType = oneOf('contractType', CONTRACT_TYPES, 'Only instruments of this contract type; repeat to combine.', {
  repeated: true,
});

export const marketDataEndpoints: readonly EndpointSpec[] = [
  derivativesEndpoint({
    id: 'instruments',
    method: 'GET',
    path: `${DERIVATIVES_V3}/instruments`,
    auth: 'public',
    mutating: false,
    params: [contractType, optional('expired', 'boolean', 'Include expired instruments (default false).')],
    rate: FREE,
    summary: 'List the instruments (contracts) with tick size, contract size and margin levels.',
    response: instrumentsResponse,
  }),
  derivativesEndpoint({
    id: 'instruments.status',
    method: 'GET',
    path: `${DERIVATIVES_V3}/instruments/status`,
    auth: 'public',
    mutating: false,
    params: [contractType],
    rate: FREE,
    summary: 'Price-dislocation and volatility status of every instrument.',
    response: instrumentStatusListResponse,
  }),
  derivativesEndpoint({
    id: 'instruments.status.symbol',
    method: 'GET',
    path: `${DERIVATIVES_V3}/instruments/{symbol}/status`,
    auth: 'public',
    mutating: false,
    params: [pathParam('symbol', 'symbol', 'Instrument symbol, e.g. PF_XBTUSD.')],
    rate: FREE,
    summary: 'Price-dislocation and volatility status of one instrument.',
    response: instrumentStatusResponse,
  }),
  derivativesEndpoint({
    id: 'tickers',
    method: 'GET',
    path: `${DERIVATIVES_V3}/tickers`,
    auth: 'public',
    mutating: false,
    params: [
      contractType,
      optional('symbol', 'symbol', 'Only these symbols (case-insensitive); repeat to combine.', { repeated: true }),
    ],
    rate: FREE,
    summary: 'Market tickers (mark, bid/ask, volume, funding) and index tickers.',
    response: tickersResponse,
  }),
  derivativesEndpoint({
    id: 'tickers.symbol',
    method: 'GET',
    path: `${DERIVATIVES_V3}/tickers/{symbol}`,
    auth: 'public',
    mutating: false,
    params: [pathParam('symbol', 'symbol', 'Instrument or index symbol, e.g. PF_XBTUSD.')],
    rate: FREE,
    summary: 'The ticker of one symbol.',
    response: tickerResponse,
  }),
  derivativesEndpoint({
    id: 'orderbook',
    method: 'GET',
    path: `${DERIVATIVES_V3}/orderbook`,
    auth: 'public',
    mutating: false,
    params: [required('symbol', 'symbol', 'Instrument symbol, e.g. PF_XBTUSD.')],
    rate: FREE,
    summary: 'The full order book of one instrument: bids descending, asks ascending.',
    response: orderBookResponse,
  }),
  derivativesEndpoint({
    id: 'tradehistory',
    method: 'GET',
    path: `${DERIVATIVES_V3}/history`,
    auth: 'public',
    mutating: false,
    params: [
      required('symbol', 'symbol', 'Instrument symbol, e.g. PF_XBTUSD.'),
      optional('lastTime', 'timestamp', 'Return the 100 trades before this ISO-8601 time.'),
    ],
    rate: FREE,
    summary: 'The last 100 public trades of an instrument (at most 7 days back), newest first.',
    response: publicHistoryResponse,
  }),
  derivativesEndpoint({
    id: 'historicalfundingrates',
    method: 'GET',
    path: '/derivatives/api/v4/historicalfundingrates',
    auth: 'public',
    mutating: false,
    params: [required('symbol', 'symbol', 'Perpetual symbol, e.g. PF_XBTUSD.')],
    rate: FREE,
    summary: 'Historical funding rates of a perpetual (absolute and relative).',
    response: historicalFundingRatesResponse,
  }),
];
