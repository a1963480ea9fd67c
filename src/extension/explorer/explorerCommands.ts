import * as vscode from 'vscode';
import { kfreqForOrder, kfreqForOrderBook, kfreqForPosition, kfreqForTicker, type KfreqContext } from '../../core/orders';
import type { Environments } from '../environments/environment';
import type { CommandErrorReporter } from '../shared/commandErrorReporter';
import { Commands } from '../shared/commands';
import { UserFacingError } from '../shared/userFacingError';
import type { ExplorerFeature } from './explorerFeature';
import { openKfreqDocument } from './kfreqDocuments';
import { asNodeOf, symbolOf } from './nodeArguments';

/** Refresh, the instrument filter, and the item commands that only read (copy, open as `.kfreq`). */
export function registerExplorerCommands(deps: { readonly feature: ExplorerFeature; readonly environments: Environments; readonly errors: CommandErrorReporter }): vscode.Disposable {
  const { feature, errors } = deps;
  const context = (): KfreqContext => ({ environmentId: deps.environments.active.id, environmentLabel: deps.environments.active.label });

  return vscode.Disposable.from(
    errors.registerCommand(Commands.refreshExplorer, () => feature.refreshVisible(true)),

    errors.registerCommand(Commands.filterInstruments, (text?: unknown) => {
      if (typeof text === 'string') return feature.filter.set(text);
      return askFilter(feature);
    }),
    errors.registerCommand(Commands.clearInstrumentFilter, () => feature.filter.set('')),

    errors.registerCommand(Commands.copySymbol, async (node?: unknown) => {
      const symbol = symbolOf(node, 'Copy Symbol');
      await vscode.env.clipboard.writeText(symbol);
      void vscode.window.setStatusBarMessage(`Copied ${symbol}`, 3000);
      return symbol;
    }),
    errors.registerCommand(Commands.openOrderBookRequest, async (node?: unknown) => (await openKfreqDocument(kfreqForOrderBook(symbolOf(node, 'Open Order Book Request'), context()))).uri),
    errors.registerCommand(Commands.openTickerRequest, async (node?: unknown) => (await openKfreqDocument(kfreqForTicker(symbolOf(node, 'Open Ticker Request'), context()))).uri),
    errors.registerCommand(Commands.openOrderRequest, async (node?: unknown) => {
      const order = asNodeOf(node, 'order');
      if (!order) throw new UserFacingError('Open Order as .kfreq Request: run it from an order in the Open Orders view.');
      return (await openKfreqDocument(kfreqForOrder(order.order, context()))).uri;
    }),
    errors.registerCommand(Commands.openPositionRequest, async (node?: unknown) => {
      const position = asNodeOf(node, 'position');
      if (!position) throw new UserFacingError('Open Position as .kfreq Request: run it from a position in the Positions view.');
      return (await openKfreqDocument(kfreqForPosition(position.position, context()))).uri;
    }),
  );
}

/** A live filter: the tree narrows while typing; Escape puts the previous filter back. */
function askFilter(feature: ExplorerFeature): Promise<void> {
  const previous = feature.filter.text;
  const box = vscode.window.createInputBox();
  box.title = 'Filter Instruments';
  box.prompt = 'Words that must all appear in the symbol, pair or kind, e.g. "xbt perp", "eth", "fixed". Empty shows all.';
  box.placeholder = 'xbt perp';
  box.value = previous;
  return new Promise<void>((resolve) => {
    let accepted = false;
    const subscriptions = [
      box.onDidChangeValue((value) => feature.filter.set(value)),
      box.onDidAccept(() => {
        accepted = true;
        box.hide();
      }),
      box.onDidHide(() => {
        if (!accepted) feature.filter.set(previous);
        subscriptions.forEach((s) => s.dispose());
        box.dispose();
        resolve();
      }),
    ];
    box.show();
  });
}
