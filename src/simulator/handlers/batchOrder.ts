import { endpointById, formatNumber } from '../../core/catalog';
import type { SimulatedExchange } from '../exchange';
import { krakenError, success } from '../http/envelopes';
import type { RawParams } from '../http/rawParams';
import { iso } from '../trading/orderJson';
import { cancelOrder, editOrder } from '../trading/orderAmend';
import { sendOrder } from '../trading/orderEntry';
import { argumentProblem } from './argumentCheck';
import type { Handler } from './handlerTypes';
import { editRequestFrom, orderRequestFrom } from './orderRequest';
import { ArgumentError, ParamReader } from './paramReader';

/**
 * `batchorder`: one form field `json` holding `{"batchOrder":[...]}` (reference §2.6, §4.3).
 * Instructions run in order, so a later one may edit or cancel an order an earlier one sent (by
 * cliOrdId). A bad instruction gets its own status; the others still run.
 */

type Instruction = Record<string, unknown>;

/** One instruction's fields as decoded form parameters, so the same checks apply as to sendorder. */
function paramsOf(instruction: Instruction): RawParams {
  const raw: RawParams = new Map();
  for (const [name, value] of Object.entries(instruction)) {
    if (value === null || value === undefined || typeof value === 'object') continue;
    raw.set(name, [typeof value === 'number' ? formatNumber(value) : String(value)]);
  }
  return raw;
}

function runInstruction(exchange: SimulatedExchange, instruction: Instruction, now: number, late: boolean): Record<string, unknown> {
  const params = paramsOf(instruction);
  const reader = new ParamReader(params);
  const fail = (status: string) => ({ status, orderEvents: [] });
  try {
    switch (instruction.order) {
      case 'send': {
        if (typeof instruction.order_tag !== 'string' && typeof instruction.order_tag !== 'number') return fail('requiredArgumentMissing');
        const tag = String(instruction.order_tag);
        if (late) return { status: 'wouldProcessAfterSpecifiedTime', order_tag: tag, orderEvents: [] };
        const problem = argumentProblem(endpointById('sendorder')!, params);
        if (problem) return { status: problem, order_tag: tag, orderEvents: [] };
        const outcome = sendOrder(exchange.engine, orderRequestFrom(reader, exchange), now);
        return {
          status: outcome.status, order_tag: tag, ...(outcome.orderId ? { order_id: outcome.orderId } : {}),
          ...(outcome.cliOrdId !== undefined ? { cliOrdId: outcome.cliOrdId } : {}), dateTimeReceived: iso(now), orderEvents: outcome.orderEvents,
        };
      }
      case 'edit': {
        if (late) return fail('wouldProcessAfterSpecifiedTime');
        const outcome = editOrder(exchange.engine, editRequestFrom(reader, 'order_id'), now);
        return {
          status: outcome.status, ...(outcome.orderId ? { order_id: outcome.orderId } : {}),
          ...(outcome.cliOrdId ? { cliOrdId: outcome.cliOrdId } : {}), orderEvents: outcome.orderEvents,
        };
      }
      case 'cancel': {
        if (late) return fail('wouldProcessAfterSpecifiedTime');
        const orderId = reader.text('order_id');
        const cliOrdId = reader.text('cliOrdId');
        if (orderId === undefined && cliOrdId === undefined) return fail('requiredArgumentMissing');
        const outcome = cancelOrder(exchange.engine, { ...(orderId !== undefined ? { orderId } : {}), ...(cliOrdId !== undefined ? { cliOrdId } : {}) }, now);
        return {
          status: outcome.status, ...(outcome.orderId ? { order_id: outcome.orderId } : {}),
          ...(outcome.cliOrdId ? { cliOrdId: outcome.cliOrdId } : {}), orderEvents: outcome.orderEvents,
        };
      }
      default:
        return fail(instruction.order === undefined ? 'requiredArgumentMissing' : 'invalidArgument: order');
    }
  } catch (error) {
    if (error instanceof ArgumentError) return fail(error.code);
    throw error;
  }
}

const batchorder: Handler = (ctx) => {
  const text = ctx.params.text('json');
  if (text === undefined) return krakenError(ctx.now, 'requiredArgumentMissing');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return krakenError(ctx.now, 'Json Parse Error');
  }
  const list = (parsed as { batchOrder?: unknown } | null)?.batchOrder;
  if (!Array.isArray(list)) return krakenError(ctx.now, 'requiredArgumentMissing');
  const processBefore = ctx.params.time('processBefore') ?? ctx.params.time('ProcessBefore');
  const late = processBefore !== undefined && ctx.now > processBefore;
  const batchStatus = list.map((item) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? runInstruction(ctx.exchange, item as Instruction, ctx.now, late)
      : { status: 'invalidArgument: batchOrder', orderEvents: [] },
  );
  return success(ctx.now, { batchStatus });
};

export const batchOrderHandlers: Readonly<Record<string, Handler>> = { batchorder };
