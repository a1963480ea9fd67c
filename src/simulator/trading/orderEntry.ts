import { ceilToStep, floorToStep, isMultipleOf, roundTo } from '../market/decimals';
import type { InstrumentSpec } from '../market/instruments';
import type { OrderEvent, TradingEngine } from './engine';
import { crosses, planTakerFills, totalSize } from './matching';
import { orderJson, triggerJson } from './orderJson';
import type { LimitOffset, Order, RequestedOrderType, Side, TriggerOrder, TriggerSignal, WorkingOrderType } from './types';

/**
 * `sendorder`: the checks Kraken makes (each failure is a `sendStatus.status`, not an HTTP error),
 * then placement: trigger orders wait for their signal, the rest match immediately and any
 * remainder of a limit order rests in the book.
 */

export interface OrderRequest {
  readonly orderType: RequestedOrderType;
  readonly symbol: string;
  readonly side: Side;
  readonly size: number;
  readonly limitPrice?: number;
  readonly stopPrice?: number;
  readonly cliOrdId?: string;
  readonly triggerSignal?: TriggerSignal;
  readonly reduceOnly: boolean;
  readonly trailingStopMaxDeviation?: number;
  readonly trailingStopDeviationUnit?: 'PERCENT' | 'QUOTE_CURRENCY';
  readonly limitOffset?: LimitOffset;
  readonly processBefore?: number;
}

export interface OrderOutcome {
  readonly status: string;
  readonly orderId?: string;
  readonly cliOrdId?: string;
  readonly receivedTime: number;
  readonly orderEvents: OrderEvent[];
}

export const MAX_CLI_ORD_ID = 100;
/** Limit prices further than this through the mark are refused (`outsidePriceCollar`). */
export const PRICE_COLLAR = 0.1;

function isTrigger(type: RequestedOrderType): type is 'stp' | 'take_profit' | 'trailing_stop' {
  return type === 'stp' || type === 'take_profit' || type === 'trailing_stop';
}

export function validPrice(spec: InstrumentSpec, price: number): boolean {
  return Number.isFinite(price) && price > 0 && isMultipleOf(price, spec.tickSize);
}

export function validSize(spec: InstrumentSpec, size: number): boolean {
  return Number.isFinite(size) && size > 0 && isMultipleOf(size, spec.sizeStep);
}

export function outsideCollar(engine: TradingEngine, spec: InstrumentSpec, side: Side, limit: number, now: number): boolean {
  const mark = engine.market.mark(spec, now);
  return side === 'buy' ? limit > mark * (1 + PRICE_COLLAR) : limit < mark * (1 - PRICE_COLLAR);
}

export function sendOrder(engine: TradingEngine, req: OrderRequest, now: number): OrderOutcome {
  const spec = engine.spec(req.symbol);
  const base = { receivedTime: now, ...(req.cliOrdId !== undefined ? { cliOrdId: req.cliOrdId } : {}) };
  const refuse = (status: string): OrderOutcome => ({ ...base, status, orderEvents: [] });

  if (req.processBefore !== undefined && now > req.processBefore) return refuse('wouldProcessAfterSpecifiedTime');
  if (!engine.market.instruments.isTradeable(spec, now)) return refuse('marketInactive');
  if (req.cliOrdId !== undefined) {
    if (req.cliOrdId.length > MAX_CLI_ORD_ID) return refuse('clientOrderIdTooBig');
    if (engine.state.orderIdForClient(req.cliOrdId)) return refuse('clientOrderIdAlreadyExist');
  }
  if (!validSize(spec, req.size)) return refuse('invalidSize');
  if (req.limitPrice !== undefined && !validPrice(spec, req.limitPrice)) return refuse('invalidPrice');
  if (req.stopPrice !== undefined && !validPrice(spec, req.stopPrice)) return refuse('invalidPrice');
  if (!isTrigger(req.orderType) && req.limitPrice !== undefined && outsideCollar(engine, spec, req.side, req.limitPrice, now)) {
    return refuse('outsidePriceCollar');
  }

  let size = req.size;
  let reducedQuantity: number | null = null;
  if (req.reduceOnly && !isTrigger(req.orderType)) {
    const reducible = engine.reducibleSize(spec.symbol, req.side);
    if (reducible === 0) return refuse('wouldNotReducePosition');
    if (size > reducible) {
      reducedQuantity = roundTo(size - reducible, spec.sizePrecision);
      size = reducible;
    }
  } else if (!req.reduceOnly) {
    const position = engine.state.positions.get(spec.symbol)?.size ?? 0;
    if (Math.abs(position + (req.side === 'buy' ? size : -size)) > spec.maxPositionSize) return refuse('maxPositionViolation');
    if (engine.portfolio.lacksMargin(spec, req.side, size, now)) return refuse('insufficientAvailableFunds');
  }

  if (isTrigger(req.orderType)) return placeTrigger(engine, spec, req, now, base);
  return placeWorking(engine, spec, { ...req, size }, reducedQuantity, now, base);
}

