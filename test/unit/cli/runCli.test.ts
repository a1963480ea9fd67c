import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fingerprint } from '../../../src/core/signing';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import { KFREQ_BIN, ensureBuilt } from './builtKfreq';
import { jsonLines, kfreqAsync, parseJunit, runOutputs } from './runHarness';

/**
 * `kfreq run` end to end: the built bundle as a child process against a simulator started here
 * (passed with --base-url and credentials in the environment) and against the one the CLI starts
 * in-process for `--env local`.
 */

const GREEN = `@symbol = PF_XBTUSD

### Ticker
# @name ticker
# @assert status == 200
# @assert body.ticker.symbol == {{symbol}}
GET /derivatives/api/v3/tickers/{{symbol}}

### Positions
# @name positions
GET /derivatives/api/v3/openpositions

### Place
# @name placed
POST /derivatives/api/v3/sendorder
orderType = lmt
symbol = {{symbol}}
side = buy
size = 0.001
limitPrice = 50000

### Cancel
# @name cancelled
POST /derivatives/api/v3/cancelorder
order_id = {{placed.response.body.sendStatus.order_id}}
`;

const FAILING = `### Too small
# @name tiny
POST /derivatives/api/v3/sendorder
orderType = lmt
symbol = PF_XBTUSD
side = buy
size = 0.00001
limitPrice = 50000

### Expects an error
# @name expectsError
# @assert body.result == error
GET /derivatives/api/v3/tickers

### Pinned
# @name pinned
# @env demo
GET /derivatives/api/v3/instruments
`;

/** Line 5 column 10 is the unclosed `{{`. */
const MALFORMED = 'GET /derivatives/api/v3/tickers\n\n###\nPOST /derivatives/api/v3/sendorder\nsymbol = {{\nside = buy\n';

