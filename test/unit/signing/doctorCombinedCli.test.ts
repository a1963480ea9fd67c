import { strict as assert } from 'node:assert';
import { createHash, createHmac } from 'node:crypto';
import { ensureBuilt, runKfreq } from '../cli/builtKfreq';
import { REST_VECTORS, SECRET_A } from './vectors';

// `kfreq doctor` on a value with two mistakes at once, through the built bundle as users run it.
const R3 = REST_VECTORS.find((v) => v.name.startsWith('R3'))!;
const SECRET_ENV = { KRAKEN_FUTURES_API_SECRET: SECRET_A };
const R3_ARGS = ['--path', R3.path, '--post-data', R3.postData, '--nonce', R3.nonce];
const sha256 = (data: string) => createHash('sha256').update(data).digest();
// '/derivatives' kept in the message AND the HMAC written as hex.
const keptAndHex = createHmac('sha512', Buffer.from(SECRET_A, 'base64')).update(sha256(`${R3.postData}${R3.nonce}${R3.path}`)).digest('hex');

describe('cli: kfreq doctor, two mistakes combined (built bundle)', function () {
  this.timeout(60_000);
  before(() => ensureBuilt());

  it('--json names both mistakes, with both fixes, and exits 1', () => {
    const run = runKfreq(['doctor', ...R3_ARGS, '--authent', keptAndHex, '--json'], SECRET_ENV);
    assert.equal(run.status, 1, run.stderr);
    const out = JSON.parse(run.stdout);
    assert.equal(out.verdict, 'mistake-found');
    assert.equal(out.mistake, 'derivatives-kept+hex-output');
    assert.deepEqual(out.mistakes, ['derivatives-kept', 'hex-output']);
    assert.equal(out.fixes.length, 2);
    assert.match(out.fixes[0], /Remove the leading '\/derivatives'/);
    assert.match(out.fixes[1], /standard base64/);
    assert.ok(!run.stdout.includes(SECRET_A));
  });

  it('the text report lists one fix per mistake', () => {
    const run = runKfreq(['doctor', ...R3_ARGS, '--authent', keptAndHex], SECRET_ENV);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /mistake\s+derivatives-kept\+hex-output/);
    assert.match(run.stdout, /fix 1\s+Remove the leading '\/derivatives'.*\(derivatives-kept\)/);
    assert.match(run.stdout, /fix 2\s+Encode the 64 HMAC bytes.*\(hex-output\)/);
  });

  it('kfreq doctor --help describes the combined form', () => {
    assert.match(runKfreq(['doctor', '--help']).stdout, /joined with '\+'/);
  });
});
