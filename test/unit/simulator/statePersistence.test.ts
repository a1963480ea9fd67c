import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeAuthent } from '../../../src/core/signing';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
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