describe('cli: kfreq run (built bundle, simulator)', function () {
  this.timeout(120_000);
  let dir: string;
  let sim: RunningSimulator;
  const simLog: string[] = [];
  const wrongSecret = randomBytes(64).toString('base64');
  let files: { green: string; failing: string; malformed: string };
  let credentials: Record<string, string>;
  const againstSim = () => ['--base-url', sim.baseUrl];

  before(async () => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'kfreq-run-'));
    files = { green: join(dir, 'green.kfreq'), failing: join(dir, 'failing.kfreq'), malformed: join(dir, 'malformed.kfreq') };
    writeFileSync(files.green, GREEN);
    writeFileSync(files.failing, FAILING);
    writeFileSync(files.malformed, MALFORMED);
    sim = await startSimulator({ log: (line) => simLog.push(line) });
    credentials = { KRAKEN_FUTURES_API_KEY: sim.apiKey, KRAKEN_FUTURES_API_SECRET: sim.secret };
  });
  after(async () => {
    await sim?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('help', () => {
    it('kfreq --help lists run with what it is for', async () => {
      const run = await kfreqAsync(['--help']);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /run .kfreq request files headless/);
      assert.match(run.stdout, /\n {2}run\s+send the requests of .kfreq files headless/);
    });

    it('kfreq run --help documents every option, the exit codes and where credentials come from', async () => {
      const run = await kfreqAsync(['run', '--help']);
      assert.equal(run.status, 0);
      for (const option of ['--env', '--base-url', '--live', '--environments', '--name', '--json', '--junit', '--verbose', '--allow-live', '--max-notional', '--secret-file', '--api-key-file']) {
        assert.ok(run.stdout.includes(option), `help mentions ${option}`);
      }
      assert.match(run.stdout, /Exit status:\n {2}0 .*\n[\s\S]* {2}1 [\s\S]* {2}2 /);
      assert.match(run.stdout, /KRAKEN_FUTURES_API_KEY and KRAKEN_FUTURES_API_SECRET/);
      assert.equal((await kfreqAsync(['help', 'run'])).stdout, run.stdout);
    });
  });

  describe('runs', () => {
    it('a green run against the in-process simulator (--env local, no credentials) exits 0', async () => {
      const run = await kfreqAsync(['run', files.green]);
      assert.equal(run.status, 0, run.stdout + run.stderr);
      assert.match(run.stdout, /^kfreq run · local · in-process simulator http:\/\/127\.0\.0\.1:\d+ · key \S+…\S+#[0-9a-f]{6}\n/);
      for (const name of ['ticker', 'positions', 'placed', 'cancelled']) assert.match(run.stdout, new RegExp(`PASS +#\\d ${name} +(GET|POST) /derivatives/api/v3/\\S+ +→ 200 OK in \\d+ ms`));
      assert.match(run.stdout, /"status":"placed"/, 'a compact body follows each request');
      assert.match(run.stdout, /ok {3}@assert body\.ticker\.symbol == PF_XBTUSD/);
      assert.match(run.stdout, /4 requests: 4 passed, 0 not passed · 2\/2 checks passed · 1 file/);
    });

    it('a green run against a given simulator (--base-url, credentials from the environment) reaches it', async () => {
      const before = simLog.length;
      const run = await kfreqAsync(['run', files.green, ...againstSim()], credentials);
      assert.equal(run.status, 0, run.stdout + run.stderr);
      assert.ok(run.stdout.includes(`key ${fingerprint(sim.apiKey)}`));
      assert.ok(!run.stdout.includes(sim.apiKey), 'the key appears only as a fingerprint');
      const sent = simLog.slice(before).filter((l) => l.includes('/derivatives/api/v3/'));
      assert.equal(sent.length, 4, sent.join('\n'));
    });

    it('a failing run exits 1 and says why each request did not pass, with its location', async () => {
      const run = await kfreqAsync(['run', files.failing, ...againstSim()], credentials);
      assert.equal(run.status, 1, run.stdout + run.stderr);
      assert.match(run.stdout, /FAIL +#1 tiny +POST \/derivatives\/api\/v3\/sendorder +→ 200 OK/);
      assert.match(run.stdout, /sendStatus\.status = invalidSize\n {6}hint: The size is not valid/);
      assert.match(run.stdout, /FAIL @assert body\.result == error: found "success"/);
      assert.match(run.stdout, /REFUSED #3 pinned[\s\S]*pinned to environment `demo`/);
      assert.ok(run.stdout.includes(`at ${files.failing}:3:1`));
      assert.match(run.stdout, /3 requests: 0 passed, 3 not passed/);
    });

    it('--name runs only the named requests; an unknown name exits 2 and lists the known ones', async () => {
      const run = await kfreqAsync(['run', files.green, '--name', 'positions', ...againstSim()], credentials);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /1 request: 1 passed/);
      const unknown = await kfreqAsync(['run', files.green, '--name', 'nope', ...againstSim()], credentials);
      assert.equal(unknown.status, 2);
      assert.match(unknown.stderr, /no request is named 'nope'.*named requests: ticker, positions, placed, cancelled/);
    });
  });

  describe('machine-readable output', () => {
    it('--json prints one parseable line per request with the verdict and the signature trace', async () => {
      const run = await kfreqAsync(['run', files.green, '--json', ...againstSim()], credentials);
      assert.equal(run.status, 0, run.stderr);
      const lines = jsonLines(run.stdout);
      assert.deepEqual(lines.map((l) => l.name), ['ticker', 'positions', 'placed', 'cancelled']);
      assert.ok(lines.every((l) => l.ok === true && l.outcome === 'passed' && (l.http as { status: number }).status === 200));
      const placed = lines[2] as { body: { sendStatus: { status: string } }; signature: { keyFingerprint: string; steps: { id: string }[] }; kraken: { ok: boolean } };
      assert.equal(placed.body.sendStatus.status, 'placed');
      assert.equal(placed.kraken.ok, true);
      assert.equal(placed.signature.keyFingerprint, fingerprint(sim.apiKey));
      assert.deepEqual(placed.signature.steps.map((s) => s.id).slice(0, 4), ['postData', 'nonce', 'endpointPath', 'message']);
      assert.equal(lines[0]!.signature, null, 'a public request is not signed');
      assert.equal((lines[0]!.asserts as unknown[]).length, 2);
      assert.ok(!run.stdout.includes(sim.apiKey));
      assert.match(run.stderr, /4 requests: 4 passed/, 'the summary goes to stderr, keeping stdout one line per request');
    });

    it('--junit writes a report with requests and @assert checks as test cases', async () => {
      const report = join(dir, 'report.xml');
      const run = await kfreqAsync(['run', files.green, files.failing, '--junit', report, ...againstSim()], credentials);
      assert.equal(run.status, 1, run.stderr);
      const junit = parseJunit(readFileSync(report, 'utf8'));
      assert.equal(junit.suites.length, 2);
      assert.deepEqual([junit.totals.tests, junit.totals.failures, junit.totals.errors, junit.totals.skipped], ['10', '4', '0', '0']);
      const byName = (fragment: string) => junit.cases.find((c) => c.name.includes(fragment));
      assert.equal(byName('#1 ticker @assert status == 200')?.result, undefined);
      assert.equal(byName('#2 expectsError @assert body.result == error')?.result, 'failure');
      assert.match(byName('#2 expectsError @assert')?.message ?? '', /found "success"/);
      assert.equal(byName('#3 pinned')?.result, 'failure');
      assert.equal(byName('#1 tiny')?.classname, files.failing);
    });
  });

  describe('live safety', () => {
    const ORDERS = `### Mark
GET /derivatives/api/v3/tickers/PF_XBTUSD

### Small
# @name small
POST /derivatives/api/v3/sendorder
orderType = lmt
symbol = PF_XBTUSD
side = buy
size = 0.0005
limitPrice = 50000

### Big
# @name big
POST /derivatives/api/v3/sendorder
orderType = lmt
symbol = PF_XBTUSD
side = buy
size = 0.01
limitPrice = 50000
`;
    let orders: string;
    before(() => {
      orders = join(dir, 'orders.kfreq');
      writeFileSync(orders, ORDERS);
    });
    const sentSince = (from: number, fragment = '/derivatives/') => simLog.slice(from).filter((l) => l.includes(fragment));

    it('refuses a custom environment marked --live without --allow-live: exit 2 and nothing reaches the server', async () => {
      const from = simLog.length;
      const run = await kfreqAsync(['run', orders, '--env', 'staging', '--live', ...againstSim()], credentials);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /refusing to run against the live environment 'staging' \(http:\/\/127\.0\.0\.1:\d+\): --live was given\. Nothing was sent \(3 requests selected\)/);
      assert.equal(run.stdout, '');
      assert.deepEqual(sentSince(from), []);
    });

    it('refuses an environment marked live in kfreq.environments.json, and any Kraken production host', async () => {
      const from = simLog.length;
      writeFileSync(join(dir, 'kfreq.environments.json'), JSON.stringify([{ name: 'Prod-like', id: 'prodlike', baseUrl: sim.baseUrl, isLive: true }]));
      const marked = await kfreqAsync(['run', orders, '--env', 'prodlike'], credentials, dir);
      assert.equal(marked.status, 2);
      assert.match(marked.stderr, /'prodlike' \(http:\/\/127\.0\.0\.1:\d+\): it is marked live in kfreq\.environments\.json/);
      const production = await kfreqAsync(['run', orders, '--base-url', 'https://api.futures.kraken.com'], credentials);
      assert.equal(production.status, 2);
      assert.match(production.stderr, /api\.futures\.kraken\.com is a Kraken production host/);
      assert.deepEqual(sentSince(from), []);
    });

    it('with --allow-live but no --max-notional, reads pass and every order is refused unsent (exit 1)', async () => {
      const from = simLog.length;
      const run = await kfreqAsync(['run', orders, '--env', 'staging', '--live', '--allow-live', ...againstSim()], credentials);
      assert.equal(run.status, 1, run.stdout + run.stderr);
      assert.match(run.stdout, /PASS +#1/);
      assert.match(run.stdout, /REFUSED #2 small[\s\S]*--max-notional is not set/);
      assert.match(run.stdout, /REFUSED #3 big/);
      assert.deepEqual(sentSince(from, 'sendorder'), []);
    });

    it('with --max-notional, an order within the cap at the mark price is sent and one above it is not', async () => {
      const from = simLog.length;
      const run = await kfreqAsync(['run', orders, '--env', 'staging', '--live', '--allow-live', '--max-notional', '100', ...againstSim()], credentials);
      assert.equal(run.status, 1, run.stdout + run.stderr);
      assert.match(run.stdout, /PASS +#2 small/);
      assert.match(run.stdout, /REFUSED #3 big[\s\S]*BUY 0\.01 PF_XBTUSD has a notional of [\d,.]+ USD at mark price [\d,.]+, above --max-notional 100/);
      assert.equal(sentSince(from, 'sendorder').length, 1);
    });
  });

  describe('credentials and bad input', () => {
    it('a wrong secret fails with the signature doctor\'s diagnosis (exit 1)', async () => {
      const run = await kfreqAsync(['run', files.green, '--name', 'positions', ...againstSim()], { KRAKEN_FUTURES_API_KEY: sim.apiKey, KRAKEN_FUTURES_API_SECRET: wrongSecret });
      assert.equal(run.status, 1, run.stdout + run.stderr);
      assert.match(run.stdout, /FAIL +#2 positions[\s\S]*result = error: authenticationError/);
      assert.match(run.stdout, /authenticationError: the secret does not match the API key/);
      assert.match(run.stdout, /signature doctor: correct/);
    });

    it('a malformed file exits 2 with file:line:col of each error and sends nothing', async () => {
      const from = simLog.length;
      const run = await kfreqAsync(['run', files.green, files.malformed, ...againstSim()], credentials);
      assert.equal(run.status, 2);
      assert.ok(run.stderr.includes(`${files.malformed}:5:10: error: Unclosed variable reference`), run.stderr);
      assert.match(run.stderr, /1 syntax error; fix it first\. Nothing was sent\./);
      assert.equal(run.stdout, '');
      assert.deepEqual(simLog.slice(from), []);
    });

    it('reads the key pair from --api-key-file and --secret-file', async () => {
      const keyFile = join(dir, 'key');
      const secretFile = join(dir, 'secret');
      writeFileSync(keyFile, `${sim.apiKey}\n`);
      writeFileSync(secretFile, `${sim.secret}\n`);
      chmodSync(secretFile, 0o600);
      const run = await kfreqAsync(['run', files.green, '--name', 'positions', '--api-key-file', keyFile, '--secret-file', secretFile, ...againstSim()]);
      assert.equal(run.status, 0, run.stdout + run.stderr);
      assert.equal(run.stderr, '');
    });

    it('never takes a secret from an argument, and does not repeat one typed by mistake', async () => {
      const asOption = await kfreqAsync(['run', files.green, '--secret', sim.secret]);
      assert.equal(asOption.status, 2);
      assert.match(asOption.stderr, /never accepted as an argument/);
      const asFile = await kfreqAsync(['run', sim.secret]);
      assert.equal(asFile.status, 2);
      assert.match(asFile.stderr, /not shown: request files end in \.kfreq/);
      const halfPair = await kfreqAsync(['run', files.green], { KRAKEN_FUTURES_API_KEY: sim.apiKey });
      assert.equal(halfPair.status, 2);
      assert.match(halfPair.stderr, /no API secret: set KRAKEN_FUTURES_API_SECRET/);
    });

    it('--verbose adds the wire request and the signature trace, with the key as a fingerprint', async () => {
      const run = await kfreqAsync(['run', files.green, '--name', 'positions', '--verbose', ...againstSim()], credentials);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /request {2}GET \/derivatives\/api\/v3\/openpositions HTTP\/1\.1/);
      assert.ok(run.stdout.includes(`APIKey: ${fingerprint(sim.apiKey)}`));
      assert.match(run.stdout, /message = postData \+ nonce \+ endpointPath\n\s+\d+\/api\/v3\/openpositions/);
      assert.match(run.stdout, /HMAC key = base64-decoded secret\n\s+64 bytes \(secret#[0-9a-f]{8}\)/);
    });
  });

  describe('the secret never appears', () => {
    it('in any stdout, stderr or JUnit report of this suite', () => {
      const report = readFileSync(join(dir, 'report.xml'), 'utf8');
      assert.ok(runOutputs.length >= 30, 'the sweep covers the runs above');
      for (const secret of [sim.secret, wrongSecret]) {
        // Any 16-character run of it, so a truncated or re-wrapped secret is caught too.
        const pieces = Array.from({ length: secret.length - 15 }, (_, i) => secret.slice(i, i + 16));
        for (const output of [...runOutputs, report]) assert.ok(!pieces.some((piece) => output.includes(piece)), 'a secret (or part of it) was printed');
      }
    });

    it('and the bundle loads no VS Code module (the CLI runs where no editor is installed)', () => {
      assert.doesNotMatch(readFileSync(KFREQ_BIN, 'utf8'), /require\("vscode"\)/);
    });
  });
});
