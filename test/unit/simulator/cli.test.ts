import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureSimulatorBuilt, SIM_CLI } from './builtSimulator';

/** The `kraken-futures-sim` command as users run it: what it prints, where the secret goes, how it stops. */

interface Started {
  readonly stdout: string;
  readonly stop: (signal: NodeJS.Signals) => Promise<{ code: number | null; stderr: string }>;
}

function start(args: readonly string[], env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, [SIM_CLI, ...args], { env: { ...process.env, KRAKEN_FUTURES_SIM_SECRET: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start: ${stdout} ${stderr}`)), 15_000);
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (!stdout.includes('state:')) return;
      clearTimeout(timer);
      resolve({ stdout, stop: async (signal) => { child.kill(signal); return { code: await exited, stderr }; } });
    });
    void exited.then((code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
}

describe('simulator: kraken-futures-sim CLI', function () {
  this.timeout(60_000);
  before(() => ensureSimulatorBuilt());

  it('prints where it listens (loopback), the key and the secret file (mode 0600), never the secret; stops on SIGTERM', async () => {
    const run = await start(['--port', '0']);
    const url = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(run.stdout)?.[1];
    assert.ok(url, run.stdout);
    const file = /^api secret written to (\S+) \(mode 0600\)$/m.exec(run.stdout)?.[1];
    assert.ok(file);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const secret = readFileSync(file, 'utf8').trim();
    assert.ok(!run.stdout.includes(secret));
    const apiKey = /^api key: (\S+)$/m.exec(run.stdout)?.[1];
    const r = await fetch(`${url}/derivatives/api/v3/instruments`);
    assert.equal(r.status, 200);
    const { code, stderr } = await run.stop('SIGTERM');
    assert.equal(code, 0);
    assert.ok(!stderr.includes(secret) && apiKey);
    assert.throws(() => statSync(file), 'the temporary secret is removed on a clean stop');
  });

  it('takes the secret from KRAKEN_FUTURES_SIM_SECRET and writes it nowhere; SIGINT stops it', async () => {
    const secret = Buffer.alloc(64, 9).toString('base64');
    const run = await start(['--port', '0', '--api-key', 'my-test-key', '--seed', '7'], { KRAKEN_FUTURES_SIM_SECRET: secret });
    assert.match(run.stdout, /^api key: my-test-key$/m);
    assert.match(run.stdout, /^api secret: taken from KRAKEN_FUTURES_SIM_SECRET$/m);
    assert.ok(!run.stdout.includes(secret));
    assert.equal((await run.stop('SIGINT')).code, 0);
  });

  it('keeps key and secret in the state directory across restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kfsim-cli-'));
    try {
      const first = await start(['--port', '0', '--state', dir]);
      await first.stop('SIGTERM');
      const second = await start(['--port', '0', '--state', dir]);
      await second.stop('SIGTERM');
      const key = (s: string) => /^api key: (\S+)$/m.exec(s)?.[1];
      assert.equal(key(first.stdout), key(second.stdout));
      assert.match(second.stdout, new RegExp(`api secret written to ${join(dir, 'api-secret')}`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses bad arguments with usage (exit 2), an unusable secret and a taken port (exit 1)', async () => {
    const bad = spawnSync(process.execPath, [SIM_CLI, '--port', 'eighty'], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--port needs a whole number/);
    assert.match(bad.stderr, /Usage: kraken-futures-sim/);
    assert.equal(spawnSync(process.execPath, [SIM_CLI, '--frobnicate'], { encoding: 'utf8' }).status, 2);
    const secret = spawnSync(process.execPath, [SIM_CLI, '--port', '0'], { encoding: 'utf8', env: { ...process.env, KRAKEN_FUTURES_SIM_SECRET: 'not base64!' } });
    assert.equal(secret.status, 1);
    assert.match(secret.stderr, /secret is not usable/);
    const run = await start(['--port', '0']);
    const port = /:(\d+)$/m.exec(run.stdout)![1];
    const taken = spawnSync(process.execPath, [SIM_CLI, '--port', port], { encoding: 'utf8' });
    assert.equal(taken.status, 1);
    assert.match(taken.stderr, /port is taken/);
    await run.stop('SIGTERM');
  });

  it('--help prints the flags', () => {
    const help = spawnSync(process.execPath, [SIM_CLI, '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    for (const flag of ['--port', '--host', '--state', '--api-key', '--seed', '--legacy-signatures']) assert.ok(help.stdout.includes(flag));
  });
});
