import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ConnectionReport } from '../../src/extension/environments/connectionCheck';
import { ACTIVE_ENVIRONMENT_KEY, EnvironmentService } from '../../src/extension/environments/environmentService';
import { LocalSimulator } from '../../src/extension/environments/localSimulator';
import type { KrakenFuturesTestApi } from '../../src/extension/shared/testApi';
import { environmentsApi, nextChange, RecordedPrompts, resetEnvironments, setCustomEnvironments, startCountingSimulator, type CountingSimulator } from './environmentsSupport';

describe('Environments: default, switching, status bar, pins, Test Connection', function () {
  this.timeout(60_000);
  let api: KrakenFuturesTestApi;
  let other: CountingSimulator;

  before(async () => {
    api = await environmentsApi();
    other = await startCountingSimulator();
  });
  afterEach(async () => resetEnvironments(api));
  after(async () => other.close());

  it('starts on the local simulator and a private call works with no set-up at all', async () => {
    assert.equal(api.environments.active.id, 'local');
    assert.equal(api.environments.active.isLive, false);
    const client = await api.environments.client({ requireCredentials: true });
    assert.match(client.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(api.environments.active.baseUrl, client.baseUrl, 'Local reports the address of the simulator it started');
    const accounts = await client.accounts();
    assert.ok(accounts.flex ?? accounts.cash, 'the simulator account has a cash or flex wallet');
    assert.equal(await api.environments.hasCredentials(), true);
  });

  it('lists local, demo and live first, then custom environments from settings', async () => {
    await setCustomEnvironments(api, [{ name: 'Other Sim', baseUrl: other.baseUrl }]);
    const ids = api.environments.list().map((e) => e.id);
    assert.deepEqual(ids, ['local', 'demo', 'live', 'other-sim']);
    const live = api.environments.list().find((e) => e.id === 'live');
    assert.equal(live?.baseUrl, 'https://futures.kraken.com');
    assert.equal(live?.isLive, true);
    assert.equal(api.environments.list().find((e) => e.id === 'other-sim')?.isLive, false);
  });

  it('switching fires the change event and repaints the status bar (live: flame, error colours)', async () => {
    const item = api.environmentStatusBar.item;
    assert.match(item.text, /\$\(beaker\) Local simulator/);
    assert.equal(item.backgroundColor, undefined);
    assert.equal(item.command, 'krakenFutures.switchEnvironment');

    await setCustomEnvironments(api, [{ id: 'sim-live', name: 'Sim Live', baseUrl: other.baseUrl, isLive: true }]);
    const prompts = new RecordedPrompts(api, { confirmLiveSwitch: async () => true });
    try {
      const changed = nextChange(api, (c) => c.reason === 'switched');
      assert.equal(await vscode.commands.executeCommand('krakenFutures.switchEnvironment', 'sim-live'), true);
      const change = await changed;
      assert.equal(change.previous?.id, 'local');
      assert.equal(change.current.id, 'sim-live');
      assert.equal(prompts.count('confirmLiveSwitch'), 1, 'switching to a live environment asks first');
      assert.match(item.text, /^\$\(flame\) LIVE: Sim Live$/);
      assert.deepEqual(item.backgroundColor, new vscode.ThemeColor('statusBarItem.errorBackground'));
    } finally {
      prompts.dispose();
    }
    const back = nextChange(api, (c) => c.reason === 'switched');
    await api.environments.switchTo('local');
    assert.equal((await back).current.id, 'local');
    assert.match(item.text, /Local simulator/);
    assert.equal(item.backgroundColor, undefined);
  });

  it('declining the live confirmation keeps the current environment and fires nothing', async () => {
    const prompts = new RecordedPrompts(api, { confirmLiveSwitch: async () => false });
    let fired = 0;
    const subscription = api.environments.onDidChange(() => fired++);
    try {
      assert.equal(await api.environments.switchTo('live'), false);
      assert.equal(prompts.count('confirmLiveSwitch'), 1);
      assert.equal(api.environments.active.id, 'local');
      assert.equal(fired, 0);
    } finally {
      subscription.dispose();
      prompts.dispose();
    }
  });

  it('remembers the choice per workspace (workspaceState) and starts on it next time', async () => {
    await setCustomEnvironments(api, [{ id: 'remembered', name: 'Remembered', baseUrl: other.baseUrl }]);
    const workspaceState = new MemoryMemento();
    const fresh = () => new EnvironmentService({ credentials: api.credentials, workspaceState, local: new LocalSimulator({ env: {}, log: () => undefined }), prompts: api.environmentPrompts, log: api.log });
    const first = fresh();
    try {
      assert.equal(first.active.id, 'local');
      assert.equal(await first.switchTo('remembered'), true);
      assert.equal(workspaceState.get(ACTIVE_ENVIRONMENT_KEY), 'remembered');
    } finally {
      first.dispose();
    }
    const second = fresh();
    try {
      assert.equal(second.active.id, 'remembered', 'a reload keeps the workspace on its environment');
    } finally {
      second.dispose();
    }
    await workspaceState.update(ACTIVE_ENVIRONMENT_KEY, 'no-longer-defined');
    const third = fresh();
    try {
      assert.equal(third.active.id, 'local', 'an environment removed from settings falls back to local');
    } finally {
      third.dispose();
    }
  });

  it('switching to Demo while it still points at the retired hosted demo says so at once and offers the local simulator', async () => {
    assert.equal(api.environments.find('demo')?.baseUrl, 'https://demo-futures.kraken.com');
    const toLocal = new RecordedPrompts(api, { warnRetiredDemo: async () => 'local' });
    try {
      const backToLocal = nextChange(api, (c) => c.reason === 'switched' && c.previous?.id === 'demo' && c.current.id === 'local');
      assert.equal(await api.environments.switchTo('demo'), true);
      await backToLocal;
      assert.equal(api.environments.active.id, 'local', '"Switch to Local Simulator" switched back');
      assert.equal(toLocal.count('warnRetiredDemo'), 1);
      assert.equal((toLocal.asked[0].args[0] as { id: string }).id, 'demo');
    } finally {
      toLocal.dispose();
    }

    let answered!: () => void;
    const asked = new Promise<void>((resolve) => (answered = resolve));
    const keep = new RecordedPrompts(api, { warnRetiredDemo: async () => { answered(); return 'keep'; } });
    try {
      assert.equal(await api.environments.switchTo('demo'), true);
      await asked;
      await new Promise((r) => setImmediate(r));
      assert.equal(api.environments.active.id, 'demo', '"Keep Demo" stays on Demo');
      assert.equal(keep.count('warnRetiredDemo'), 1);
      assert.equal(await api.environments.switchTo('local'), true);
      assert.equal(keep.count('warnRetiredDemo'), 1, 'switching away from Demo does not warn');
    } finally {
      keep.dispose();
    }

    // Demo pointed at another host (e.g. a simulator) is not the retired demo: no warning.
    const config = vscode.workspace.getConfiguration('krakenFutures');
    const silent = new RecordedPrompts(api, { warnRetiredDemo: async () => 'local' });
    try {
      const redefined = nextChange(api, (c) => c.reason === 'definition' && c.current.id === 'local');
      await config.update('demo.baseUrl', other.baseUrl, vscode.ConfigurationTarget.Global);
      await redefined;
      assert.equal(await api.environments.switchTo('demo'), true);
      assert.equal(api.environments.active.baseUrl, other.baseUrl);
      assert.equal(silent.count('warnRetiredDemo'), 0);
    } finally {
      silent.dispose();
      await api.environments.switchTo('local');
      await config.update('demo.baseUrl', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('the status bar quick pick switches (real quick pick, driven by keyboard commands)', async () => {
    await setCustomEnvironments(api, [{ id: 'picked-sim', name: 'Picked Sim', baseUrl: other.baseUrl }]);
    const switched = nextChange(api, (c) => c.reason === 'switched');
    const running = vscode.commands.executeCommand(api.environmentStatusBar.item.command as string);
    await new Promise((r) => setTimeout(r, 500));
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext'); // demo
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext'); // live
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext'); // Picked Sim
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await running, true);
    assert.equal((await switched).current.id, 'picked-sim');
  });

  it('a pinned environment that is not the active one refuses, naming both', async () => {
    assert.doesNotThrow(() => api.environments.assertPinned(undefined, 'orders.kfreq'));
    assert.doesNotThrow(() => api.environments.assertPinned('local', 'orders.kfreq'));
    assert.throws(() => api.environments.assertPinned('live', 'orders.kfreq'), /orders\.kfreq is pinned to Live \("live"\) but the active environment is Local simulator/);
    assert.throws(() => api.environments.assertPinned('staging', 'orders.kfreq'), /pinned to environment "staging", which does not exist/);
  });

  it('Test Connection on local: reachable, keys valid, clock skew measured', async () => {
    const report = await vscode.commands.executeCommand<ConnectionReport>('krakenFutures.testConnection');
    assert.equal(report.reachable, true);
    assert.equal(report.publicCall, 'ok');
    assert.equal(report.privateCall, 'ok');
    assert.equal(typeof report.clockSkewMs, 'number');
    assert.match(report.summary, /^reachable, keys valid, clock \d+( ms|\.\d s) (behind|ahead) \(fine\)$/, 'same machine, same clock');
    assert.ok(report.lines.some((l) => /^Keys valid: key .+#[0-9a-f]{6} signed/.test(l)), report.lines.join('\n'));
  });

  it('Test Connection reports an unreachable host and keys the server refuses', async () => {
    const closed = await startCountingSimulator();
    const url = closed.baseUrl;
    await closed.close();
    await setCustomEnvironments(api, [{ id: 'gone', name: 'Gone', baseUrl: url }, { id: 'wrong-keys', name: 'Wrong Keys', baseUrl: other.baseUrl }]);
    await api.environments.switchTo('gone');
    const unreachable = await vscode.commands.executeCommand<ConnectionReport>('krakenFutures.testConnection');
    assert.equal(unreachable.reachable, false);
    assert.match(unreachable.lines[0], /^Not reachable: /);

    await api.environments.switchTo('wrong-keys');
    await api.credentials.set('wrong-keys', { apiKey: other.apiKey, secret: Buffer.alloc(64, 7).toString('base64') });
    try {
      const refused = await vscode.commands.executeCommand<ConnectionReport>('krakenFutures.testConnection');
      assert.equal(refused.reachable, true);
      assert.equal(refused.publicCall, 'ok');
      assert.equal(refused.privateCall, 'failed');
      assert.ok(refused.lines.some((l) => /^Keys NOT accepted: key .+ was refused with "authenticationError"/.test(l)), refused.lines.join('\n'));
    } finally {
      await api.credentials.clear('wrong-keys');
    }
  });
});

/** workspaceState as VS Code implements it, minus the disk: enough to check what the service remembers. */
class MemoryMemento implements vscode.Memento {
  private readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, defaultValue?: T): T | undefined {
    return (this.values.has(key) ? this.values.get(key) : defaultValue) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, value);
  }
}
