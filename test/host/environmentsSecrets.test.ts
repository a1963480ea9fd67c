import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { endpointById } from '../../src/core/catalog';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import type { KrakenFuturesTestApi } from '../../src/extension/shared/testApi';
import { environmentsApi, RecordedPrompts, resetEnvironments, setCustomEnvironments } from './environmentsSupport';

/** 64 bytes that spell a marker when decoded, so a hit is unmistakably this test's secret. */
const SECRET = Buffer.from('kfw-secret-search-marker:'.padEnd(64, 'x')).toString('base64');
const API_KEY = 'KfwSecretSearchApiKeyMarker0123456789abcdefghijklmnopqrs';

describe('Environments: nothing the extension writes contains a secret', function () {
  this.timeout(90_000);
  let api: KrakenFuturesTestApi;
  let sim: RunningSimulator;

  before(async () => {
    api = await environmentsApi();
    sim = await startSimulator({ host: '127.0.0.1', port: 0, apiKey: API_KEY, secret: SECRET, rateLimits: false });
  });
  after(async () => {
    await api.credentials.clear('secret-search');
    await resetEnvironments(api);
    await sim.close();
  });

  it('sets a recognisable secret, exercises every feature, then finds it in no log, storage, settings or workspace file', async () => {
    await setCustomEnvironments(api, [{ id: 'secret-search', name: 'Secret Search', baseUrl: sim.baseUrl, isLive: true }]);
    const prompts = new RecordedPrompts(api, {
      askCredentials: async () => ({ apiKey: API_KEY, secret: SECRET }),
      confirmLiveSwitch: async () => true,
      confirmLiveRequest: async () => true,
      confirmClear: async () => false,
    });
    try {
      assert.equal(await vscode.commands.executeCommand('krakenFutures.setCredentials', 'secret-search'), true);
      assert.equal(await vscode.commands.executeCommand('krakenFutures.switchEnvironment', 'secret-search'), true);
      await vscode.commands.executeCommand('krakenFutures.showCredentials');
      await vscode.commands.executeCommand('krakenFutures.testConnection');
      await vscode.commands.executeCommand('krakenFutures.clearCredentials', 'secret-search'); // declined
      const client = await api.environments.client({ requireCredentials: true });
      const params = [['orderType', 'lmt'], ['symbol', 'PF_XBTUSD'], ['side', 'buy'], ['size', '0.01'], ['limitPrice', '1000']] as const;
      assert.equal(await api.liveGuard.confirm({ endpoint: endpointById('sendorder')!, params }), true);
      await client.call('sendorder', params);
      await client.raw('GET', '/derivatives/api/v3/accounts');
      // Failures are logged too: a refused host, a bad paste.
      await client.raw('GET', 'http://127.0.0.1:9/derivatives/api/v3/accounts').catch(() => undefined);
      await vscode.commands.executeCommand('krakenFutures.setCredentials', 'secret-search'); // same pair again
      prompts.dispose();
      const badPaste = new RecordedPrompts(api, { askCredentials: async () => ({ apiKey: API_KEY, secret: `${SECRET} ` }) });
      await vscode.commands.executeCommand('krakenFutures.setCredentials', 'secret-search');
      badPaste.dispose();
    } finally {
      prompts.dispose();
    }
    assert.equal((await api.credentials.get('secret-search'))?.secret, SECRET, 'the secret is in SecretStorage');

    api.log.info('secret-search: flush marker');
    const written = filesWritten(api);
    assert.ok(written.some((f) => f.endsWith('.log')), `the output channel's log file is among the searched files:\n${written.join('\n')}`);
    const needles = [SECRET, encodeURIComponent(SECRET), Buffer.from(SECRET, 'base64').toString('latin1').slice(0, 24)];
    await eventuallyLogged(written, 'secret-search: flush marker');
    const hits = written.filter((file) => {
      const content = readFileSync(file).toString('latin1');
      return needles.some((needle) => content.includes(needle));
    });
    assert.deepEqual(hits, [], 'files containing the secret');
    const logText = written.filter((f) => f.endsWith('.log')).map((f) => readFileSync(f, 'utf8')).join('\n');
    assert.ok(!logText.includes(API_KEY), 'the log shows key fingerprints, not keys');
    assert.match(logText, /credentials set for Secret Search: key Kfw\S+…\S+#[0-9a-f]{6}/);

    const settings = JSON.stringify(vscode.workspace.getConfiguration('krakenFutures'));
    assert.ok(!settings.includes(SECRET) && !settings.includes(API_KEY));
  });
});

/** Log files, the extension's storage, VS Code's state databases and settings, and the workspace. */
function filesWritten(api: KrakenFuturesTestApi): string[] {
  const { logUri, globalStorageUri, storageUri } = api.extensionStorage;
  const userDir = dirname(dirname(globalStorageUri.fsPath));
  const roots = [
    logUri.fsPath,
    globalStorageUri.fsPath,
    join(dirname(globalStorageUri.fsPath), 'state.vscdb'),
    join(userDir, 'settings.json'),
    ...(storageUri ? [storageUri.fsPath, join(dirname(storageUri.fsPath), 'state.vscdb')] : []),
    ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath),
  ];
  return roots.flatMap((root) => walk(root));
}

function walk(path: string): string[] {
  if (!existsSync(path)) return [];
  const stat = statSync(path);
  if (stat.isFile()) return [path];
  if (!stat.isDirectory()) return [];
  return readdirSync(path).flatMap((name) => walk(join(path, name)));
}

async function eventuallyLogged(files: readonly string[], marker: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (files.some((f) => f.endsWith('.log') && readFileSync(f, 'utf8').includes(marker))) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail('the output channel was not flushed to its log file');
}
