import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeAuthent } from '../../../src/core/signing';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import { StateDirectory } from '../../../src/simulator/persistence/stateDirectory';
import { openState, type CompactionStep } from '../../../src/simulator/persistence/stateStore';
import { nextNonce, publicRequest, signedRequest, T0 } from './simTestKit';

/**
 * What a `--state` directory keeps besides the account: the accepted-nonce high-water mark, so a
 * captured signed request cannot be replayed after a restart. A crash is simulated by copying the
 * state directory while the simulator still runs, right after an answer arrived: whatever that
 * copy holds is exactly what a `kill -9` at that moment would have left on disk.
 */

describe('simulator: state directory keeps nonces across restarts', function () {
  this.timeout(30_000);
  let root: string;
  const running: RunningSimulator[] = [];
  const start = async (stateDir: string): Promise<RunningSimulator> => {
    const sim = await startSimulator({ stateDir, clock: () => T0, tickIntervalMs: 60_000, rateLimits: false });
    running.push(sim);
    return sim;
  };
  const snapshotOf = (dir: string, name: string): string => {
    const copy = join(root, name);
    cpSync(dir, copy, { recursive: true });
    rmSync(join(copy, 'lock'), { force: true });
    return copy;
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'kfsim-nonces-'));
  });
  afterEach(async () => {
    for (const sim of running.splice(0)) await sim.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('refuses a replayed signed request after a crash and restart', async () => {
    const dir = join(root, 'state');
    const sim = await start(dir);
    const path = '/derivatives/api/v3/sendorder';
    const postData = 'orderType=lmt&symbol=PF_XBTUSD&side=buy&size=0.001&limitPrice=1000';
    const captured = { nonce: nextNonce(), authent: '' };
    captured.authent = computeAuthent(sim.secret, postData, captured.nonce, path);
    const first = await signedRequest(sim, 'POST', path, postData, captured);
    assert.equal(first.json.sendStatus.status, 'placed');
    const later = nextNonce();
    assert.equal((await signedRequest(sim, 'GET', '/derivatives/api/v3/accounts', '', { nonce: later })).json.result, 'success');

    const crashed = snapshotOf(dir, 'crashed');
    const again = await start(crashed);
    const replayed = await signedRequest(again, 'POST', path, postData, captured);
    assert.deepEqual([replayed.json.result, replayed.json.error], ['error', 'nonceBelowThreshold']);
    const sameAsHighest = await signedRequest(again, 'GET', '/derivatives/api/v3/accounts', '', { nonce: later });
    assert.deepEqual([sameAsHighest.json.result, sameAsHighest.json.error], ['error', 'nonceDuplicate']);
    const open = await signedRequest(again, 'GET', '/derivatives/api/v3/openorders');
    assert.equal(open.json.result, 'success', 'a fresh nonce is accepted');
    assert.equal(open.json.openOrders.length, 1, 'the replay placed no second order');
  });

  it('the mark survives a clean restart too, and public requests write nothing', async () => {
    const dir = join(root, 'state');
    let sim = await start(dir);
    const captured = nextNonce();
    assert.equal((await signedRequest(sim, 'GET', '/derivatives/api/v3/accounts', '', { nonce: captured })).json.result, 'success');
    const journal = join(dir, 'journal.jsonl');
    const size = readFileSync(journal).length;
    for (let i = 0; i < 5; i++) assert.equal((await publicRequest(sim, 'GET', '/derivatives/api/v3/tickers/PF_XBTUSD')).status, 200);
    assert.equal(readFileSync(journal).length, size, 'public requests add nothing to the journal');
    await sim.close();
    running.splice(running.indexOf(sim), 1);

    sim = await start(dir);
    const replay = await signedRequest(sim, 'GET', '/derivatives/api/v3/accounts', '', { nonce: captured });
    assert.equal(replay.json.error, 'nonceDuplicate');
  });
});

