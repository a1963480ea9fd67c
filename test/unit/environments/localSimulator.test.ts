import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KrakenFuturesClient } from '../../../src/core/client';
import { LocalSimulator } from '../../../src/extension/environments/localSimulator';
import { startSimulator } from '../../../src/simulator';

describe('environments: the Local environment\'s simulator', () => {
  const logged: string[] = [];
  const log = (line: string) => logged.push(line);

  it('starts one embedded simulator on loopback on demand, shared by concurrent callers, and stops it on dispose', async () => {
    const local = new LocalSimulator({ env: {}, log });
    assert.equal(local.current, undefined, 'nothing runs before it is needed');
    const [a, b] = await Promise.all([local.ensureStarted(), local.ensureStarted()]);
    assert.equal(a, b);
    assert.equal(a.origin, 'embedded');
    assert.match(a.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    const client = new KrakenFuturesClient({ baseUrl: a.baseUrl, credentials: { apiKey: a.apiKey, secret: a.secret } });
    assert.ok((await client.accounts()).flex);
    await local.dispose();
    await assert.rejects(new KrakenFuturesClient({ baseUrl: a.baseUrl, retry: { limit: 0, backoffMs: 0 } }).instruments(), /ECONNREFUSED/);
    await assert.rejects(local.ensureStarted(), /shutting down/);
    assert.ok(logged.every((line) => !line.includes(a.secret)));
  });

  it('attaches to the simulator npm start announced, reading the key beside the secret file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kfw-local-'));
    const standalone = await startSimulator({ host: '127.0.0.1', port: 0, stateDir: dir });
    try {
      const local = new LocalSimulator({ env: { KRAKEN_FUTURES_SIM_URL: `${standalone.baseUrl}/`, KRAKEN_FUTURES_SIM_SECRET_FILE: standalone.secretFile ?? '' }, log });
      const server = await local.ensureStarted();
      assert.deepEqual(server, { baseUrl: standalone.baseUrl, apiKey: standalone.apiKey, secret: standalone.secret, origin: 'attached' });
      await local.dispose();
      const still = new KrakenFuturesClient({ baseUrl: standalone.baseUrl });
      assert.ok((await still.instruments()).length > 0, 'an attached simulator belongs to whoever started it');
    } finally {
      await standalone.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('explains a missing secret file or key without printing either, and retries later', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kfw-local-'));
    try {
      const missing = new LocalSimulator({ env: { KRAKEN_FUTURES_SIM_URL: 'http://127.0.0.1:8790', KRAKEN_FUTURES_SIM_SECRET_FILE: join(dir, 'api-secret') }, log });
      await assert.rejects(missing.ensureStarted(), /Cannot read KRAKEN_FUTURES_SIM_SECRET_FILE \(.*api-secret\): ENOENT\. Restart the simulator/);
      writeFileSync(join(dir, 'api-secret'), 'c2VjcmV0LXRoYXQtbXVzdC1ub3QtYXBwZWFy\n');
      await assert.rejects(missing.ensureStarted(), (error: Error) => /its API key was not found: set KRAKEN_FUTURES_SIM_API_KEY/.test(error.message) && !error.message.includes('c2VjcmV0'));
      const withKey = new LocalSimulator({ env: { KRAKEN_FUTURES_SIM_URL: 'http://127.0.0.1:8790', KRAKEN_FUTURES_SIM_SECRET_FILE: join(dir, 'api-secret'), KRAKEN_FUTURES_SIM_API_KEY: 'key-from-env' }, log });
      assert.equal((await withKey.ensureStarted()).apiKey, 'key-from-env');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
