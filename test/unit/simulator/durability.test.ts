import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KrakenFuturesClient } from '../../../src/core/client';
import { ensureSimulatorBuilt, SIM_CLI as CLI } from './builtSimulator';
import { nextNonce } from './simTestKit';

/**
 * Crash and restart: the built CLI runs as a child process with --state, is killed with SIGKILL
 * while requests are in flight, and is started again on the same directory. Every acknowledged
 * order must be there, none twice, and positions must match the fills.
 */


interface Child {
  readonly process: ChildProcess;
  readonly client: KrakenFuturesClient;
  readonly output: string;
}

/** Every child started, so a failing test does not leave one running. */
const children = new Set<ChildProcess>();

function startChild(stateDir: string): Promise<Child> {
  const child = spawn(process.execPath, [CLI, '--port', '0', '--state', stateDir, '--nonce-window', '1000', '--no-rate-limits'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, KRAKEN_FUTURES_SIM_SECRET: '' },
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the simulator did not start:\n${output}`)), 15_000);
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
      const url = /listening on (\S+)/.exec(output)?.[1];
      const apiKey = /api key: (\S+)/.exec(output)?.[1];
      const secretFile = /api secret written to (\S+)/.exec(output)?.[1];
      if (!url || !apiKey || !secretFile || !output.includes('state:')) return;
      clearTimeout(timer);
      const secret = readFileSync(secretFile, 'utf8').trim();
      assert.ok(!output.includes(secret), 'the CLI must never print the secret');
      assert.equal(statSync(secretFile).mode & 0o777, 0o600);
      const client = new KrakenFuturesClient({ baseUrl: url, credentials: { apiKey, secret }, retry: { limit: 0, backoffMs: 1 }, nonce: { next: () => nextNonce() }, timeoutMs: 5000 });
      resolve({ process: child, client, output });
    });
    child.on('exit', (code) => reject(new Error(`the simulator exited (${code}):\n${output}`)));
  });
}

function kill9(child: Child): Promise<void> {
  return new Promise((resolve) => {
    child.process.once('exit', () => resolve());
    child.process.kill('SIGKILL');
  });
}

describe('simulator: durability across kill -9 (child process)', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    ensureSimulatorBuilt();
    dir = mkdtempSync(join(tmpdir(), 'kfsim-durable-'));
  });
  afterEach(() => {
    for (const child of children) child.kill('SIGKILL');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('loses no acknowledged order, fill or cancel, and duplicates none', async () => {
    const acknowledged = new Map<string, string>(); // cliOrdId -> order_id
    const cancelled = new Set<string>();
    const cancelAttempted = new Set<string>();
    let filledBuys = 0;

    let child = await startChild(dir);
    const bid = (await child.client.ticker('PF_ETHUSD')).bid!;
    // Far below the market, so no resting order fills while the test runs.
    const price = (i: number) => Number((bid * 0.9 - (i % 40) * 0.1).toFixed(1));

    for (let round = 0; round < 2; round++) {
      // A burst of concurrent orders; the process dies once half of them have been answered.
      const total = 60;
      let answered = 0;
      let killed: Promise<void> | null = null;
      const work = Array.from({ length: total }, async (_, i) => {
        const cliOrdId = `r${round}-o${i}`;
        try {
          if (i % 10 === 9) {
            const s = await child.client.sendOrder({ orderType: 'mkt', symbol: 'PF_ETHUSD', side: 'buy', size: 0.01, cliOrdId });
            if (s.status === 'placed') filledBuys += 1;
          } else {
            const s = await child.client.sendOrder({ orderType: 'lmt', symbol: 'PF_ETHUSD', side: 'buy', size: 0.01, limitPrice: price(i), cliOrdId });
            assert.equal(s.status, 'placed');
            acknowledged.set(cliOrdId, s.order_id!);
            if (i % 7 === 0) {
              cancelAttempted.add(cliOrdId);
              const c = await child.client.cancelOrder({ cliOrdId });
              if (c.status === 'cancelled') cancelled.add(cliOrdId);
            }
          }
        } catch {
          // Not answered before the kill: it may or may not have happened, and that is allowed.
        }
        answered += 1;
        if (answered === total / 2) killed = kill9(child);
      });
      await Promise.all(work);
      await killed;

      child = await startChild(dir);
      // The restart compacted: the state is in the snapshot and the journal starts afresh.
      assert.ok(existsSync(join(dir, 'snapshot.json')), 'a snapshot was written on start');
      assert.ok(readFileSync(join(dir, 'journal.jsonl'), 'utf8').split('\n').length <= 3, 'the journal was started afresh');
      const open = await child.client.openOrders();
      const openIds = open.map((o) => o.order_id);
      assert.equal(new Set(openIds).size, openIds.length, 'an order appears twice');
      const openClis = open.map((o) => o.cliOrdId);
      assert.equal(new Set(openClis).size, openClis.length, 'a cliOrdId appears twice');
      for (const [cli, id] of acknowledged) {
        if (cancelled.has(cli)) assert.ok(!openIds.includes(id), `${cli} was cancelled and acknowledged, yet is open again`);
        else if (!cancelAttempted.has(cli)) assert.ok(openIds.includes(id), `acknowledged order ${cli} was lost`);
      }

      const fills = await child.client.fills();
      const fillIds = fills.map((f) => f.fill_id);
      assert.equal(new Set(fillIds).size, fillIds.length, 'a fill appears twice');
      const bought = Number(fills.reduce((sum, f) => sum + (f.side === 'buy' ? f.size : -f.size), 0).toFixed(3));
      const position = (await child.client.openPositions()).find((p) => p.symbol === 'PF_ETHUSD');
      assert.equal(position?.size ?? 0, bought, 'the position matches the fills');
      assert.ok(bought >= Number((filledBuys * 0.01).toFixed(3)) - 1e-9, 'an acknowledged fill was lost');
    }
    await kill9(child);
    const journal = readFileSync(join(dir, 'journal.jsonl'), 'utf8');
    assert.ok(journal.endsWith('\n'));
  });

  it('a torn last line (power cut mid-write) is dropped on start, the rest replays', async () => {
    const child = await startChild(dir);
    const before = (await child.client.openOrders()).length;
    await kill9(child);
    const path = join(dir, 'journal.jsonl');
    const { appendFileSync } = await import('node:fs');
    appendFileSync(path, '{"e":[{"k":"orderOpened","t":1,"order":{"orderId":"torn');
    const again = await startChild(dir);
    assert.equal((await again.client.openOrders()).length, before);
    await kill9(again);
    assert.ok(readFileSync(path, 'utf8').endsWith('\n'), 'the torn tail was cut off');
  });
});
