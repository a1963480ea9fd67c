import type { Order, TriggerOrder } from './types';

/** Kraken's JSON renderings of orders: OrderJson, OrderTriggerJson, open-order and order-status entries. */

export const iso = (t: number): string => new Date(t).toISOString();

export function orderJson(o: Order): Record<string, unknown> {
  return {
    orderId: o.orderId, cliOrdId: o.cliOrdId, type: o.type, symbol: o.symbol, side: o.side, quantity: o.quantity,
    filled: o.filled, limitPrice: o.limitPrice, reduceOnly: o.reduceOnly, timestamp: iso(o.receivedTime),
    lastUpdateTimestamp: iso(o.lastUpdateTime),
  };
}

const SIGNAL_JSON = { mark: 'mark_price', index: 'spot_price', last: 'last_price' } as const;
const SIGNAL_STATUS = { mark: 'MARK_PRICE', index: 'SPOT_PRICE', last: 'LAST_PRICE' } as const;

export function triggerJson(t: TriggerOrder): Record<string, unknown> {
  return {
    uid: t.orderId, clientId: t.cliOrdId, type: t.limitPrice === null ? 'ioc' : 'lmt', symbol: t.symbol, side: t.side,
    quantity: t.quantity, limitPrice: t.limitPrice, triggerPrice: t.triggerPrice,
    triggerSide: t.triggerSide === 'above' ? 'trigger_above' : 'trigger_below', triggerSignal: SIGNAL_JSON[t.triggerSignal],
    reduceOnly: t.reduceOnly, timestamp: iso(t.receivedTime), lastUpdateTimestamp: iso(t.lastUpdateTime), startTime: null,
  };
}

/** An entry of `/openorders`. */
export function openOrderJson(o: Order): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    order_id: o.orderId, symbol: o.symbol, side: o.side, orderType: o.type, limitPrice: o.limitPrice,
    unfilledSize: Number((o.quantity - o.filled).toFixed(10)), receivedTime: iso(o.receivedTime),
    status: o.filled > 0 ? 'partiallyFilled' : 'untouched', filledSize: o.filled, reduceOnly: o.reduceOnly,
    lastUpdateTime: iso(o.lastUpdateTime),
  };
  if (o.cliOrdId) entry.cliOrdId = o.cliOrdId;
  return entry;
}

export function openTriggerJson(t: TriggerOrder): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    order_id: t.orderId, symbol: t.symbol, side: t.side, orderType: t.orderType === 'stp' ? 'stop' : t.orderType,
    stopPrice: t.triggerPrice, unfilledSize: t.quantity, receivedTime: iso(t.receivedTime), status: 'untouched',
    filledSize: 0, reduceOnly: t.reduceOnly, triggerSignal: t.triggerSignal, lastUpdateTime: iso(t.lastUpdateTime),
  };
  if (t.limitPrice !== null) entry.limitPrice = t.limitPrice;
  if (t.cliOrdId) entry.cliOrdId = t.cliOrdId;
  return entry;
}

/** The `order` object of an `/orders/status` entry. */
export function statusOrderJson(o: Order | null, t: TriggerOrder | null): Record<string, unknown> {
  if (t) {
    return {
      type: 'TRIGGER_ORDER', orderId: t.orderId, cliOrdId: t.cliOrdId, symbol: t.symbol, side: t.side, quantity: t.quantity,
      filled: 0, limitPrice: t.limitPrice, reduceOnly: t.reduceOnly, timestamp: iso(t.receivedTime),
      lastUpdateTimestamp: iso(t.lastUpdateTime),
      priceTriggerOptions: {
        triggerPrice: t.triggerPrice, triggerSide: t.triggerSide === 'above' ? 'TRIGGER_ABOVE' : 'TRIGGER_BELOW',
        triggerSignal: SIGNAL_STATUS[t.triggerSignal],
      },
      triggerTime: null,
    };
  }
  const order = o as Order;
  return {
    type: 'ORDER', orderId: order.orderId, cliOrdId: order.cliOrdId, symbol: order.symbol, side: order.side,
    quantity: order.quantity, filled: order.filled, limitPrice: order.limitPrice, reduceOnly: order.reduceOnly,
    timestamp: iso(order.receivedTime), lastUpdateTimestamp: iso(order.lastUpdateTime), priceTriggerOptions: null, triggerTime: null,
  };
}
