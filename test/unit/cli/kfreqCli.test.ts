import { strict as assert } from 'node:assert';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fingerprint } from '../../../src/core/signing';
import { DOCS_API_KEY, DOCS_REST_EXAMPLE_SECRET, NEGATIVE_VECTORS, REST_VECTORS, SECRET_A } from '../signing/vectors';
import { allOutputs, ensureBuilt, runKfreq } from './builtKfreq';

const R3 = REST_VECTORS.find((v) => v.name.startsWith('R3'))!;
const R4 = REST_VECTORS.find((v) => v.name.startsWith('R4 GET fills, new'))!;
const R4_LEGACY = REST_VECTORS.find((v) => v.name.startsWith('R4 GET fills, legacy'))!;
const R7 = REST_VECTORS.find((v) => v.name.startsWith('R7'))!;
const SECRET_ENV = { KRAKEN_FUTURES_API_SECRET: SECRET_A };
const R3_ARGS = ['--path', R3.path, '--post-data', R3.postData, '--nonce', R3.nonce];

function assertUsageError(run: { status: number | null; stdout: string; stderr: string }, pattern: RegExp): void {
  assert.equal(run.status, 2, `exit 2 expected; stderr: ${run.stderr}`);
  assert.match(run.stderr, pattern);
  assert.equal(run.stdout, '');
}

