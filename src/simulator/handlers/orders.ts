import { success } from '../http/envelopes';
import { iso } from '../trading/orderJson';
import { armDeadManSwitch, cancelAll, cancelOrder, editOrder } from '../trading/orderAmend';
import { sendOrder } from '../trading/orderEntry';
import type { Handler } from './handlerTypes';
import { editRequestFrom, orderRequestFrom } from './orderRequest';
import { ArgumentError } from './paramReader';

/**
 * Order entry (reference §4.3). Whatever the engine decides comes back with `result: "success"`;
 * the outcome is in the nested status, exactly as on Kraken.
 */

/** Kraken's dead man's switch takes a uint32 number of seconds. */
const MAX_TIMEOUT = 4_294_967_295;

const sendorder: Handler = (ctx) => {
  const outcome = sendOrder(ctx.exchange.engine, orderRequestFrom(ctx.params, ctx.exchange), ctx.now);
  const sendStatus: Record<string, unknown> = { status: outcome.status, receivedTime: iso(outcome.receivedTime) };
  if (outcome.orderId) sendStatus.order_id = outcome.orderId;
  if (outcome.cliOrdId !== undefined) sendStatus.cliOrdId = outcome.cliOrdId;
  if (outcome.orderEvents.length > 0 || outcome.orderId) sendStatus.orderEvents = outcome.orderEvents;
  return success(ctx.now, { sendStatus });
};

const editorder: Handler = (ctx) => {
  const outcome = editOrder(ctx.exchange.engine, editRequestFrom(ctx.params, 'orderId'), ctx.now);
  return success(ctx.now, {
    editStatus: {
      status: outcome.status, receivedTime: iso(outcome.receivedTime), orderEvents: outcome.orderEvents,
      ...(outcome.orderId ? { orderId: outcome.orderId } : {}), ...(outcome.cliOrdId ? { cliOrdId: outcome.cliOrdId } : {}),
    },
  });
};

const cancelorder: Handler = (ctx) => {
  const orderId = ctx.params.text('order_id');
  const cliOrdId = ctx.params.text('cliOrdId');
  if (orderId === undefined && cliOrdId === undefined) throw new ArgumentError('requiredArgumentMissing');
  const processBefore = ctx.params.time('processBefore');
  const outcome = cancelOrder(ctx.exchange.engine, {
    ...(orderId !== undefined ? { orderId } : {}), ...(cliOrdId !== undefined ? { cliOrdId } : {}),
    ...(processBefore !== undefined ? { processBefore } : {}),
  }, ctx.now);
  return success(ctx.now, {
    cancelStatus: {
      status: outcome.status, receivedTime: iso(outcome.receivedTime), orderEvents: outcome.orderEvents,
      ...(outcome.orderId ? { order_id: outcome.orderId } : {}), ...(outcome.cliOrdId ? { cliOrdId: outcome.cliOrdId } : {}),
    },
  });
};

const cancelallorders: Handler = (ctx) => {
  const symbolText = ctx.params.text('symbol');
  const spec = symbolText !== undefined ? ctx.exchange.instruments.find(symbolText) : undefined;
  if (symbolText !== undefined && !spec) throw new ArgumentError('invalidArgument: symbol');
  const outcome = cancelAll(ctx.exchange.engine, spec?.symbol, 'CANCELLED_BY_USER', ctx.now);
  return success(ctx.now, {
    cancelStatus: {
      receivedTime: iso(ctx.now), cancelOnly: spec ? spec.symbol.toLowerCase() : 'all',
      status: outcome.cancelled.length > 0 ? 'cancelled' : 'noOrdersToCancel',
      cancelledOrders: outcome.cancelled, orderEvents: outcome.orderEvents,
    },
  });
};

const cancelallordersafter: Handler = (ctx) => {
  const timeout = ctx.params.integer('timeout');
  if (timeout === undefined) throw new ArgumentError('requiredArgumentMissing');
  if (timeout < 0 || timeout > MAX_TIMEOUT) throw new ArgumentError('invalidArgument: timeout');
  const triggerTime = armDeadManSwitch(ctx.exchange.engine, timeout, ctx.now);
  return success(ctx.now, { status: { currentTime: iso(ctx.now), triggerTime: triggerTime === null ? '0' : iso(triggerTime) } });
};

export const orderHandlers: Readonly<Record<string, Handler>> = {
  sendorder,
  editorder,
  cancelorder,
  cancelallorders,
  cancelallordersafter,
};
