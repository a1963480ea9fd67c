import { roundTo } from '../market/decimals';
import type { OrderEvent, TradingEngine } from './engine';
import { crosses } from './matching';
import { orderJson, triggerJson } from './orderJson';
import { outsideCollar, validPrice, validSize } from './orderEntry';
import type { CloseReason } from './types';

/** `editorder`, `cancelorder`, `cancelallorders` and the dead man's switch. */

export interface OrderRef {
  readonly orderId?: string;
  readonly cliOrdId?: string;
}

export interface EditRequest extends OrderRef {
  readonly size?: number;
  readonly limitPrice?: number;
  readonly stopPrice?: number;
  readonly trailingStopMaxDeviation?: number;
  readonly qtyMode: 'ABSOLUTE' | 'RELATIVE';
  readonly processBefore?: number;
}

export interface AmendOutcome {
  readonly status: string;
  readonly orderId?: string;
  readonly cliOrdId?: string | null;
  readonly receivedTime: number;
  readonly orderEvents: OrderEvent[];
}

function resolve(engine: TradingEngine, ref: OrderRef): string | undefined {
  if (ref.orderId !== undefined) return ref.orderId;
  return ref.cliOrdId !== undefined ? engine.state.orderIdForClient(ref.cliOrdId) : undefined;
}

export function editOrder(engine: TradingEngine, req: EditRequest, now: number): AmendOutcome {
  const id = resolve(engine, req);
  const refuse = (status: string): AmendOutcome => ({ status, receivedTime: now, orderEvents: [], ...(id ? { orderId: id } : {}) });
  if (req.processBefore !== undefined && now > req.processBefore) return refuse('wouldProcessAfterSpecifiedTime');
  const order = id ? engine.state.orders.get(id) : undefined;
  const trigger = id ? engine.state.triggers.get(id) : undefined;
  if (!order && !trigger) return refuse('orderForEditNotFound');
  const spec = engine.spec((order ?? trigger)!.symbol);
  if (req.limitPrice !== undefined && !validPrice(spec, req.limitPrice)) return refuse('invalidPrice');
  if (req.stopPrice !== undefined && !validPrice(spec, req.stopPrice)) return refuse('invalidPrice');
  if (req.size !== undefined && !validSize(spec, req.size)) return refuse('invalidSize');

  if (trigger) {
    if (trigger.trailing && req.stopPrice !== undefined) return refuse('cannotEditTriggerPriceOfTrailingStop');
    if (trigger.trailing && req.limitPrice !== undefined) return refuse('cannotEditLimitPriceOfTrailingStop');
    const old = triggerJson(trigger);
    engine.commit({
      k: 'triggerEdited', t: now, orderId: trigger.orderId, quantity: req.size ?? trigger.quantity,
      limitPrice: req.limitPrice ?? trigger.limitPrice, triggerPrice: req.stopPrice ?? trigger.triggerPrice, extreme: null,
    });
    return {
      status: 'edited', orderId: trigger.orderId, cliOrdId: trigger.cliOrdId, receivedTime: now,
      orderEvents: [{ type: 'EDIT', old, new: triggerJson(trigger), reducedQuantity: null }],
    };
  }
  const o = order!;
  if (req.stopPrice !== undefined) return refuse('orderForEditNotAStop');
  // RELATIVE (the default) sets the open remainder; ABSOLUTE sets the total including fills.
  const quantity = req.size === undefined ? o.quantity : roundTo(req.qtyMode === 'ABSOLUTE' ? req.size : o.filled + req.size, spec.sizePrecision);
  if (quantity <= o.filled) return refuse('invalidSize');
  const limitPrice = req.limitPrice ?? o.limitPrice;
  if (outsideCollar(engine, spec, o.side, limitPrice, now)) return refuse('outsidePriceCollar');
  const ownOpposite = engine.state.book(spec.symbol, o.side === 'buy' ? 'sell' : 'buy')[0];
  if (ownOpposite && crosses(o.side, limitPrice, ownOpposite.limitPrice)) return refuse('selfFill');
  const best = engine.opposite(spec, o.side, now)[0];
  if (o.type === 'post' && best && crosses(o.side, limitPrice, best.price)) return refuse('postWouldExecute');
  if (o.reduceOnly) {
    if (quantity - o.filled > engine.reducibleSize(spec.symbol, o.side) + 1e-12) return refuse('wouldNotReducePosition');
  } else if (quantity > o.quantity && engine.portfolio.lacksMargin(spec, o.side, quantity - o.quantity, now)) {
    return refuse('insufficientAvailableFunds');
  }
  const old = orderJson(o);
  engine.commit({ k: 'orderEdited', t: now, orderId: o.orderId, quantity, limitPrice });
  const events: OrderEvent[] = [{ type: 'EDIT', old, new: orderJson(o), reducedQuantity: null }];
  // An edit that makes a limit order marketable trades immediately, as a taker.
  events.push(...engine.executeTaker(o, now, 'takerAfterEdit'));
  return { status: 'edited', orderId: o.orderId, cliOrdId: o.cliOrdId, receivedTime: now, orderEvents: events };
}

