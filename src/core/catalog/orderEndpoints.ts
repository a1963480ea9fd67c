import { DERIVATIVES_V3, derivativesCost, derivativesEndpoint, oneOf, optional, required } from './endpointBuilders';
import {
  batchOrderResponse,
  cancelAllOrdersAfterResponse,
  cancelAllOrdersResponse,
  cancelOrderResponse,
  editOrderResponse,
  sendOrderResponse,
} from './orderSchemas';
import { batchOrderCost } from './rateCosts';
import type { EndpointSpec, ParamSpec } from './types';

/** Order entry (reference §4.3): signed POSTs, never retried. */

export const ORDER_TYPES = ['lmt', 'post', 'ioc', 'mkt', 'stp', 'take_profit', 'trailing_stop', 'fok'] as const;
export const TRIGGER_SIGNALS = ['mark', 'index', 'last'] as const;
export const DEVIATION_UNITS = ['PERCENT', 'QUOTE_CURRENCY'] as const;

const processBefore = optional('processBefore', 'timestamp', 'Reject with wouldProcessAfterSpecifiedTime if not processed by this ISO-8601 time.');
const cliOrdId = optional('cliOrdId', 'string', 'Your own order id (globally unique, at most 100 characters).', { maxLength: 100 });
const trailingMaxDeviation = optional('trailingStopMaxDeviation', 'number', 'Trailing distance (0.1–50 when the unit is PERCENT).', {
  requiredWhen: { param: 'orderType', values: ['trailing_stop'] },
});
const trailingUnit = oneOf('trailingStopDeviationUnit', DEVIATION_UNITS, 'Unit of trailingStopMaxDeviation.', {
  requiredWhen: { param: 'orderType', values: ['trailing_stop'] },
});

const sendOrderParams: readonly ParamSpec[] = [
  { ...oneOf('orderType', ORDER_TYPES, 'lmt, post (post-only), ioc, mkt (IOC with 1% protection), stp, take_profit, trailing_stop, fok.'), required: true },
  required('symbol', 'symbol', 'Instrument symbol, e.g. PF_XBTUSD.'),
  { ...oneOf('side', ['buy', 'sell'], 'buy or sell.'), required: true },
  required('size', 'number', 'Size in contracts; a multiple of the instrument size step.'),
  optional('limitPrice', 'number', 'Limit price; for stp/take_profit the worst fill price (omit for a market order on trigger).', {
    requiredWhen: { param: 'orderType', values: ['lmt', 'post', 'ioc', 'fok'] },
  }),
  optional('stopPrice', 'number', 'Trigger price of stp/take_profit orders.', {
    requiredWhen: { param: 'orderType', values: ['stp', 'take_profit'] },
  }),
  cliOrdId,
  oneOf('triggerSignal', TRIGGER_SIGNALS, 'Price that triggers stop orders: mark, index or last.'),
  optional('reduceOnly', 'boolean', 'Only reduce an existing position (default false).'),
  trailingMaxDeviation,
  trailingUnit,
  optional('limitPriceOffsetValue', 'number', 'Relative limit of a trigger order; send with limitPriceOffsetUnit.'),
  oneOf('limitPriceOffsetUnit', ['QUOTE_CURRENCY', 'PERCENT'], 'Unit of limitPriceOffsetValue.'),
  processBefore,
  optional('broker', 'string', 'Broker IIBAN (pre-production only).'),
];

export const orderEndpoints: readonly EndpointSpec[] = [
  derivativesEndpoint({
    id: 'sendorder',
    method: 'POST',
    path: `${DERIVATIVES_V3}/sendorder`,
    auth: 'private',
    mutating: true,
    params: sendOrderParams,
    rate: derivativesCost(10),
    summary: 'Place an order. Check sendStatus.status: rejections also come with result "success".',
    response: sendOrderResponse,
  }),
  derivativesEndpoint({
    id: 'editorder',
    method: 'POST',
    path: `${DERIVATIVES_V3}/editorder`,
    auth: 'private',
    mutating: true,
    params: [
      optional('orderId', 'uuid', 'Id of the order to edit.'),
      cliOrdId,
      optional('size', 'number', 'New size (see qtyMode).'),
      optional('limitPrice', 'number', 'New limit price.'),
      optional('stopPrice', 'number', 'New trigger price.'),
      optional('trailingStopMaxDeviation', 'number', 'New trailing distance.'),
      oneOf('trailingStopDeviationUnit', DEVIATION_UNITS, 'Unit of trailingStopMaxDeviation.'),
      oneOf('qtyMode', ['ABSOLUTE', 'RELATIVE'], 'RELATIVE (default): size is the remaining open size; ABSOLUTE: total size including fills.'),
      processBefore,
    ],
    requiresOneOf: [['orderId', 'cliOrdId']],
    rate: derivativesCost(10),
    summary: 'Edit an open order. Check editStatus.status.',
    response: editOrderResponse,
  }),
  derivativesEndpoint({
    id: 'cancelorder',
    method: 'POST',
    path: `${DERIVATIVES_V3}/cancelorder`,
    auth: 'private',
    mutating: true,
    params: [optional('order_id', 'uuid', 'Id of the order to cancel.'), cliOrdId, processBefore],
    requiresOneOf: [['order_id', 'cliOrdId']],
    rate: derivativesCost(10),
    summary: 'Cancel one order: cancelStatus.status is cancelled, filled or notFound.',
    response: cancelOrderResponse,
  }),
  derivativesEndpoint({
    id: 'cancelallorders',
    method: 'POST',
    path: `${DERIVATIVES_V3}/cancelallorders`,
    auth: 'private',
    mutating: true,
    params: [optional('symbol', 'symbol', 'Only cancel orders of this contract; omit to cancel everything.')],
    rate: derivativesCost(25),
    summary: 'Cancel all open orders, or all of one contract.',
    response: cancelAllOrdersResponse,
  }),
  derivativesEndpoint({
    id: 'cancelallordersafter',
    method: 'POST',
    path: `${DERIVATIVES_V3}/cancelallordersafter`,
    auth: 'private',
    mutating: true,
    params: [required('timeout', 'integer', 'Seconds until everything is cancelled; 0 disarms the switch.')],
    rate: derivativesCost(25),
    summary: "Dead man's switch: cancel all orders unless called again within timeout seconds.",
    response: cancelAllOrdersAfterResponse,
  }),
  derivativesEndpoint({
    id: 'batchorder',
    method: 'POST',
    path: `${DERIVATIVES_V3}/batchorder`,
    auth: 'private',
    mutating: true,
    params: [
      required('json', 'json', 'The JSON text {"batchOrder":[...]} of send/edit/cancel instructions, URL-encoded in the body.'),
      { ...processBefore, doc: 'Reject if not processed by this ISO-8601 time (the docs spell it ProcessBefore).' },
    ],
    rate: derivativesCost(9, batchOrderCost),
    summary: 'Send, edit and cancel several orders in one request (cost 9 + instructions).',
    response: batchOrderResponse,
  }),
];