describe('simulator: state directory compaction (snapshot + fresh journal)', function () {
  this.timeout(60_000);
  let root: string;
  const running: RunningSimulator[] = [];
  const start = async (stateDir: string): Promise<RunningSimulator> => {
    const sim = await startSimulator({ stateDir, clock: () => T0, tickIntervalMs: 60_000, rateLimits: false, nonceWindow: 1000 });
    running.push(sim);
    return sim;
  };
  const copyOf = (dir: string, name: string): string => {
    const copy = join(root, name);
    cpSync(dir, copy, { recursive: true });
    rmSync(join(copy, 'lock'), { force: true });
    return copy;
  };
  const journalLines = (dir: string): number => readFileSync(join(dir, 'journal.jsonl'), 'utf8').split('\n').filter((l) => l !== '').length;
  const get = async (sim: RunningSimulator, path: string, query = ''): Promise<any> => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const answer = await signedRequest(sim, 'GET', path, query);
    assert.equal(answer.status, 200, answer.text);
    return answer.json;
  };
  /** What must be the same after any restart: open orders, balances, fills, history. */
  const view = async (sim: RunningSimulator): Promise<unknown> => ({
    open: (await get(sim, '/derivatives/api/v3/openorders')).openOrders,
    accounts: (await get(sim, '/derivatives/api/v3/accounts')).accounts,
    fills: (await get(sim, '/derivatives/api/v3/fills')).fills,
    positions: (await get(sim, '/derivatives/api/v3/openpositions')).openPositions,
    executions: (await get(sim, '/api/history/v3/executions', 'count=1000')).elements,
    log: (await get(sim, '/api/history/v3/account-log', 'count=1000')).logs,
  });
  const order = (sim: RunningSimulator, params: Record<string, string>) =>
    signedRequest(sim, 'POST', '/derivatives/api/v3/sendorder', new URLSearchParams(params).toString());

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'kfsim-compact-'));
  });
  afterEach(async () => {
    for (const sim of running.splice(0)) await sim.close();
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('a crash at any step of compaction loses nothing acknowledged and duplicates nothing', async () => {
    const dir = join(root, 'state');
    const sim = await start(dir);
    const placed: string[] = [];
    for (let i = 0; i < 60; i++) {
      const answer = i % 10 === 9
        ? await order(sim, { orderType: 'mkt', symbol: 'PF_ETHUSD', side: i % 20 === 9 ? 'buy' : 'sell', size: '0.01', cliOrdId: `m${i}` })
        : await order(sim, { orderType: 'lmt', symbol: 'PF_XBTUSD', side: 'buy', size: '0.001', limitPrice: String(1000 + i), cliOrdId: `c${i}` });
      assert.equal(answer.json.sendStatus.status, 'placed', answer.text);
      if (i % 10 !== 9) placed.push(answer.json.sendStatus.order_id);
    }
    for (const id of placed.filter((_, i) => i % 5 === 0)) {
      const answer = await signedRequest(sim, 'POST', '/derivatives/api/v3/cancelorder', `order_id=${id}`);
      assert.equal(answer.json.cancelStatus.status, 'cancelled');
    }
    const captured = nextNonce();
    assert.equal((await signedRequest(sim, 'GET', '/derivatives/api/v3/accounts', '', { nonce: captured })).json.result, 'success');
    const expected = await view(sim);
    assert.equal((expected as { open: unknown[] }).open.length, placed.length - Math.ceil(placed.length / 5));
    const crashed = copyOf(dir, 'crashed'); // what kill -9 right now would leave
    assert.ok(journalLines(crashed) > 60);

    const steps: Array<CompactionStep | 'none'> = ['snapshotWritten', 'snapshotRenamed', 'journalWritten', 'journalRenamed', 'none'];
    for (const crashAt of steps) {
      const copy = copyOf(crashed, `crash-${crashAt}`);
      const state = new StateDirectory(copy);
      const compact = () => openState(state, {
        seed: 1, now: T0, record: () => undefined,
        step: (s) => { if (s === crashAt) throw new Error(`crash at ${s}`); },
      });
      if (crashAt === 'none') compact();
      else assert.throws(compact, new RegExp(`crash at ${crashAt}`));

      const again = await start(copy);
      assert.ok(existsSync(join(copy, 'snapshot.json')));
      assert.equal(journalLines(copy), 1, 'the journal was started afresh');
      assert.deepEqual(await view(again), expected, `state after a crash at ${crashAt}`);
      const replay = await signedRequest(again, 'GET', '/derivatives/api/v3/accounts', '', { nonce: captured });
      assert.equal(replay.json.error, 'nonceBelowThreshold', 'the nonce mark is in the snapshot');

      // The fresh journal continues the snapshot: one more order, a kill -9 and a restart keep it, once.
      const extra = await order(again, { orderType: 'lmt', symbol: 'PF_XBTUSD', side: 'buy', size: '0.001', limitPrice: '999', cliOrdId: 'extra' });
      assert.equal(extra.json.sendStatus.status, 'placed');
      const killed = copyOf(copy, `crash-${crashAt}-again`);
      const third = await start(killed);
      const open = (await view(third) as { open: Array<{ order_id: string }> }).open.map((o) => o.order_id);
      assert.equal(open.length, (expected as { open: unknown[] }).open.length + 1);
      assert.equal(new Set(open).size, open.length, 'no order twice');
      assert.ok(open.includes(extra.json.sendStatus.order_id));
      for (const s of running.splice(0)) await s.close();
    }
  });

  it('restores exactly what replaying the journal gives, and a restart without changes does not rewrite it', async () => {
    const dir = join(root, 'plain');
    let sim = await start(dir);
    for (let i = 0; i < 5; i++) {
      assert.equal((await order(sim, { orderType: 'lmt', symbol: 'PF_ETHUSD', side: 'sell', size: '0.1', limitPrice: String(90_000 + i) })).json.sendStatus.status, 'placed');
    }
    assert.equal((await order(sim, { orderType: 'mkt', symbol: 'PF_XBTUSD', side: 'buy', size: '0.002' })).json.sendStatus.status, 'placed');
    const expected = await view(sim);
    const replayed = copyOf(dir, 'replayed');
    await sim.close();
    running.splice(0);

    sim = await start(dir); // compacts
    await sim.close();
    running.splice(0);
    const snapshot = readFileSync(join(dir, 'snapshot.json'), 'utf8');
    sim = await start(dir); // nothing new in the journal: nothing rewritten
    assert.ok(readFileSync(join(dir, 'snapshot.json'), 'utf8') === snapshot, 'the snapshot was rewritten without a change');
    assert.deepEqual(await view(sim), expected);

    // The journal-only copy (as written before compaction existed) still opens, and compacts.
    const old = await start(replayed);
    assert.deepEqual(await view(old), expected);
  });

  it('a crash between creating the journal and funding the account leaves a funded account on restart', async () => {
    const dir = join(root, 'unfunded');
    const sim = await start(dir);
    const funded = await view(sim);
    await sim.close();
    running.splice(0);
    const journal = join(dir, 'journal.jsonl');
    const header = readFileSync(journal, 'utf8').split('\n')[0];
    rmSync(join(dir, 'snapshot.json'), { force: true });
    writeFileSync(journal, header + '\n');
    const again = await start(dir);
    assert.deepEqual((await view(again) as { accounts: unknown }).accounts, (funded as { accounts: unknown }).accounts);
  });
});
