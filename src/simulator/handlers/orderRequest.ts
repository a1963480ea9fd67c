import { ORDER_TYPES, TRIGGER_SIGNALS } from '../../core/catalog';
import type { SimulatedExchange } from '../exchange';
import type { EditRequest } from '../trading/orderAmend';
import type { OrderRequest } from '../trading/orderEntry';
import type { RequestedOrderType } from '../trading/types';
import { ArgumentError, type ParamReader } from './paramReader';

/**
 * Turns decoded parameters (from a form, or from one batchorder instruction) into the engine's
 * requests. Missing or unusable arguments raise `ArgumentError` with Kraken's error string.
 */

const UNITS = ['PERCENT', 'QUOTE_CURRENCY'] as const;

export function orderRequestFrom(p: ParamReader, exchange: SimulatedExchange): OrderRequest {
  const orderType = p.oneOf('orderType', ORDER_TYPES) as RequestedOrderType | undefined;
  const side = p.oneOf('side', ['buy', 'sell'] as const);
  const symbolText = p.text('symbol');
  const size = p.number('size');
  if (orderType === undefined || side === undefined || symbolText === undefined || size === undefined) throw new ArgumentError('requiredArgumentMissing');
  const spec = exchange.instruments.find(symbolText);
  if (!spec) throw new ArgumentError('invalidArgument: symbol');
  const limitPrice = p.number('limitPrice');
  const stopPrice = p.number('stopPrice');
  if (['lmt', 'post', 'ioc', 'fok'].includes(orderType) && limitPrice === undefined) throw new ArgumentError('requiredArgumentMissing');
  if ((orderType === 'stp' || orderType === 'take_profit') && stopPrice === undefined) throw new ArgumentError('requiredArgumentMissing');
  const deviation = p.number('trailingStopMaxDeviation');
  const deviationUnit = p.oneOf('trailingStopDeviationUnit', UNITS);
  if (orderType === 'trailing_stop' && (deviation === undefined || deviationUnit === undefined)) throw new ArgumentError('requiredArgumentMissing');
  const offsetValue = p.number('limitPriceOffsetValue');
  const offsetUnit = p.oneOf('limitPriceOffsetUnit', UNITS);
  if ((offsetValue === undefined) !== (offsetUnit === undefined)) throw new ArgumentError('requiredArgumentMissing');
  const processBefore = p.time('processBefore') ?? p.time('ProcessBefore');
  const cliOrdId = p.text('cliOrdId');
  const triggerSignal = p.oneOf('triggerSignal', TRIGGER_SIGNALS);
  return {
    orderType, symbol: spec.symbol, side, size, reduceOnly: p.boolean('reduceOnly') ?? false,
    ...(limitPrice !== undefined ? { limitPrice } : {}),
    ...(stopPrice !== undefined && orderType !== 'trailing_stop' ? { stopPrice } : {}),
    ...(cliOrdId !== undefined ? { cliOrdId } : {}),
    ...(triggerSignal !== undefined ? { triggerSignal } : {}),
    ...(deviation !== undefined ? { trailingStopMaxDeviation: deviation } : {}),
    ...(deviationUnit !== undefined ? { trailingStopDeviationUnit: deviationUnit } : {}),
    ...(offsetValue !== undefined && offsetUnit !== undefined ? { limitOffset: { value: offsetValue, unit: offsetUnit } } : {}),
    ...(processBefore !== undefined ? { processBefore } : {}),
  };
}

export function editRequestFrom(p: ParamReader, idName: 'orderId' | 'order_id'): EditRequest {
  const orderId = p.text(idName) ?? p.text(idName === 'orderId' ? 'order_id' : 'orderId');
  const cliOrdId = p.text('cliOrdId');
  if (orderId === undefined && cliOrdId === undefined) throw new ArgumentError('requiredArgumentMissing');
  const size = p.number('size');
  const limitPrice = p.number('limitPrice');
  const stopPrice = p.number('stopPrice');
  const deviation = p.number('trailingStopMaxDeviation');
  const processBefore = p.time('processBefore');
  return {
    qtyMode: p.oneOf('qtyMode', ['ABSOLUTE', 'RELATIVE'] as const) ?? 'RELATIVE',
    ...(orderId !== undefined ? { orderId } : {}),
    ...(cliOrdId !== undefined ? { cliOrdId } : {}),
    ...(size !== undefined ? { size } : {}),
    ...(limitPrice !== undefined ? { limitPrice } : {}),
    ...(stopPrice !== undefined ? { stopPrice } : {}),
    ...(deviation !== undefined ? { trailingStopMaxDeviation: deviation } : {}),
    ...(processBefore !== undefined ? { processBefore } : {}),
  };
}
