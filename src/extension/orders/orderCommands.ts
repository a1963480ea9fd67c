import * as vscode from 'vscode';
import type { OpenOrder, OpenPosition } from '../../core/catalog';
import { checkPrice, checkSize, closingDraft, roundToGrid, suggestedPriceSource, type CloseHow } from '../../core/orders';
import type { Environments } from '../environments/environment';
import type { ExplorerModel } from '../explorer/explorerModel';
import { asNodeOf } from '../explorer/nodeArguments';
import { formatPrice } from '../explorer/nodePresentation';
import type { CommandErrorReporter } from '../shared/commandErrorReporter';
import { Commands } from '../shared/commands';
import { UserFacingError } from '../shared/userFacingError';
import type { EditChanges, OrderGateway } from './orderGateway';
import { orderLabel, reportCancel, reportCancelAll, reportDeclined, reportEdit, reportSend, type ShownResult } from './orderMessages';
import { quotesOf } from './orderSources';

/**
 * Cancel, edit, close and cancel-all. From a tree item they act on that item; from the palette
 * they first offer a picker over what is open. Everything is sent through the order gateway (live
 * guard, then refresh).
 */

interface Deps {
  readonly model: ExplorerModel;
  readonly gateway: OrderGateway;
  readonly environments: Environments;
  readonly errors: CommandErrorReporter;
  readonly log: vscode.LogOutputChannel;
}

export function registerOrderCommands(deps: Deps): vscode.Disposable {
  const { errors } = deps;
  return vscode.Disposable.from(
    errors.registerCommand(Commands.cancelOrder, async (arg?: unknown): Promise<ShownResult | undefined> => {
      const order = await orderFrom(deps, arg, 'Cancel which order?');
      if (!order) return undefined;
      const sent = await deps.gateway.cancel(order.order_id);
      if (!sent.sent) return reportDeclined(`cancelling ${orderLabel(order)}`, deps.environments.active.label, deps.log);
      return reportCancel(sent.answer, orderLabel(order), deps.log);
    }),

    errors.registerCommand(Commands.editOrder, async (arg?: unknown, given?: EditChanges): Promise<ShownResult | undefined> => {
      const order = await orderFrom(deps, arg, 'Edit which order?');
      if (!order) return undefined;
      const changes = given ?? (await askEdit(deps, order));
      if (!changes) return undefined;
      const sent = await deps.gateway.edit(order.order_id, changes);
      if (!sent.sent) return reportDeclined(`editing ${orderLabel(order)}`, deps.environments.active.label, deps.log);
      return reportEdit(sent.answer, orderLabel(order), deps.log);
    }),

    errors.registerCommand(Commands.closePosition, async (arg?: unknown, given?: CloseHow): Promise<ShownResult | undefined> => {
      const position = await positionFrom(deps, arg);
      if (!position) return undefined;
      const spec = deps.model.market?.contracts.get(position.symbol);
      const how = given ?? (await askClose(deps, position));
      if (!how) return undefined;
      if (how.orderType === 'lmt' && spec) {
        const problem = checkPrice(spec, how.limitPrice, 'Limit price');
        if (problem) throw new UserFacingError(problem);
      }
      const draft = closingDraft(position, how, spec);
      const sent = await deps.gateway.send(draft);
      if (!sent.sent) return reportDeclined(`closing the ${position.symbol} position`, deps.environments.active.label, deps.log);
      return reportSend(sent.answer, draft, deps.environments.active.label, deps.log);
    }),

    errors.registerCommand(Commands.cancelAllOrders, async (): Promise<ShownResult | undefined> => {
      const sent = await deps.gateway.cancelAll();
      if (!sent.sent) return reportDeclined('cancelling all orders', deps.environments.active.label, deps.log);
      return reportCancelAll(sent.answer, deps.environments.active.label, deps.log);
    }),
  );
}

async function orderFrom(deps: Deps, arg: unknown, placeHolder: string): Promise<OpenOrder | undefined> {
  const node = asNodeOf(arg, 'order');
  if (node) return node.order;
  if (typeof arg === 'object' && arg !== null && typeof (arg as { orderId?: unknown }).orderId === 'string') {
    const wanted = (arg as { orderId: string }).orderId;
    await deps.model.refresh(['orders']);
    const found = deps.model.data('orders')?.find((o) => o.order_id === wanted);
    if (!found) throw new UserFacingError(`Order ${wanted} is not open on ${deps.environments.active.label} (filled, cancelled, or never placed).`);
    return found;
  }
  await deps.model.refresh(['orders', 'market']);
  const orders = deps.model.data('orders') ?? [];
  if (orders.length === 0) throw new UserFacingError(`${deps.environments.active.label} has no open orders.`);
  const picked = await vscode.window.showQuickPick(
    orders.map((order) => ({ label: orderLabel(order), description: `filled ${order.filledSize}${order.reduceOnly ? ' · reduce-only' : ''}`, detail: order.order_id, order })),
    { title: `Kraken Futures: ${deps.environments.active.label}`, placeHolder, matchOnDetail: true },
  );
  return picked?.order;
}

