// The explorer's pure parts (src/extension/explorer: nodes, presentation, view contents, rate
// budget), tested here with the order core they are built on.
import * as assert from 'node:assert/strict';
import type { Accounts, OpenOrder, OpenPosition, Ticker } from '../../../src/core/catalog';
import { ContractBook, estimateLiquidationPrice } from '../../../src/core/orders';
import { accountNodes } from '../../../src/extension/explorer/accountNodes';
import { instrumentGroups, orderNodes, positionNodes, tickersBySymbol } from '../../../src/extension/explorer/explorerNodes';
import { presentNode } from '../../../src/extension/explorer/nodePresentation';
import { nodeTooltip } from '../../../src/extension/explorer/nodeTooltips';
import { RefreshBudget } from '../../../src/extension/explorer/refreshBudget';
import type { MarketData, SectionState } from '../../../src/extension/explorer/sectionState';
import { accountContent, instrumentsContent, ordersContent, positionsContent } from '../../../src/extension/explorer/viewContents';
import { FI_XBTUSD, PF_ETHUSD, PF_XBTUSD, PI_XBTUSD } from './orderFixtures';

const book = ContractBook.fromInstruments([PI_XBTUSD, PF_XBTUSD, FI_XBTUSD, PF_ETHUSD]);
const tickers = tickersBySymbol([
  { symbol: 'PF_XBTUSD', last: 91234, markPrice: 91230, change24h: 1.234, bid: 91233, ask: 91235 },
  { symbol: 'pi_xbtusd', last: 91200.5, markPrice: 91201, change24h: -0.5 },
] as Ticker[]);
const market: MarketData = { contracts: book, tickers, instrumentsAt: 0 };
const position: OpenPosition = { symbol: 'PF_XBTUSD', side: 'long', size: 0.5, price: 90000, unrealizedPnl: 615, pnlCurrency: 'USD' };
const order: OpenOrder = {
  order_id: 'o-1', status: 'untouched', side: 'sell', orderType: 'lmt', symbol: 'PF_XBTUSD', limitPrice: 95000,
  filledSize: 0.1, unfilledSize: 0.4, reduceOnly: true, receivedTime: '2026-01-01T00:00:00.000Z',
};
const accounts: Accounts = {
  cash: { type: 'cashAccount', balances: { xbt: 0.5 } },
  flex: { type: 'multiCollateralMarginAccount', currencies: { USD: { quantity: 10000, value: 10000, available: 9000 } }, availableMargin: 8000, marginEquity: 10615, maintenanceMargin: 455 },
  fi_xbtusd: { type: 'marginAccount', currency: 'xbt', balances: { xbt: 1 }, auxiliary: { af: 0.9, pv: 1, pnl: 0, usd: 0, funding: 0 } },
};

