import { z } from 'zod';
import { CHARTS_V1, FREE, derivativesEndpoint, optional, pathParam } from './endpointBuilders';
import { candlesResponse } from './historySchemas';
import type { EndpointSpec } from './types';

/** Charts API (reference §4.7): public OHLC candles; no `result` envelope. */

export const TICK_TYPES = ['trade', 'mark', 'spot'] as const;
export const RESOLUTIONS = ['1m', '5m', '15m', '30m', '1h', '4h', '12h', '1d', '1w'] as const;

const tickType = pathParam('tick_type', 'enum', 'trade, mark, or spot (index price).', { values: TICK_TYPES });
const chartSymbol = pathParam('symbol', 'symbol', 'Contract symbol, e.g. PF_XBTUSD.');
const stringList = z.array(z.string());

export const chartEndpoints: readonly EndpointSpec[] = [
  derivativesEndpoint({
    id: 'charts.candles',
    method: 'GET',
    path: `${CHARTS_V1}/{tick_type}/{symbol}/{resolution}`,
    auth: 'public',
    mutating: false,
    params: [
      tickType,
      chartSymbol,
      pathParam('resolution', 'enum', 'Candle width.', { values: RESOLUTIONS }),
      optional('from', 'integer', 'Start time (epoch SECONDS).'),
      optional('to', 'integer', 'End time (epoch SECONDS).'),
      optional('count', 'integer', 'Number of candles (ccxt asks for at most 2000).'),
    ],
    rate: FREE,
    summary: 'OHLC candles of a contract; more_candles says whether there is more.',
    response: candlesResponse,
  }),
  derivativesEndpoint({
    id: 'charts.tickTypes',
    method: 'GET',
    path: CHARTS_V1,
    auth: 'public',
    mutating: false,
    params: [],
    rate: FREE,
    summary: 'The available tick types.',
    response: stringList,
  }),
  derivativesEndpoint({
    id: 'charts.symbols',
    method: 'GET',
    path: `${CHARTS_V1}/{tick_type}`,
    auth: 'public',
    mutating: false,
    params: [tickType],
    rate: FREE,
    summary: 'The symbols that have charts of a tick type.',
    response: stringList,
  }),
  derivativesEndpoint({
    id: 'charts.resolutions',
    method: 'GET',
    path: `${CHARTS_V1}/{tick_type}/{symbol}`,
    auth: 'public',
    mutating: false,
    params: [tickType, chartSymbol],
    rate: FREE,
    summary: 'The resolutions available for a symbol.',
    response: stringList,
  }),
];
