import * as vscode from 'vscode';
import { formatNumber } from '../../core/catalog';
import { kfreqForDraft, oppositeSide, QUICK_ORDER_TYPES, roundToGrid, type OrderDraft, type QuickOrderType } from '../../core/orders';
import type { Environments } from '../environments/environment';
import type { ExplorerModel } from '../explorer/explorerModel';
import { openKfreqDocument } from '../explorer/kfreqDocuments';
import { asNodeOf } from '../explorer/nodeArguments';
import type { CommandErrorReporter } from '../shared/commandErrorReporter';
import { Commands } from '../shared/commands';
import type { OrderGateway } from './orderGateway';
import { reportDeclined, reportSend } from './orderMessages';
import { orderSources } from './orderSources';
import { runQuickOrder, type QuickOrderPrefill } from './quickOrderFlow';
import type { QuickInputSteps } from './quickInputSteps';

/** What "Place Order" resolves to (for tests and callers); `undefined` when the person cancelled. */
export interface PlaceOrderOutcome {
  readonly outcome: 'placed' | 'rejected' | 'declined' | 'kfreq';
  readonly draft: OrderDraft;
  readonly status?: string;
  readonly orderId?: string;
  readonly message?: string;
}

export interface PlaceOrderDeps {
  readonly model: ExplorerModel;
  readonly gateway: OrderGateway;
  readonly steps: QuickInputSteps;
  readonly environments: Environments;
  readonly errors: CommandErrorReporter;
  readonly log: vscode.LogOutputChannel;
}

/**
 * The starting values from what the command was run on: an instrument pre-fills the contract;
 * a position pre-fills a reduce-only order against it (close, stop-loss or take-profit);
 * a plain object (another feature, a test) pre-fills what it names.
 */
export function prefillFrom(arg: unknown, model: ExplorerModel): QuickOrderPrefill {
  const instrument = asNodeOf(arg, 'instrument');
  if (instrument) return { symbol: instrument.spec.symbol };
  const position = asNodeOf(arg, 'position');
  if (position) {
    const spec = model.market?.contracts.get(position.position.symbol);
    const size = spec?.sizeStep !== undefined ? roundToGrid(position.position.size, spec.sizeStep) : formatNumber(position.position.size);
    return { symbol: position.position.symbol.toUpperCase(), side: oppositeSide(position.position.side === 'long' ? 'buy' : 'sell'), size, reduceOnly: true };
  }
  if (typeof arg === 'object' && arg !== null && !(arg instanceof vscode.Uri) && !('kind' in arg)) {
    const given = arg as Record<string, unknown>;
    const text = (key: string) => (typeof given[key] === 'string' ? (given[key] as string) : undefined);
    const prefill: Record<string, unknown> = {};
    for (const key of ['symbol', 'size', 'price', 'cliOrdId']) if (text(key)) prefill[key] = text(key);
    if (given.side === 'buy' || given.side === 'sell') prefill.side = given.side;
    if (QUICK_ORDER_TYPES.includes(given.orderType as QuickOrderType)) prefill.orderType = given.orderType;
    if (typeof given.reduceOnly === 'boolean') prefill.reduceOnly = given.reduceOnly;
    return prefill as QuickOrderPrefill;
  }
  return {};
}

export function registerPlaceOrder(deps: PlaceOrderDeps): vscode.Disposable {
  return deps.errors.registerCommand(Commands.placeOrder, async (arg?: unknown): Promise<PlaceOrderOutcome | undefined> => {
    const environment = deps.environments.active;
    const sources = await orderSources(deps.model, deps.environments);
    const result = await runQuickOrder(deps.steps, sources, prefillFrom(arg, deps.model));
    if (!result) return undefined;
    const { draft } = result;
    if (result.action === 'kfreq') {
      await openKfreqDocument(kfreqForDraft(draft, { environmentId: environment.id, environmentLabel: environment.label }));
      return { outcome: 'kfreq', draft };
    }
    const sent = await deps.gateway.send(draft);
    if (!sent.sent) return { outcome: 'declined', draft, message: reportDeclined('the order', environment.label, deps.log).text };
    const shown = reportSend(sent.answer, draft, environment.label, deps.log);
    return {
      outcome: shown.accepted ? 'placed' : 'rejected',
      draft,
      status: sent.answer.status,
      ...(sent.answer.order_id ? { orderId: sent.answer.order_id } : {}),
      message: shown.text,
    };
  });
}
