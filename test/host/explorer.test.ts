// The explorer views against the real local simulator: instruments grouped by kind, positions and
// orders appearing after they are created, item actions (cancel, close, .kfreq), errors as rows,
// the no-credentials welcome, and the dead man's switch countdown.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KrakenFuturesClient } from '../../src/core/client';
import type { ExplorerNode } from '../../src/extension/explorer/explorerNodes';
import type { ExplorerTreeProvider } from '../../src/extension/explorer/explorerTreeProvider';
import { Commands, Views } from '../../src/extension/shared/commands';
import type { KrakenFuturesTestApi } from '../../src/extension/shared/testApi';
import { resetEnvironments, setCustomEnvironments } from './environmentsSupport';
import { activatedApi, eventually } from './extensionUnderTest';

/** Every node of a view, depth first (groups and accounts are expanded). */
export function allNodes(provider: ExplorerTreeProvider): ExplorerNode[] {
  const out: ExplorerNode[] = [];
  const walk = (nodes: readonly ExplorerNode[]) => {
    for (const node of nodes) {
      out.push(node);
      walk(provider.getChildren(node));
    }
  };
  walk(provider.getChildren());
  return out;
}

export function nodeById(provider: ExplorerTreeProvider, id: string): ExplorerNode | undefined {
  return allNodes(provider).find((node) => node.id === id);
}

/** The active environment is the local simulator, its views have loaded, and a client for it. */
export async function localExplorer(api: KrakenFuturesTestApi): Promise<KrakenFuturesClient> {
  await resetEnvironments(api);
  const client = await api.environments.client({ requireCredentials: true });
  await api.explorer.model.refresh();
  return client;
}

/** A limit price a few percent away from the mark on the passive side: it rests in the book. */
export async function restingPrice(client: KrakenFuturesClient, symbol: string, side: 'buy' | 'sell', tick: number): Promise<string> {
  const mark = (await client.ticker(symbol)).markPrice as number;
  const raw = side === 'buy' ? mark * 0.95 : mark * 1.05;
  const decimals = Math.max(0, -Math.floor(Math.log10(tick)));
  return (Math.round(raw / tick) * tick).toFixed(decimals);
}