export function cancelOrder(engine: TradingEngine, ref: OrderRef & { processBefore?: number }, now: number): AmendOutcome {
  const id = resolve(engine, ref);
  if (ref.processBefore !== undefined && now > ref.processBefore) return { status: 'wouldProcessAfterSpecifiedTime', receivedTime: now, orderEvents: [] };
  const events = id ? cancelOne(engine, id, 'CANCELLED_BY_USER', now) : null;
  if (events) {
    const cliOrdId = engine.state.closed.get(id!)?.order?.cliOrdId ?? engine.state.closed.get(id!)?.trigger?.cliOrdId ?? null;
    return { status: 'cancelled', orderId: id, cliOrdId, receivedTime: now, orderEvents: events };
  }
  const closed = id ? engine.state.closed.get(id) : undefined;
  const status = closed?.reason === 'FULL_FILL' ? 'filled' : 'notFound';
  return { status, receivedTime: now, orderEvents: [], ...(id ? { orderId: id } : {}) };
}

/** Cancel one open order or untriggered trigger; null when there is none with that id. */
export function cancelOne(engine: TradingEngine, orderId: string, reason: CloseReason, now: number): OrderEvent[] | null {
  const order = engine.state.orders.get(orderId);
  if (order) {
    engine.commit({ k: 'orderClosed', t: now, orderId, reason });
    return [{ type: 'CANCEL', uid: orderId, order: orderJson(order) }];
  }
  const trigger = engine.state.triggers.get(orderId);
  if (trigger) {
    engine.commit({ k: 'triggerClosed', t: now, orderId, reason });
    return [{ type: 'CANCEL', uid: orderId, orderTrigger: triggerJson(trigger) }];
  }
  return null;
}

export interface CancelAllOutcome {
  readonly cancelled: Array<{ order_id: string; cliOrdId?: string }>;
  readonly orderEvents: OrderEvent[];
}

export function cancelAll(engine: TradingEngine, symbol: string | undefined, reason: CloseReason, now: number): CancelAllOutcome {
  const ids = [...engine.state.orders.values(), ...engine.state.triggers.values()]
    .filter((o) => symbol === undefined || o.symbol === symbol)
    .map((o) => ({ id: o.orderId, cliOrdId: o.cliOrdId }));
  const out: CancelAllOutcome = { cancelled: [], orderEvents: [] };
  for (const { id, cliOrdId } of ids) {
    const events = cancelOne(engine, id, reason, now);
    if (!events) continue;
    out.cancelled.push(cliOrdId ? { order_id: id, cliOrdId } : { order_id: id });
    out.orderEvents.push(...events);
  }
  return out;
}

/** Arm (timeout > 0) or disarm (0) the dead man's switch; returns the trigger time or null. */
export function armDeadManSwitch(engine: TradingEngine, timeoutSeconds: number, now: number): number | null {
  const triggerTime = timeoutSeconds === 0 ? null : now + timeoutSeconds * 1000;
  engine.commit({ k: 'deadManSwitch', t: now, triggerTime });
  return triggerTime;
}