function placeWorking(
  engine: TradingEngine, spec: InstrumentSpec, req: OrderRequest, reducedQuantity: number | null, now: number,
  base: { receivedTime: number; cliOrdId?: string },
): OrderOutcome {
  const type: WorkingOrderType = req.orderType === 'mkt' ? 'ioc' : (req.orderType as WorkingOrderType);
  const limitPrice = req.orderType === 'mkt' ? engine.protectedLimit(spec, req.side, now) : (req.limitPrice as number);
  const order: Order = {
    orderId: engine.newId(), cliOrdId: req.cliOrdId ?? null, symbol: spec.symbol, side: req.side, type,
    requestedType: req.orderType, quantity: req.size, filled: 0, limitPrice, reduceOnly: req.reduceOnly,
    receivedTime: now, lastUpdateTime: now,
  };
  const opposite = engine.opposite(spec, req.side, now);
  const ownOpposite = engine.state.book(spec.symbol, req.side === 'buy' ? 'sell' : 'buy')[0];
  const crossesOwn = ownOpposite !== undefined && crosses(req.side, limitPrice, ownOpposite.limitPrice);
  const rejectWith = (status: string, reason: string | null): OrderOutcome => {
    engine.commit({ k: 'orderRejected', t: now, order, trigger: null, status });
    const events = reason ? [{ type: 'REJECT', uid: order.orderId, order: orderJson(order), reason }] : [];
    return { ...base, status, orderId: order.orderId, orderEvents: events };
  };

  if (type === 'post') {
    if (crossesOwn || (opposite[0] !== undefined && crosses(req.side, limitPrice, opposite[0].price))) return rejectWith('postWouldExecute', 'POST_WOULD_EXECUTE');
  } else if (crossesOwn) {
    return rejectWith('selfFill', null);
  }
  if (type === 'ioc' || type === 'fok') {
    const available = totalSize(planTakerFills(opposite, req.side, req.size, limitPrice, spec.sizePrecision), spec.sizePrecision);
    if (available === 0 || (type === 'fok' && available < req.size)) return rejectWith('iocWouldNotExecute', 'IOC_WOULD_NOT_EXECUTE');
  }

  engine.commit({ k: 'orderOpened', t: now, order });
  const events: OrderEvent[] = [];
  if (type === 'lmt' || type === 'post') events.push({ type: 'PLACE', order: orderJson(order), reducedQuantity });
  events.push(...engine.executeTaker(order, now, 'taker'));
  if ((type === 'ioc' || type === 'fok') && engine.state.orders.has(order.orderId)) {
    engine.commit({ k: 'orderClosed', t: now, orderId: order.orderId, reason: 'IOC_REMAINDER' });
  }
  return { ...base, status: 'placed', orderId: order.orderId, orderEvents: events };
}

function placeTrigger(engine: TradingEngine, spec: InstrumentSpec, req: OrderRequest, now: number, base: { receivedTime: number; cliOrdId?: string }): OrderOutcome {
  const orderType = req.orderType as TriggerOrder['orderType'];
  const signal = req.triggerSignal ?? 'last';
  const triggerSide = orderType === 'take_profit' ? (req.side === 'buy' ? 'below' : 'above') : req.side === 'buy' ? 'above' : 'below';
  let triggerPrice = req.stopPrice ?? 0;
  let trailing: TriggerOrder['trailing'] = null;
  if (orderType === 'trailing_stop') {
    const deviation = req.trailingStopMaxDeviation as number;
    const unit = req.trailingStopDeviationUnit as 'PERCENT' | 'QUOTE_CURRENCY';
    if (!(deviation > 0) || (unit === 'PERCENT' && (deviation < 0.1 || deviation > 50))) return { ...base, status: 'invalidPrice', orderEvents: [] };
    const extreme = engine.signalPrice(spec, signal, now);
    trailing = { maxDeviation: deviation, unit, extreme };
    triggerPrice = trailingTriggerPrice(spec, req.side, trailing);
  }
  const trigger: TriggerOrder = {
    orderId: engine.newId(), cliOrdId: req.cliOrdId ?? null, symbol: spec.symbol, side: req.side, orderType,
    quantity: req.size, limitPrice: req.limitPrice ?? null, triggerPrice, triggerSide, triggerSignal: signal,
    reduceOnly: req.reduceOnly, receivedTime: now, lastUpdateTime: now, trailing, limitOffset: req.limitOffset ?? null,
  };
  engine.commit({ k: 'triggerPlaced', t: now, trigger });
  return { ...base, status: 'placed', orderId: trigger.orderId, orderEvents: [{ type: 'PLACE', orderTrigger: triggerJson(trigger) }] };
}

/** A trailing stop sits `maxDeviation` behind the best price seen, on the tick grid. */
export function trailingTriggerPrice(spec: InstrumentSpec, side: Side, trailing: NonNullable<TriggerOrder['trailing']>): number {
  const distance = trailing.unit === 'PERCENT' ? (trailing.extreme * trailing.maxDeviation) / 100 : trailing.maxDeviation;
  return side === 'sell' ? floorToStep(trailing.extreme - distance, spec.tickSize) : ceilToStep(trailing.extreme + distance, spec.tickSize);
}