describe('Explorer views', function () {
  this.timeout(60_000);
  let api: KrakenFuturesTestApi;
  let client: KrakenFuturesClient;

  before(async () => {
    api = await activatedApi();
    await vscode.commands.executeCommand(`workbench.view.extension.${Views.container}`);
    client = await localExplorer(api);
  });
  after(async () => {
    await client.cancelAllOrders().catch(() => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("lists the simulator's instruments, grouped by kind, with prices and contract specs", async () => {
    const instruments = await client.instruments();
    const provider = api.explorer.providers.instruments;
    const groups = provider.getChildren().map((node) => provider.getTreeItem(node).label);
    assert.deepEqual(groups, ['Perpetual · linear', 'Perpetual · inverse', 'Fixed maturity']);
    const listed = allNodes(provider).filter((n) => n.kind === 'instrument').map((n) => n.id).sort();
    assert.deepEqual(listed, instruments.map((i) => `instrument:${i.symbol.toUpperCase()}`).sort());

    const node = nodeById(provider, 'instrument:PF_XBTUSD') as ExplorerNode;
    const item = provider.resolveTreeItem(provider.getTreeItem(node), node);
    assert.equal(item.id, 'instrument:PF_XBTUSD');
    assert.equal(item.contextValue, 'instrument');
    assert.match(String(item.description), /^[\d,]+ · mark [\d,]+( · [+-]?[\d.]+ %)?$/);
    const tooltip = (item.tooltip as vscode.MarkdownString).value;
    assert.match(tooltip, /Tick size \| 1 USD/);
    assert.match(tooltip, /Size step \(minimum\) \| 0\.0001 XBT/);
    assert.match(tooltip, /Margin \(initial \/ maintenance\) \| 2 % \/ 1 % from 0 USD notional/);
    const fixed = provider.getChildren().find((n) => n.id === 'group:fixedMaturity');
    assert.ok(fixed && provider.getChildren(fixed).every((n) => n.kind === 'instrument' && /^F[IF]_/.test(n.spec.symbol)));
  });

  it('filters instruments by words in the symbol or kind, and clears the filter', async () => {
    await vscode.commands.executeCommand(Commands.filterInstruments, 'eth perp');
    const symbols = allNodes(api.explorer.providers.instruments).filter((n) => n.kind === 'instrument').map((n) => n.id);
    assert.deepEqual(symbols, ['instrument:PF_ETHUSD', 'instrument:PI_ETHUSD']);
    assert.equal(api.explorer.views.instruments.description, 'filter: eth perp');
    await vscode.commands.executeCommand(Commands.filterInstruments, 'nothing-matches-this');
    const rows = allNodes(api.explorer.providers.instruments);
    assert.equal(rows.length, 1);
    assert.match(api.explorer.providers.instruments.getTreeItem(rows[0]).label as string, /No instrument matches "nothing-matches-this"/);
    await vscode.commands.executeCommand(Commands.clearInstrumentFilter);
    assert.ok(allNodes(api.explorer.providers.instruments).filter((n) => n.kind === 'instrument').length > 10);
  });

  it('shows a position and an order after they are created', async () => {
    const placed = await client.sendOrder({ orderType: 'mkt', symbol: 'PF_LINKUSD', side: 'buy', size: '2' });
    assert.equal(placed.status, 'placed');
    const price = await restingPrice(client, 'PF_XBTUSD', 'buy', 1);
    const resting = await client.sendOrder({ orderType: 'lmt', symbol: 'PF_XBTUSD', side: 'buy', size: '0.0003', limitPrice: price, cliOrdId: `explorer-${Date.now()}` });
    assert.equal(resting.status, 'placed');
    await api.explorer.model.refresh();

    const position = nodeById(api.explorer.providers.positions, 'position:PF_LINKUSD');
    assert.ok(position, 'the position is not in the tree');
    const positionItem = api.explorer.providers.positions.getTreeItem(position);
    assert.equal(positionItem.contextValue, 'position');
    assert.match(String(positionItem.description), /^long [\d.]+ @ [\d,.]+ · mark [\d,.]+ · uPnL [+-]?[\d,.]+ USD/);

    const order = nodeById(api.explorer.providers.orders, `order:${resting.order_id}`);
    assert.ok(order, 'the order is not in the tree');
    const orderItem = api.explorer.providers.orders.getTreeItem(order);
    assert.equal(orderItem.label, 'buy 0.0003 PF_XBTUSD');
    assert.match(String(orderItem.description), new RegExp(`^lmt ${Number(price).toLocaleString('en-US')} · filled 0 of 0.0003$`));

    const account = allNodes(api.explorer.providers.account).map((n) => api.explorer.providers.account.getTreeItem(n));
    assert.ok(account.some((i) => i.label === 'Available margin' && /USD$/.test(String(i.description))), 'no available margin row');
  });

  it('cancels an order from the tree, which then disappears', async () => {
    const price = await restingPrice(client, 'PF_ETHUSD', 'sell', 0.1);
    const resting = await client.sendOrder({ orderType: 'lmt', symbol: 'PF_ETHUSD', side: 'sell', size: '0.01', limitPrice: price });
    await api.explorer.model.refresh(['orders']);
    const node = nodeById(api.explorer.providers.orders, `order:${resting.order_id}`);
    assert.ok(node, 'the order is not in the tree');
    const result = await vscode.commands.executeCommand<{ accepted: boolean; text: string }>(Commands.cancelOrder, node);
    assert.equal(result?.accepted, true, result?.text);
    await eventually('the cancelled order to leave the tree', () => nodeById(api.explorer.providers.orders, `order:${resting.order_id}`) === undefined);
    assert.equal((await client.openOrders()).some((o) => o.order_id === resting.order_id), false);
  });

  it('edits the price of an order from the tree', async () => {
    const price = await restingPrice(client, 'PF_XBTUSD', 'buy', 1);
    const resting = await client.sendOrder({ orderType: 'lmt', symbol: 'PF_XBTUSD', side: 'buy', size: '0.0001', limitPrice: price });
    await api.explorer.model.refresh(['orders']);
    const node = nodeById(api.explorer.providers.orders, `order:${resting.order_id}`);
    const lower = String(Number(price) - 10);
    const result = await vscode.commands.executeCommand<{ accepted: boolean; text: string }>(Commands.editOrder, node, { limitPrice: lower });
    assert.equal(result?.accepted, true, result?.text);
    await eventually('the new price in the tree', () => {
      const edited = nodeById(api.explorer.providers.orders, `order:${resting.order_id}`);
      return edited?.kind === 'order' && edited.order.limitPrice === Number(lower);
    });
  });

  it('opens .kfreq requests for an instrument and an order as untitled request files', async () => {
    const instrument = nodeById(api.explorer.providers.instruments, 'instrument:PF_XBTUSD');
    await vscode.commands.executeCommand(Commands.openOrderBookRequest, instrument);
    let document = vscode.window.activeTextEditor?.document;
    assert.equal(document?.languageId, 'kfreq');
    assert.equal(document?.isUntitled, true);
    assert.match(document?.getText() ?? '', /^GET \/derivatives\/api\/v3\/orderbook\nsymbol = PF_XBTUSD$/m);

    const order = allNodes(api.explorer.providers.orders).find((n) => n.kind === 'order');
    assert.ok(order && order.kind === 'order');
    await vscode.commands.executeCommand(Commands.openOrderRequest, order);
    document = vscode.window.activeTextEditor?.document;
    assert.match(document?.getText() ?? '', new RegExp(`^POST /derivatives/api/v3/cancelorder\\norder_id = ${order.order.order_id}$`, 'm'));
    assert.match(document?.getText() ?? '', /^# @env local$/m, 'the cancel is pinned to the environment it came from');
    // Untitled documents with text are dirty: revert them so closing asks nothing.
    for (let i = 0; i < 2; i++) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('closes a position from the tree with a reduce-only market order', async () => {
    const node = nodeById(api.explorer.providers.positions, 'position:PF_LINKUSD');
    assert.ok(node, 'no PF_LINKUSD position to close');
    const result = await vscode.commands.executeCommand<{ accepted: boolean; text: string }>(Commands.closePosition, node, { orderType: 'mkt' });
    assert.equal(result?.accepted, true, result?.text);
    await eventually('the closed position to leave the tree', () => nodeById(api.explorer.providers.positions, 'position:PF_LINKUSD') === undefined);
  });

  it("arms the dead man's switch with a visible countdown, and disarms it", async () => {
    await vscode.commands.executeCommand(Commands.armDeadManSwitch, 120);
    const state = api.orders.deadManSwitch.current;
    assert.equal(state.armed, true);
    await eventually('the countdown in the Open Orders view', () => /^Dead man's switch armed: all orders are cancelled in [12]:\d\d unless re-armed\.$/.test(api.explorer.views.orders.message ?? ''));
    await vscode.commands.executeCommand(Commands.disarmDeadManSwitch);
    assert.equal(api.orders.deadManSwitch.current.armed, false);
    assert.equal(api.explorer.views.orders.message, undefined);
  });

  it('cancels all open orders from the view title', async () => {
    await client.sendOrder({ orderType: 'lmt', symbol: 'PF_ETHUSD', side: 'sell', size: '0.01', limitPrice: await restingPrice(client, 'PF_ETHUSD', 'sell', 0.1) });
    await client.sendOrder({ orderType: 'lmt', symbol: 'PF_XBTUSD', side: 'buy', size: '0.0001', limitPrice: await restingPrice(client, 'PF_XBTUSD', 'buy', 1) });
    const result = await vscode.commands.executeCommand<{ accepted: boolean; text: string }>(Commands.cancelAllOrders);
    assert.equal(result?.accepted, true, result?.text);
    assert.match(result.text, /^Cancelled \d+ open orders? on Local simulator\.$/);
    await eventually('the Open Orders view to say there are none', () => api.explorer.providers.orders.current().welcome === 'empty');
  });

  it("ends the countdown when the armed switch runs out, and the cancelled orders leave the tree", async () => {
    const resting = await client.sendOrder({ orderType: 'lmt', symbol: 'PF_XBTUSD', side: 'buy', size: '0.0001', limitPrice: await restingPrice(client, 'PF_XBTUSD', 'buy', 1) });
    await api.explorer.model.refresh(['orders']);
    assert.ok(nodeById(api.explorer.providers.orders, `order:${resting.order_id}`));
    await vscode.commands.executeCommand(Commands.armDeadManSwitch, 2);
    await eventually('the switch to run out and the order to be gone', () =>
      !api.orders.deadManSwitch.current.armed && nodeById(api.explorer.providers.orders, `order:${resting.order_id}`) === undefined, 30_000);
    assert.equal(api.explorer.views.orders.message, undefined);
  });

  describe('on an environment it cannot reach or read', () => {
    afterEach(async () => {
      await resetEnvironments(api);
    });

    it('shows the error as a row and the private views ask for credentials', async () => {
      // Port 1 on loopback refuses connections at once: a network error, not a timeout.
      await setCustomEnvironments(api, [{ id: 'unreachable', name: 'Unreachable', baseUrl: 'http://127.0.0.1:1', isLive: false }]);
      assert.equal(await api.environments.switchTo('unreachable'), true);
      await api.explorer.model.refresh();
      const rows = api.explorer.providers.instruments.getChildren();
      assert.equal(rows.length, 1);
      const item = api.explorer.providers.instruments.getTreeItem(rows[0]);
      assert.equal(item.label, 'Could not load instruments from Unreachable');
      assert.equal(item.contextValue, 'message.error');
      assert.equal(item.command?.command, Commands.refreshExplorer, 'clicking the error retries');
      for (const view of ['positions', 'orders', 'account'] as const) {
        assert.deepEqual(api.explorer.providers[view].getChildren(), [], `${view} is not empty`);
        assert.equal(api.explorer.providers[view].current().welcome, 'noCredentials');
      }
    });

    it('reloads everything when the environment changes back', async () => {
      await setCustomEnvironments(api, [{ id: 'unreachable', name: 'Unreachable', baseUrl: 'http://127.0.0.1:1', isLive: false }]);
      await api.environments.switchTo('unreachable');
      await api.explorer.model.refresh(['market']);
      await api.environments.switchTo('local');
      await eventually('the instruments of the local simulator', () => nodeById(api.explorer.providers.instruments, 'instrument:PF_XBTUSD') !== undefined, 20_000);
    });
  });
});