describe('cli: kfreq (built bundle)', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'kfreq-test-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('help', () => {
    it('kfreq --help lists the commands', () => {
      const run = runKfreq(['--help']);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /Usage: kfreq <command>/);
      assert.match(run.stdout, /sign\s+compute the Authent/);
      assert.match(run.stdout, /doctor\s+name the mistake/);
    });

    for (const command of ['sign', 'doctor']) {
      it(`kfreq ${command} --help explains options and where the secret comes from`, () => {
        const run = runKfreq([command, '--help']);
        assert.equal(run.status, 0);
        assert.match(run.stdout, new RegExp(`Usage: kfreq ${command} --path`));
        assert.match(run.stdout, /KRAKEN_FUTURES_API_SECRET/);
        assert.match(run.stdout, /--secret-file/);
        assert.deepEqual(runKfreq(['help', command]).stdout, run.stdout);
      });
    }

    it('an unknown command exits 2 and lists the commands', () => {
      assertUsageError(runKfreq(['frobnicate']), /unknown command 'frobnicate'.*sign, doctor/);
    });
  });

  describe('sign', () => {
    it('prints the trace and the Authent for R3', () => {
      const run = runKfreq(['sign', ...R3_ARGS, '--api-key', DOCS_API_KEY], SECRET_ENV);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, new RegExp(`Authent: ${R3.authent.replace(/[+/]/g, '\\$&')}\\n$`));
      assert.ok(run.stdout.includes(R3.message!));
      assert.ok(run.stdout.includes(R3.sha256Hex));
      assert.ok(run.stdout.includes(fingerprint(DOCS_API_KEY)));
      assert.ok(!run.stdout.includes(DOCS_API_KEY), 'the key is shown as a fingerprint only');
    });

    it('--json gives one object with the documented fields', () => {
      const run = runKfreq(['sign', ...R3_ARGS, '--json'], { ...SECRET_ENV, KRAKEN_FUTURES_API_KEY: DOCS_API_KEY });
      assert.equal(run.status, 0, run.stderr);
      const out = JSON.parse(run.stdout);
      assert.equal(out.authent, R3.authent);
      assert.equal(out.endpointPath, R3.endpointPath);
      assert.equal(out.message, R3.message);
      assert.equal(out.sha256Hex, R3.sha256Hex);
      assert.equal(out.apiKey, fingerprint(DOCS_API_KEY));
      assert.equal(out.headers.Nonce, R3.nonce);
      assert.deepEqual(out.steps.map((s: { id: string }) => s.id).slice(0, 4), ['postData', 'nonce', 'endpointPath', 'message']);
    });

    it('takes postData from the query of a full URL and says so', () => {
      const run = runKfreq(['sign', '--path', `https://futures.kraken.com${R4.path}?${R4.postData}`, '--nonce', R4.nonce, '--json'], SECRET_ENV);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(JSON.parse(run.stdout).authent, R4.authent);
      assert.match(run.stderr, /took postData from the query string of --path/);
    });

    it('signs a history path without stripping it (R7)', () => {
      const run = runKfreq(['sign', '--path', R7.path, '--post-data', R7.postData, '--nonce', R7.nonce, '--json'], SECRET_ENV);
      assert.equal(JSON.parse(run.stdout).authent, R7.authent);
    });

    it('reads the secret from --secret-file (one trailing newline allowed) and warns if others can read it', () => {
      const file = join(dir, 'secret');
      writeFileSync(file, `${SECRET_A}\n`);
      chmodSync(file, 0o600);
      const run = runKfreq(['sign', ...R3_ARGS, '--secret-file', file, '--json']);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(JSON.parse(run.stdout).authent, R3.authent);
      assert.equal(run.stderr, '');
      chmodSync(file, 0o644);
      assert.match(runKfreq(['sign', ...R3_ARGS, '--secret-file', file]).stderr, /can be read by other users; restrict it with 'chmod 600/);
    });

    it('--nonce auto makes a clock-based nonce and signs it', () => {
      const run = runKfreq(['sign', '--path', '/derivatives/api/v3/openpositions', '--nonce', 'auto', '--json'], SECRET_ENV);
      const out = JSON.parse(run.stdout);
      assert.match(out.nonce, /^\d{16}$/);
      assert.equal(out.message, `${out.nonce}/api/v3/openpositions`);
    });
  });

  describe('doctor', () => {
    it('names the mistake from a §9.5 value and exits 1', () => {
      const kept = NEGATIVE_VECTORS.find((n) => n.mistake === 'derivatives-kept')!;
      const run = runKfreq(['doctor', ...R3_ARGS, '--authent', kept.value], SECRET_ENV);
      assert.equal(run.status, 1);
      assert.match(run.stdout, /mistake\s+derivatives-kept/);
      assert.match(run.stdout, /fix\s+Remove the leading '\/derivatives'/);
    });

    it('--json reports a stable mistake id (decoded-postdata for the R4 legacy value)', () => {
      const run = runKfreq(['doctor', '--path', R4.path, '--post-data', R4.postData, '--nonce', R4.nonce, '--authent', R4_LEGACY.authent, '--json'], SECRET_ENV);
      assert.equal(run.status, 1);
      const out = JSON.parse(run.stdout);
      assert.equal(out.verdict, 'mistake-found');
      assert.equal(out.mistake, 'decoded-postdata');
    });

    it('says a correct value is correct (mistake null, exit 0)', () => {
      const run = runKfreq(['doctor', ...R3_ARGS, '--authent', R3.authent, '--json'], SECRET_ENV);
      assert.equal(run.status, 0);
      const out = JSON.parse(run.stdout);
      assert.equal(out.verdict, 'correct');
      assert.equal(out.mistake, null);
    });

    it('flags the header name with --header-name', () => {
      const run = runKfreq(['doctor', ...R3_ARGS, '--authent', R3.authent, '--header-name', 'Authentification', '--json'], SECRET_ENV);
      assert.equal(JSON.parse(run.stdout).mistake, 'wrong-header-name');
    });

    it('lists what to compare when nothing matches', () => {
      const run = runKfreq(['doctor', ...R3_ARGS, '--authent', 'AAAA'], SECRET_ENV);
      assert.equal(run.status, 1);
      assert.match(run.stdout, /no known mistake matches/);
      assert.match(run.stdout, /Compare these with the values in your code/);
      assert.ok(run.stdout.includes(R3.sha256Hex));
    });

    it('requires --authent', () => {
      assertUsageError(runKfreq(['doctor', ...R3_ARGS], SECRET_ENV), /--authent is required/);
    });
  });

  describe('bad input exits 2 with a clear message', () => {
    it('rejects --secret, explaining why', () => {
      assertUsageError(runKfreq(['sign', ...R3_ARGS, '--secret', SECRET_A], SECRET_ENV), /never accepted as an argument: arguments are visible/);
      assertUsageError(runKfreq(['doctor', ...R3_ARGS, `--secret=${SECRET_A}`, '--authent', 'x']), /never accepted as an argument/);
    });

    it('does not echo a stray argument (it might be a secret)', () => {
      assertUsageError(runKfreq(['sign', ...R3_ARGS, SECRET_A], SECRET_ENV), /unexpected argument \(not shown/);
    });

    it('reports a missing secret', () => {
      assertUsageError(runKfreq(['sign', ...R3_ARGS]), /no API secret: set KRAKEN_FUTURES_API_SECRET or pass --secret-file/);
      assertUsageError(runKfreq(['sign', ...R3_ARGS, '--secret-file', join(dir, 'missing')]), /no such file/);
    });

    it('reports malformed secrets with the specific problem', () => {
      assertUsageError(runKfreq(['sign', ...R3_ARGS], { KRAKEN_FUTURES_API_SECRET: `${SECRET_A} ` }), /trailing space/);
      assertUsageError(runKfreq(['sign', ...R3_ARGS], { KRAKEN_FUTURES_API_SECRET: DOCS_REST_EXAMPLE_SECRET }), /example secret from Kraken's REST guide/);
      assertUsageError(runKfreq(['sign', ...R3_ARGS], { KRAKEN_FUTURES_API_SECRET: SECRET_A.replace(/\+/g, '-').replace(/\//g, '_') }), /base64url/);
      const file = join(dir, 'wrapped');
      writeFileSync(file, `${SECRET_A.slice(0, 44)}\n${SECRET_A.slice(44)}\n`, { mode: 0o600 });
      assertUsageError(runKfreq(['sign', ...R3_ARGS, '--secret-file', file]), /line break at position 45/);
    });

    it('rejects a nonce that is not digits', () => {
      assertUsageError(runKfreq(['sign', '--path', R3.path, '--nonce', '12:30'], SECRET_ENV), /--nonce must contain digits only/);
    });

    it('rejects a path that is neither /path nor an http(s) URL', () => {
      assertUsageError(runKfreq(['sign', '--path', 'api/v3/openpositions'], SECRET_ENV), /must be the request path starting with '\/'/);
      assertUsageError(runKfreq(['sign', '--path', 'ftp://futures.kraken.com/x'], SECRET_ENV), /starting with '\/'/);
      assertUsageError(runKfreq(['sign'], SECRET_ENV), /--path is required/);
    });

    it('rejects parameters in both the URL and --post-data, unknown options and methods, and a bad key', () => {
      assertUsageError(runKfreq(['sign', '--path', `${R3.path}?a=1`, '--post-data', 'b=2'], SECRET_ENV), /put all parameters in one place/);
      assertUsageError(runKfreq(['sign', ...R3_ARGS, '--verbose'], SECRET_ENV), /unknown option '--verbose'/);
      assertUsageError(runKfreq(['sign', ...R3_ARGS, '--method', 'PATCH'], SECRET_ENV), /GET, POST, PUT or DELETE/);
      assertUsageError(runKfreq(['sign', ...R3_ARGS, '--api-key', `${DOCS_API_KEY} `], SECRET_ENV), /API key has a trailing space/);
      assertUsageError(runKfreq(['sign', '--path'], SECRET_ENV), /--path <value>' argument missing/);
    });
  });

  // Its own suite so that it runs last: mocha runs a suite's tests before its nested suites.
  describe('output sweep', () => {
    it('never printed the secret, or any 12-character run of it, in any run above', () => {
      assert.ok(allOutputs.length >= 2 * 30, `the sweep covers the runs above (${allOutputs.length / 2} runs)`);
      const everything = allOutputs.join('\n');
      for (const secret of [SECRET_A, DOCS_REST_EXAMPLE_SECRET]) {
        for (let i = 0; i + 12 <= secret.length; i++) {
          assert.ok(!everything.includes(secret.slice(i, i + 12)), `output contains part of a secret (offset ${i})`);
        }
      }
      assert.ok(!everything.includes(Buffer.from(SECRET_A, 'base64').toString('hex').slice(0, 24)), 'decoded secret bytes never printed');
    });
  });
});
