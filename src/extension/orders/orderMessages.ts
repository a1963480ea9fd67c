import * as vscode from 'vscode';
import { formatNumber, type CancelAllStatus, type CancelStatus, type EditStatus, type OrderEvent, type SendStatus } from '../../core/catalog';
import { describeDraft, explainStatus, formatAmount, statusSentence, type OrderDraft } from '../../core/orders';

/**
 * Order results in plain words. Kraken answers `result:"success"` even for a rejected order, so
 * every message starts from the nested status: "placed", or e.g. `insufficientAvailableFunds` with
 * what it means and what to do. Each function returns the text it showed (for tests and the log).
 */

export interface ShownResult {
  readonly accepted: boolean;
  readonly text: string;
}

function show(result: ShownResult, log: vscode.LogOutputChannel): ShownResult {
  log.info(result.text);
  if (result.accepted) void vscode.window.showInformationMessage(result.text);
  else void vscode.window.showWarningMessage(result.text);
  return result;
}

/** Executions reported in the answer: how much traded and at what average price. */
function executed(events: readonly OrderEvent[] | undefined): { amount: number; average: number } | undefined {
  const fills = (events ?? []).filter((e) => e.type === 'EXECUTION' && typeof e.amount === 'number' && typeof e.price === 'number');
  const amount = fills.reduce((sum, e) => sum + (e.amount as number), 0);
  if (amount === 0) return undefined;
  return { amount, average: fills.reduce((sum, e) => sum + (e.amount as number) * (e.price as number), 0) / amount };
}

export function reportSend(status: SendStatus, draft: OrderDraft, environmentLabel: string, log: vscode.LogOutputChannel): ShownResult {
  const explained = explainStatus(status.status);
  if (!explained.accepted) return show({ accepted: false, text: `Order not placed on ${environmentLabel}. ${statusSentence(status.status)}` }, log);
  const fill = executed(status.orderEvents);
  const fillText = fill ? ` Executed ${formatAmount(fill.amount, 8)} at ${formatAmount(fill.average, 8)} on average.` : '';
  const id = status.order_id ? ` Order id ${status.order_id}.` : '';
  return show({ accepted: true, text: `Order placed on ${environmentLabel}: ${describeDraft(draft)}.${fillText}${id}` }, log);
}

export function reportCancel(status: CancelStatus, what: string, log: vscode.LogOutputChannel): ShownResult {
  if (status.status === 'cancelled') return show({ accepted: true, text: `Cancelled ${what}.` }, log);
  return show({ accepted: false, text: `${what} was not cancelled. ${statusSentence(status.status)}` }, log);
}

export function reportEdit(status: EditStatus, what: string, log: vscode.LogOutputChannel): ShownResult {
  if (status.status === 'edited') return show({ accepted: true, text: `Changed ${what}.` }, log);
  return show({ accepted: false, text: `${what} was not changed. ${statusSentence(status.status)}` }, log);
}

export function reportCancelAll(status: CancelAllStatus, environmentLabel: string, log: vscode.LogOutputChannel): ShownResult {
  const count = status.cancelledOrders?.length ?? 0;
  if (status.status === 'noOrdersToCancel') return show({ accepted: true, text: `${environmentLabel} had no open orders to cancel.` }, log);
  if (status.status === 'cancelled') return show({ accepted: true, text: `Cancelled ${count} open order${count === 1 ? '' : 's'} on ${environmentLabel}.` }, log);
  return show({ accepted: false, text: `Cancel all on ${environmentLabel}: ${statusSentence(status.status)}` }, log);
}

export function reportDeclined(what: string, environmentLabel: string, log: vscode.LogOutputChannel): ShownResult {
  return show({ accepted: false, text: `Not sent: ${what} on ${environmentLabel} was not confirmed.` }, log);
}

/** "buy 0.5 PF_XBTUSD lmt 90000" for messages about an existing order. */
export function orderLabel(order: { side: string; symbol: string; orderType: string; unfilledSize: number; limitPrice?: number | null; stopPrice?: number | null }): string {
  const price = order.stopPrice ?? order.limitPrice;
  return `${order.side} ${formatNumber(order.unfilledSize)} ${order.symbol} ${order.orderType}${price !== undefined && price !== null ? ` ${formatNumber(price)}` : ''}`;
}
