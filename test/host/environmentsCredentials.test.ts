import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fingerprint } from '../../src/core/signing';
import type { CredentialsDescription } from '../../src/extension/environments/environmentCommands';
import type { ReportedError } from '../../src/extension/shared/commandErrorReporter';
import type { KrakenFuturesTestApi } from '../../src/extension/shared/testApi';
import { environmentsApi, RecordedPrompts, resetEnvironments, setCustomEnvironments, startCountingSimulator, type CountingSimulator } from './environmentsSupport';

describe('Environments: credentials in SecretStorage, validation, host binding', function () {
  this.timeout(60_000);
  let api: KrakenFuturesTestApi;
  let simA: CountingSimulator;
  let simB: CountingSimulator;

  before(async () => {
    api = await environmentsApi();
    [simA, simB] = await Promise.all([startCountingSimulator(), startCountingSimulator()]);
  });
  afterEach(async () => {
    await api.credentials.clear('bound');
    await resetEnvironments(api);
  });
  after(async () => Promise.all([simA.close(), simB.close()]));

  async function setViaCommand(environmentId: string, apiKey: string, secret: string): Promise<unknown> {
    const prompts = new RecordedPrompts(api, { askCredentials: async () => ({ apiKey, secret }) });
    try {
      return await vscode.commands.executeCommand('krakenFutures.setCredentials', environmentId);
    } finally {
      prompts.dispose();
    }
  }

  async function reportedBy(run: () => Thenable<unknown>): Promise<ReportedError> {
    const reported = new Promise<ReportedError>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the command reported no error within 10 s')), 10_000);
      const subscription = api.onDidReportError((e) => {
        clearTimeout(timer);
        subscription.dispose();
        resolve(e);
      });
    });
    await run();
    return reported;
  }

  it('Set Credentials stores the pair in SecretStorage bound to the host; settings never see it; Show gives a fingerprint only', async () => {
    await setCustomEnvironments(api, [{ id: 'bound', name: 'Bound', baseUrl: simA.baseUrl }]);
    assert.equal(await setViaCommand('bound', simA.apiKey, simA.secret), true);

    assert.deepEqual(await api.credentials.get('bound'), { apiKey: simA.apiKey, secret: simA.secret, host: simA.baseUrl });
    assert.equal(await api.environments.hasCredentials('bound'), true);
    const settings = JSON.stringify(vscode.workspace.getConfiguration('krakenFutures').inspect('customEnvironments'));
    assert.ok(!settings.includes(simA.secret) && !settings.includes(simA.apiKey), 'no credential in any settings scope');

    const shown = await vscode.commands.executeCommand<CredentialsDescription>('krakenFutures.showCredentials', 'bound');
    assert.equal(shown.keyFingerprint, fingerprint(simA.apiKey));
    assert.ok(!shown.message.includes(simA.secret) && !shown.message.includes(simA.apiKey));
    assert.match(shown.message, new RegExp(`only ever sent to ${simA.baseUrl.replace(/\./g, '\\.')}`));

    await api.environments.switchTo('bound');
    const accounts = await (await api.environments.client({ requireCredentials: true })).accounts();
    assert.ok(accounts.flex ?? accounts.cash);

    const prompts = new RecordedPrompts(api, { confirmClear: async () => true });
    try {
      assert.equal(await vscode.commands.executeCommand('krakenFutures.clearCredentials', 'bound'), true);
    } finally {
      prompts.dispose();
    }
    assert.equal(await api.credentials.get('bound'), undefined);
    await assert.rejects(api.environments.client({ requireCredentials: true }), /No API credentials are set for Bound\. Run "Kraken Futures: Set Credentials"/);
  });

  it('explains bad input in words a person can act on, and stores nothing', async () => {
    await setCustomEnvironments(api, [{ id: 'bound', name: 'Bound', baseUrl: simA.baseUrl }]);
    const trailing = await reportedBy(() => setViaCommand('bound', `${simA.apiKey} `, simA.secret));
    assert.match(trailing.message, /The API key has a trailing space/);
    const notBase64 = await reportedBy(() => setViaCommand('bound', simA.apiKey, `${simA.secret.slice(0, 40)}!${simA.secret.slice(41)}`));
    assert.match(notBase64.message, /Not valid base64: The secret contains a character outside base64/);
    assert.ok(!notBase64.message.includes(simA.secret.slice(0, 12)), 'the message quotes no part of the secret');
    const urlSafe = await reportedBy(() => setViaCommand('bound', simA.apiKey, simA.secret.replace(/\+/g, '-').replace(/\//g, '_')));
    assert.match(urlSafe.message, /base64url alphabet/);
    assert.equal(await api.credentials.has('bound'), false);
    const local = await reportedBy(() => vscode.commands.executeCommand('krakenFutures.setCredentials', 'local'));
    assert.match(local.message, /local simulator creates its own key pair/);
  });

  it('credentials stay with their host: a changed URL asks first, and declining sends nothing', async () => {
    await setCustomEnvironments(api, [{ id: 'bound', name: 'Bound', baseUrl: simA.baseUrl }]);
    assert.equal(await setViaCommand('bound', simA.apiKey, simA.secret), true);
    await api.environments.switchTo('bound');
    await setCustomEnvironments(api, [{ id: 'bound', name: 'Bound', baseUrl: simB.baseUrl }]);
    const before = simB.requests.length;

    const declined = new RecordedPrompts(api, { confirmRebind: async () => false });
    try {
      const refusal = new RegExp(`set for ${esc(simA.baseUrl)} and were not sent to ${esc(simB.baseUrl)}`);
      // Two features asking at once get one question between them.
      await Promise.all([assert.rejects(api.environments.client(), refusal), assert.rejects(api.environments.client(), refusal)]);
      assert.equal(declined.count('confirmRebind'), 1);
      assert.deepEqual(declined.asked[0]?.args.slice(1), [simA.baseUrl, simB.baseUrl]);
    } finally {
      declined.dispose();
    }
    assert.equal(simB.requests.length, before, 'nothing reached the new host');
    assert.equal((await api.credentials.get('bound'))?.host, simA.baseUrl, 'the binding is unchanged');

    const accepted = new RecordedPrompts(api, { confirmRebind: async () => true });
    try {
      const [client] = await Promise.all([api.environments.client(), api.environments.client()]);
      assert.equal(accepted.count('confirmRebind'), 1);
      // simA's key pair is not simB's: the point is only that the request now goes to simB, signed.
      const answer = await client.raw('GET', '/derivatives/api/v3/accounts');
      assert.equal(answer.request.url, `${simB.baseUrl}/derivatives/api/v3/accounts`);
      assert.equal((await api.credentials.get('bound'))?.host, simB.baseUrl);
    } finally {
      accepted.dispose();
    }
  });

  it('a signed request aimed at another host through raw() is refused before it leaves', async () => {
    await setCustomEnvironments(api, [{ id: 'bound', name: 'Bound', baseUrl: simA.baseUrl }]);
    assert.equal(await setViaCommand('bound', simA.apiKey, simA.secret), true);
    await api.environments.switchTo('bound');
    const client = await api.environments.client();
    const before = simB.requests.length;
    await assert.rejects(client.raw('GET', `${simB.baseUrl}/derivatives/api/v3/accounts`), /Refused to send the Bound credentials to http:\/\/127\.0\.0\.1:\d+: they are bound to/);
    assert.equal(simB.requests.length, before);
    const publicAnswer = await client.raw('GET', `${simB.baseUrl}/derivatives/api/v3/tickers`, '', { sign: false });
    assert.equal(publicAnswer.status, 200, 'unsigned public requests may go anywhere');
  });
});

function esc(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
