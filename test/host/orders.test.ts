// The quick order driven step by step through the real quick-input widgets (values are set on the
// widget the extension shows, then accepted with VS Code's own accept command), against the local
// simulator; and the live guard on a live-marked environment backed by a second simulator.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KrakenFuturesClient } from '../../src/core/client';
import type { GuardSummary } from '../../src/extension/environments/guardSummary';
import type { PlaceOrderOutcome } from '../../src/extension/orders/placeOrderCommand';
import type { ShownStep } from '../../src/extension/orders/quickInputSteps';
import { Commands } from '../../src/extension/shared/commands';
import type { KrakenFuturesTestApi } from '../../src/extension/shared/testApi';
import { RecordedPrompts, resetEnvironments, setCustomEnvironments, startCountingSimulator, type CountingSimulator } from './environmentsSupport';
import { activatedApi, eventually } from './extensionUnderTest';
import { localExplorer, nodeById, restingPrice } from './explorer.test';

/**
 * The extension host batches property changes of a quick input (`activeItems`, `value`) and sends
 * them to the workbench on a zero-delay timer; a timer queued after that one runs once they are on
 * their way, so a command sent next reaches the workbench after them (one ordered channel).
 */
function sentToWorkbench(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Collects the quick-order steps as the extension shows them, and answers them through the real widgets. */
class StepDriver implements vscode.Disposable {
  readonly shown: ShownStep[] = [];
  private readonly answered = new Set<ShownStep>();
  private readonly subscription: vscode.Disposable;

  constructor(api: KrakenFuturesTestApi) {
    this.subscription = api.orders.steps.onDidShowStep((step) => this.shown.push(step));
  }

  get last(): ShownStep | undefined {
    return this.shown[this.shown.length - 1];
  }

  /** Waits until the step on screen is `id` (and not one this driver already answered). */
  async at(id: string): Promise<ShownStep> {
    await eventually(`quick-order step "${id}" (shown so far: ${this.shown.map((s) => s.id).join(', ')})`, () => this.last?.id === id && !this.answered.has(this.last));
    return this.last as ShownStep;
  }

  /** Picks the item whose label contains `label` and accepts it. */
  async pick(id: string, label: string): Promise<void> {
    const step = await this.at(id);
    assert.equal(step.kind, 'pick');
    const pick = step.input as vscode.QuickPick<vscode.QuickPickItem>;
    const item = pick.items.find((i) => i.label.includes(label));
    assert.ok(item, `no item "${label}" in step ${id}: ${pick.items.map((i) => i.label).join(' | ')}`);
    this.answered.add(step);
    pick.activeItems = [item];
    await sentToWorkbench();
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }

  /** Types `value` (or keeps the pre-filled one) into the input box of step `id` and accepts it. */
  async type(id: string, value?: string): Promise<vscode.InputBox> {
    const step = await this.at(id);
    assert.equal(step.kind, 'input');
    const box = step.input as vscode.InputBox;
    this.answered.add(step);
    if (value !== undefined) box.value = value;
    await sentToWorkbench();
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    return box;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

function placeOrder(arg?: unknown): Promise<PlaceOrderOutcome | undefined> {
  return Promise.resolve(vscode.commands.executeCommand<PlaceOrderOutcome | undefined>(Commands.placeOrder, arg));
}

describe('Quick order', function () {
  this.timeout(90_000);
  let api: KrakenFuturesTestApi;
  let client: KrakenFuturesClient;
  let steps: StepDriver;

  before(async () => {
    api = await activatedApi();
    client = await localExplorer(api);
  });
  beforeEach(() => {
    steps = new StepDriver(api);
  });
  afterEach(async () => {
    steps.dispose();
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });
  after(async () => {
    await client.cancelAllOrders().catch(() => undefined);
  });

  it('places an order chosen step by step, which then shows in the Open Orders view', async () => {
    const outcome = placeOrder();
    await steps.pick('instrument', 'PF_ETHUSD');
    await steps.pick('side', 'Sell');
    await steps.pick('type', 'Post-only');
    await steps.type('size', '0.012');
    // The price is pre-filled from the best ask (a resting sell joins the ask), on the tick grid.
    const priceStep = await steps.at('price');
    const prefilled = (priceStep.input as vscode.InputBox).value;
    assert.match(prefilled, /^\d+(\.\d)?$/, `pre-filled price "${prefilled}"`);
    const price = await restingPrice(client, 'PF_ETHUSD', 'sell', 0.1);
    await steps.type('price', price);
    await steps.pick('options', 'Continue to preview');
    const preview = await steps.at('preview');
    const labels = (preview.input as vscode.QuickPick<vscode.QuickPickItem>).items.map((i) => `${i.label} ${i.description ?? ''}`);
    assert.ok(labels.some((l) => /Notional [\d,.]+ USD at mark [\d,.]+/.test(l)), labels.join('\n'));
    assert.ok(labels.some((l) => /Estimated margin [\d,.]+ USD initial/.test(l)), labels.join('\n'));
    assert.ok(labels.some((l) => /Available margin [\d,.]+ USD/.test(l)), labels.join('\n'));
    assert.ok(labels.some((l) => /Environment Local simulator/.test(l)), labels.join('\n'));
    await steps.pick('preview', 'Place order');

    const result = await outcome;
    assert.equal(result?.outcome, 'placed', result?.message);
    assert.deepEqual({ ...result.draft }, { symbol: 'PF_ETHUSD', side: 'sell', orderType: 'post', size: '0.012', limitPrice: price, reduceOnly: false });
    assert.match(result.message ?? '', /^Order placed on Local simulator: Sell 0\.012 PF_ETHUSD, post-only limit [\d.]+\. Order id /);
    await eventually('the order in the Open Orders view', () => nodeById(api.explorer.providers.orders, `order:${result.orderId}`) !== undefined);
  });

  it('refuses a size off the step at the size step, with a message, and goes on once it is valid', async () => {
    const outcome = placeOrder({ symbol: 'PF_XBTUSD', side: 'buy', orderType: 'lmt' });
    const box = await steps.type('size', '0.00015');
    await eventually('the size to be refused', () => box.validationMessage !== undefined);
    assert.match(String(box.validationMessage), /Size 0\.00015 is not a multiple of 0\.0001, the size step of PF_XBTUSD: use 0\.0001 or 0\.0002\./);
    assert.equal(steps.last?.id, 'size', 'the flow moved on past an invalid size');
    box.value = '0.00001';
    await sentToWorkbench();
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await eventually('the minimum to be enforced', () => /below the minimum 0\.0001 XBT/.test(String(box.validationMessage)));
    box.value = '0.0001';
    await sentToWorkbench();
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await steps.at('price');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await outcome, undefined);
  });

  it('refuses a price off the tick at the price step, and goes back a step with Back', async () => {
    const outcome = placeOrder({ symbol: 'PI_XBTUSD', side: 'sell', orderType: 'lmt', size: '10' });
    const box = await steps.type('price', '90000.3');
    await eventually('the price to be refused', () => box.validationMessage !== undefined);
    assert.match(String(box.validationMessage), /Limit price 90000\.3 is not a multiple of the tick size 0\.5 of PI_XBTUSD: use 90000 or 90000\.5\./);
    assert.equal(steps.last?.id, 'price');
    await vscode.commands.executeCommand('workbench.action.quickInputBack');
    const size = await steps.at('size');
    assert.equal((size.input as vscode.InputBox).value, '10', 'Back keeps the answer given before');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await outcome, undefined);
  });

  it('pre-fills a reduce-only order from a position and reports a rejection in plain words', async () => {
    const opened = await client.sendOrder({ orderType: 'mkt', symbol: 'PF_AVAXUSD', side: 'buy', size: '1' });
    assert.equal(opened.status, 'placed');
    await api.explorer.model.refresh();
    const position = nodeById(api.explorer.providers.positions, 'position:PF_AVAXUSD');
    assert.ok(position, 'no position to start from');
    const outcome = placeOrder(position);
    // Symbol, side, size and reduce-only come from the position: the flow starts at the order type.
    await steps.pick('type', 'Post-only');
    const ticker = await client.ticker('PF_AVAXUSD');
    const tick = (await client.instruments()).find((i) => i.symbol === 'PF_AVAXUSD')?.tickSize;
    assert.ok(tick && ticker.bid, 'no tick size or best bid for PF_AVAXUSD');
    // A post-only sell below the best bid would execute at once: Kraken answers postWouldExecute.
    // 5 % below, not at the bid, because the simulated market moves every 250 ms meanwhile.
    const decimals = (String(tick).split('.')[1] ?? '').length;
    await steps.type('price', (Math.round((ticker.bid * 0.95) / tick) * tick).toFixed(decimals));
    const options = await steps.at('options');
    assert.ok((options.input as vscode.QuickPick<vscode.QuickPickItem>).items.some((i) => i.label.includes('Reduce-only') && i.description === 'on'));
    await steps.pick('options', 'Continue to preview');
    await steps.pick('preview', 'Place order');
    const result = await outcome;
    assert.equal(result?.outcome, 'rejected', result?.message);
    assert.equal(result.draft.side, 'sell');
    assert.equal(result.draft.reduceOnly, true);
    assert.match(result.message ?? '', /Order not placed on Local simulator\. Rejected \(postWouldExecute\): A post-only order would have executed immediately/);
    await vscode.commands.executeCommand(Commands.closePosition, position, { orderType: 'mkt' });
  });

  describe('on a live-marked environment', () => {
    let liveSim: CountingSimulator;

    before(async () => {
      liveSim = await startCountingSimulator();
      await setCustomEnvironments(api, [{ id: 'sim-live', name: 'Sim Live', baseUrl: liveSim.baseUrl, isLive: true }]);
      await api.credentials.set('sim-live', { apiKey: liveSim.apiKey, secret: liveSim.secret, host: liveSim.baseUrl });
      const prompts = new RecordedPrompts(api, { confirmLiveSwitch: async () => true });
      try {
        assert.equal(await api.environments.switchTo('sim-live'), true);
      } finally {
        prompts.dispose();
      }
      await api.explorer.model.refresh();
    });
    after(async () => {
      await api.credentials.clear('sim-live');
      await resetEnvironments(api);
      await liveSim.close();
    });

    it('asks the live guard before placing, and sends nothing when declined', async () => {
      const summaries: GuardSummary[] = [];
      const prompts = new RecordedPrompts(api, {
        confirmLiveRequest: async (_environment, summary) => {
          summaries.push(summary);
          return false;
        },
      });
      try {
        const sentBefore = liveSim.requests.filter((r) => r.includes('sendorder')).length;
        const outcome = placeOrder({ symbol: 'PF_XBTUSD', side: 'buy', orderType: 'lmt', size: '0.0001', price: '50000' });
        await steps.pick('options', 'Continue to preview');
        const preview = await steps.at('preview');
        const items = (preview.input as vscode.QuickPick<vscode.QuickPickItem>).items;
        assert.ok(items.some((i) => /LIVE environment/.test(i.label)), 'the preview does not warn about live');
        await steps.pick('preview', 'Place on Sim Live (real money)');
        const result = await outcome;
        assert.equal(result?.outcome, 'declined');
        assert.equal(prompts.count('confirmLiveRequest'), 1);
        assert.equal(summaries[0]?.headline, 'BUY 0.0001 PF_XBTUSD at limit 50,000 (limit)');
        assert.equal(liveSim.requests.filter((r) => r.includes('sendorder')).length, sentBefore, 'a declined order reached the server');
      } finally {
        prompts.dispose();
      }
    });

    it('asks the live guard before placing and before cancelling from the tree, and acts once confirmed', async () => {
      const liveClient = await api.environments.client({ requireCredentials: true });
      const price = await restingPrice(liveClient, 'PF_XBTUSD', 'buy', 1);
      const prompts = new RecordedPrompts(api, { confirmLiveRequest: async () => true });
      try {
        const outcome = placeOrder({ symbol: 'PF_XBTUSD', side: 'buy', orderType: 'lmt', size: '0.0001', price });
        await steps.pick('options', 'Continue to preview');
        await steps.pick('preview', 'Place on Sim Live (real money)');
        const placed = await outcome;
        assert.equal(placed?.outcome, 'placed', placed?.message);
        assert.equal(prompts.count('confirmLiveRequest'), 1);
        await api.explorer.model.refresh(['orders']);
        const node = nodeById(api.explorer.providers.orders, `order:${placed.orderId}`);
        assert.ok(node, 'the live order is not in the tree');
        const cancelled = await vscode.commands.executeCommand<{ accepted: boolean; text: string }>(Commands.cancelOrder, node);
        assert.equal(cancelled?.accepted, true, cancelled?.text);
        assert.equal(prompts.count('confirmLiveRequest'), 2);
      } finally {
        prompts.dispose();
      }
    });
  });
});