describe('explorer tree (pure parts)', () => {
  it('groups instruments by kind in a fixed order, sorted, with prices and 24 h change', () => {
    const groups = instrumentGroups(book, tickers);
    assert.deepEqual(groups.map((g) => [g.id, g.children.map((c) => c.spec.symbol)]), [
      ['group:perpetualLinear', ['PF_ETHUSD', 'PF_XBTUSD']],
      ['group:perpetualInverse', ['PI_XBTUSD']],
      ['group:fixedMaturity', ['FI_XBTUSD_220930']],
    ]);
    const xbt = presentNode(groups[0].children[1]);
    assert.deepEqual([xbt.id, xbt.label, xbt.description, xbt.icon, xbt.iconColor, xbt.contextValue], [
      'instrument:PF_XBTUSD', 'PF_XBTUSD', '91,234 · mark 91,230 · +1.23 %', 'arrow-up', 'charts.green', 'instrument',
    ]);
    assert.equal(presentNode(groups[1].children[0]).description, '91,200.5 · mark 91,201.0 · -0.50 %');
    assert.equal(presentNode(groups[0].children[0]).description, 'no ticker');
  });

  it('filters by every word over symbol, pair and kind, and counts what the filter kept', () => {
    assert.deepEqual(instrumentGroups(book, tickers, 'xbt perp').flatMap((g) => g.children.map((c) => c.spec.symbol)), ['PF_XBTUSD', 'PI_XBTUSD']);
    const fixed = instrumentGroups(book, tickers, 'fixed');
    assert.equal(presentNode(fixed[0]).description, '1');
    assert.equal(presentNode(instrumentGroups(book, tickers, 'eth')[0]).description, '1 of 2');
  });

  it('puts contract specs and market figures in the instrument tooltip', () => {
    const tooltip = nodeTooltip(instrumentGroups(book, tickers)[0].children[1]) ?? '';
    assert.match(tooltip, /\| Tick size \| 1 USD \|/);
    assert.match(tooltip, /\| Size step \(minimum\) \| 0\.0001 XBT \|/);
    assert.match(tooltip, /\| Margin \(initial \/ maintenance\) \| 2 % \/ 1 % from 0 USD notional; 4 % \/ 2 % from 500,000 USD notional \|/);
    assert.match(tooltip, /\| Bid \/ ask \| 91,233 \/ 91,235 \|/);
  });

  it('shows a position with entry, mark, PnL and the estimated liquidation price', () => {
    const [node] = positionNodes([position], book, tickers, accounts);
    const shown = presentNode(node);
    assert.equal(shown.description, 'long 0.5 @ 90,000 · mark 91,230 · uPnL +615.00 USD · liq ≈ 70,910');
    assert.equal(shown.contextValue, 'position');
    assert.match(nodeTooltip(node) ?? '', /Liquidation price \| ≈ 70,910 \(estimate/);
  });

  it('estimates liquidation only when the collateral is not shared', () => {
    // equity 10,615 − maintenance 455 = 10,160 of room; a long 0.5 loses it 20,320 below the mark.
    assert.equal(estimateLiquidationPrice(position, 91230, accounts, book, [position]), 70910);
    const eth: OpenPosition = { symbol: 'PF_ETHUSD', side: 'short', size: 1, price: 3000 };
    assert.equal(estimateLiquidationPrice(position, 91230, accounts, book, [position, eth]), undefined);
    assert.equal(estimateLiquidationPrice(position, undefined, accounts, book, [position]), undefined);
  });

  it('shows an order with type, price, fill and reduce-only, and marks trigger orders', () => {
    const [node] = orderNodes([order], book);
    const shown = presentNode(node);
    assert.deepEqual([shown.id, shown.label, shown.description, shown.contextValue], ['order:o-1', 'sell 0.5 PF_XBTUSD', 'lmt 95,000 · filled 0.1 of 0.5 · reduce-only', 'order']);
    const [stop] = orderNodes([{ ...order, orderType: 'stp', limitPrice: null, stopPrice: 85000, triggerSignal: 'mark', reduceOnly: false }], book);
    assert.deepEqual([presentNode(stop).description, presentNode(stop).contextValue, presentNode(stop).icon], ['stp trigger 85,000 (mark) · filled 0.1 of 0.5', 'order.trigger', 'watch']);
  });

  it('lists accounts with available margin first', () => {
    const nodes = accountNodes(accounts);
    assert.deepEqual(nodes.map((n) => n.key), ['flex', 'cash', 'fi_xbtusd']);
    assert.deepEqual(nodes[0].children.slice(0, 2).map((r) => [r.label, r.value, r.emphasis ?? false]), [['Available margin', '8,000.00 USD', true], ['Margin equity', '10,615.00 USD', false]]);
    assert.equal(nodes[0].summary, 'available 8,000.00 USD');
    assert.deepEqual(nodes[2].children.map((r) => [r.label, r.value]), [['Available funds', '0.9 XBT'], ['Portfolio value', '1 XBT'], ['Unrealised PnL', '0 XBT'], ['XBT balance', '1 XBT']]);
  });

  describe('view contents by state', () => {
    const ready = <T>(data: T): SectionState<T> => ({ status: 'ready', data, at: 0 });
    const label = 'Local simulator';

    it('shows a loading row before the first answer and an error row instead of an empty tree', () => {
      const loading = instrumentsContent({ market: { status: 'loading' } }, label, '');
      assert.equal(presentNode(loading.nodes[0]).label, 'Loading instruments from Local simulator…');
      const failed = positionsContent({ positions: { status: 'error', message: 'Network error: fetch failed', hint: 'Is the simulator running?' }, market: ready(market), account: { status: 'idle' } }, label);
      const row = presentNode(failed.nodes[0]);
      assert.deepEqual([row.label, row.description, row.contextValue, row.command?.command], ['Could not load positions from Local simulator', 'Network error: fetch failed', 'message.error', 'krakenFutures.refreshExplorer']);
      assert.match(nodeTooltip(failed.nodes[0]) ?? '', /Is the simulator running\?/);
    });

    it('keeps the last answer under the error row', () => {
      const stale = ordersContent({ orders: { status: 'error', message: 'Rate limit exceeded', data: [order] }, market: ready(market) }, label);
      assert.deepEqual(stale.nodes.map((n) => n.kind), ['message', 'order']);
    });

    it('is empty on purpose, with a reason for the welcome text, without credentials or rows', () => {
      assert.deepEqual(accountContent({ account: { status: 'noCredentials', environmentLabel: 'Live' } }, 'Live'), { nodes: [], welcome: 'noCredentials' });
      assert.deepEqual(ordersContent({ orders: ready([]), market: ready(market) }, label), { nodes: [], welcome: 'empty' });
      assert.equal(positionsContent({ positions: ready([position]), market: ready(market), account: ready(accounts) }, label).nodes.length, 1);
    });
  });

  describe('rate budget', () => {
    it('spends up to its share per window, says how long to wait, and pauses after a rate-limit answer', () => {
      let now = 0;
      const budget = new RefreshBudget({ capacity: 6, windowMs: 10_000, clock: () => now });
      assert.equal(budget.tryTake(2), true);
      now = 1000;
      assert.equal(budget.tryTake(2), true);
      assert.equal(budget.tryTake(2), true);
      assert.equal(budget.tryTake(2), false, 'the window is full');
      assert.equal(budget.waitFor(2), 9000, 'until the first spend leaves the window');
      now = 10_000;
      assert.equal(budget.tryTake(2), true);
      budget.pause(5);
      now = 20_001;
      assert.equal(budget.waitFor(2), 0);
      budget.pause(undefined);
      assert.equal(budget.waitFor(0), 10_000);
    });

    it('counts refreshes a person asked for against the automatic ones', () => {
      let now = 0;
      const budget = new RefreshBudget({ capacity: 4, windowMs: 10_000, clock: () => now });
      budget.spend(2);
      budget.spend(2);
      assert.equal(budget.remaining, 0);
      assert.equal(budget.tryTake(2), false);
      now = 10_001;
      assert.equal(budget.remaining, 4);
    });
  });
});