async function positionFrom(deps: Deps, arg: unknown): Promise<OpenPosition | undefined> {
  const node = asNodeOf(arg, 'position');
  if (node) return node.position;
  await deps.model.refresh(['positions', 'market']);
  const positions = deps.model.data('positions') ?? [];
  const wanted = typeof arg === 'string' ? arg.toUpperCase() : undefined;
  if (wanted) {
    const found = positions.find((p) => p.symbol.toUpperCase() === wanted);
    if (!found) throw new UserFacingError(`There is no open ${wanted} position on ${deps.environments.active.label}.`);
    return found;
  }
  if (positions.length === 0) throw new UserFacingError(`${deps.environments.active.label} has no open positions.`);
  const picked = await vscode.window.showQuickPick(
    positions.map((position) => ({ label: position.symbol.toUpperCase(), description: `${position.side} ${position.size} @ ${position.price}`, position })),
    { title: `Kraken Futures: ${deps.environments.active.label}`, placeHolder: 'Close which position?' },
  );
  return picked?.position;
}

async function askClose(deps: Deps, position: OpenPosition): Promise<CloseHow | undefined> {
  const choice = await vscode.window.showQuickPick(
    [
      { label: '$(zap) Market, reduce-only', detail: 'Closes now at the best available prices (1 % price protection)', value: 'mkt' as const },
      { label: '$(list-ordered) Limit, reduce-only', detail: 'Rests in the book at your price', value: 'lmt' as const },
    ],
    { title: `Close ${position.side} ${position.size} ${position.symbol.toUpperCase()}`, placeHolder: 'How?' },
  );
  if (!choice) return undefined;
  if (choice.value === 'mkt') return { orderType: 'mkt' };
  const spec = deps.model.market?.contracts.get(position.symbol);
  const quotes = await quotesOf(deps.model, deps.environments, position.symbol);
  const source = suggestedPriceSource('lmt', position.side === 'long' ? 'sell' : 'buy');
  const suggestion = source === 'bid' ? quotes.bid : quotes.ask;
  const limitPrice = await vscode.window.showInputBox({
    title: `Close ${position.symbol.toUpperCase()} with a reduce-only limit order`,
    prompt: `Limit price (bid ${formatPrice(quotes.bid, spec)} · ask ${formatPrice(quotes.ask, spec)})`,
    value: suggestion !== undefined ? (spec?.tickSize !== undefined ? roundToGrid(suggestion, spec.tickSize) : String(suggestion)) : '',
    ignoreFocusOut: true,
    validateInput: (value) => (spec ? checkPrice(spec, value, 'Limit price') : undefined),
  });
  return limitPrice === undefined ? undefined : { orderType: 'lmt', limitPrice: limitPrice.trim() };
}

async function askEdit(deps: Deps, order: OpenOrder): Promise<EditChanges | undefined> {
  const spec = deps.model.market?.contracts.get(order.symbol);
  const trigger = order.stopPrice !== undefined && order.stopPrice !== null;
  const fields = [
    ...(order.limitPrice !== undefined && order.limitPrice !== null ? [{ label: 'Limit price', description: formatPrice(order.limitPrice, spec), value: 'limitPrice' as const }] : []),
    ...(trigger ? [{ label: 'Stop price', description: formatPrice(order.stopPrice, spec), value: 'stopPrice' as const }] : []),
    { label: 'Size (open remainder)', description: String(order.unfilledSize), value: 'size' as const },
  ];
  const field = await vscode.window.showQuickPick(fields, { title: `Edit ${orderLabel(order)}`, placeHolder: 'Change what?' });
  if (!field) return undefined;
  const current = field.value === 'size' ? order.unfilledSize : field.value === 'stopPrice' ? order.stopPrice : order.limitPrice;
  const value = await vscode.window.showInputBox({
    title: `Edit ${orderLabel(order)}: ${field.label}`,
    prompt: field.value === 'size' ? `New open size (excluding the ${order.filledSize} already filled)` : `New ${field.label.toLowerCase()}`,
    value: current !== undefined && current !== null ? String(current) : '',
    ignoreFocusOut: true,
    validateInput: (text) => (!spec ? undefined : field.value === 'size' ? checkSize(spec, text) : checkPrice(spec, text, field.label)),
  });
  return value === undefined ? undefined : { [field.value]: value.trim() };
}
