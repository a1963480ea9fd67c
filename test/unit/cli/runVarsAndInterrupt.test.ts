import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRunArgs } from '../../../src/cli/commands/runArgs';
import { UsageError } from '../../../src/cli/io';
import { KFREQ_BIN, ensureBuilt } from './builtKfreq';
import { kfreqAsync, ROOT } from './runHarness';

/**
 * `kfreq run --var name=value` (headless {{name}} values, file variables win) and Ctrl-C (stop
 * after the request in flight, summary, exit 130). The interrupt test has no timing in it: a
 * server started here holds the first answer until the CLI has said it saw the SIGINT.
 */

const BY_VARIABLE = `### Ticker
# @name ticker
# @assert body.ticker.symbol == {{symbol}}
GET /derivatives/api/v3/tickers/{{symbol}}
`;

const FILE_WINS = `@symbol = PF_XBTUSD

### Ticker
# @assert body.ticker.symbol == PF_XBTUSD
GET /derivatives/api/v3/tickers/{{symbol}}
`;

const THREE_READS = `### One
# @name one
GET /derivatives/api/v3/tickers

### Two
# @name two
GET /derivatives/api/v3/instruments

### Three
# @name three
GET /derivatives/api/v3/orderbook?symbol=PF_XBTUSD
`;

describe('cli: kfreq run --var and Ctrl-C (built bundle)', function () {
  this.timeout(120_000);
  let dir: string;
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  before(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'kfreq-run-var-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('--var', () => {
    it('supplies a {{name}} the file does not define, and the request uses it', async () => {
      const path = file('by-variable.kfreq', BY_VARIABLE);
      const run = await kfreqAsync(['run', path, '--var', 'symbol=PF_ETHUSD', '--json']);
      assert.equal(run.status, 0, run.stdout + run.stderr);
      const [line] = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { outcome: string; request?: { path?: string } });
      assert.equal(line?.outcome, 'passed');
      assert.match(JSON.stringify(line), /tickers\/PF_ETHUSD/);
      assert.doesNotMatch(run.stderr, /Unknown variable/);
    });

    it('without it the same file does not pass (the variable is really needed)', async () => {
      const path = file('by-variable.kfreq', BY_VARIABLE);
      const run = await kfreqAsync(['run', path]);
      assert.equal(run.status, 1, run.stdout + run.stderr);
      assert.match(run.stderr + run.stdout, /symbol/);
    });

    it('a file variable of the same name wins, with a note saying so', async () => {
      const path = file('file-wins.kfreq', FILE_WINS);
      const run = await kfreqAsync(['run', path, '--var', 'symbol=PF_ETHUSD']);
      assert.equal(run.status, 0, run.stdout + run.stderr);
      assert.match(run.stdout, /tickers\/PF_XBTUSD/);
      assert.match(run.stderr, /note: --var symbol: .*file-wins\.kfreq defines it as a file variable, which wins/);
    });

    it('refuses names that are not identifiers, a missing value and a repeated name (exit 2), never echoing the value', async () => {
      const path = file('by-variable.kfreq', BY_VARIABLE);
      for (const bad of [['1symbol=x'], ['sym bol=TOPSECRETVALUE'], ['$uuid=x'], ['symbol.x=x'], ['=x'], ['symbol'], ['symbol=a', 'symbol=b']]) {
        const run = await kfreqAsync(['run', path, ...bad.flatMap((v) => ['--var', v])]);
        assert.equal(run.status, 2, `${bad.join(' ')}: ${run.stderr}`);
        assert.match(run.stderr, /--var/);
        assert.equal(run.stdout, '');
        assert.ok(!run.stderr.includes('TOPSECRETVALUE'));
      }
    });

    it('parses repeated --var into one map (empty value allowed, "=" kept in the value)', () => {
      const args = readRunArgs(['f.kfreq', '--var', 'a=1', '--var', 'b_2=x=y', '--var', 'empty=']);
      assert.deepEqual({ ...args.variables }, { a: '1', b_2: 'x=y', empty: '' });
      assert.deepEqual({ ...readRunArgs(['f.kfreq']).variables }, {});
      assert.throws(() => readRunArgs(['f.kfreq', '--var', 'a-b.c=1']), UsageError);
    });
  });

  describe('Ctrl-C', () => {
    let server: Server;
    let baseUrl: string;
    const seen: string[] = [];
    let onRequest: (req: IncomingMessage, res: ServerResponse) => void = () => undefined;

    before(async () => {
      server = createServer((req, res) => {
        seen.push(req.url ?? '');
        onRequest(req, res);
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => new Promise<void>((done) => server.close(() => done())));

    it('on SIGINT finishes the request in flight, sends no more, prints the summary and exits 130', async () => {
      const path = file('three.kfreq', THREE_READS);
      const answer = (res: ServerResponse) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ result: 'success', tickers: [], serverTime: '2026-01-01T00:00:00.000Z' }));
      };
      const child = spawn(process.execPath, [KFREQ_BIN, 'run', path, '--base-url', baseUrl, '--env', 'held'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      let held: ServerResponse | undefined;
      const release = () => {
        if (held && /interrupted; stopping after the request in flight/.test(stderr)) {
          answer(held);
          held = undefined;
        }
      };
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
        release();
      });
      // The first request is held open; only then is the CLI interrupted, and the answer goes out
      // once the CLI has acknowledged the interrupt, so the order of events is fixed.
      onRequest = (_req, res) => {
        if (seen.length === 1) {
          held = res;
          child.kill('SIGINT');
        } else answer(res);
      };
      const status = await new Promise<number | null>((done, fail) => {
        child.on('error', fail);
        child.on('close', done);
      });
      assert.equal(status, 130, stdout + stderr);
      assert.deepEqual(seen, ['/derivatives/api/v3/tickers'], 'only the request in flight reached the server');
      assert.match(stdout, /#1 one +GET \/derivatives\/api\/v3\/tickers +→ 200/, 'the request in flight finished and was reported');
      assert.match(stdout, /1 request: 1 passed, 0 not passed · 1 file/);
      assert.match(stderr, /interrupted: 1 request ran, 2 not sent/);
    });
  });
});
