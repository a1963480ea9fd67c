import { strict as assert } from 'node:assert';
import { assertUsableCredentials, credentialInputProblem } from '../../../src/extension/environments/credentialInput';
import { API_KEY, SECRET_A } from '../client/fakeFetch';

describe('environments: credential input checks', () => {
  it('accepts a good pair and names the blocking problem of a bad one', () => {
    assert.equal(credentialInputProblem('apiKey', API_KEY), undefined);
    assert.doesNotThrow(() => assertUsableCredentials('Live', API_KEY, SECRET_A));
    assert.deepEqual(credentialInputProblem('apiKey', `${API_KEY} `), { severity: 'error', message: 'The API key has a trailing space; remove it (copy the value again without the surrounding blank).' });
    assert.match(credentialInputProblem('secret', `${SECRET_A.slice(0, 10)}*${SECRET_A.slice(11)}`)?.message ?? '', /^Not valid base64: The secret contains a character outside base64/);
    assert.match(credentialInputProblem('secret', SECRET_A.slice(0, -2))?.message ?? '', /^Not valid base64: /);
    assert.match(credentialInputProblem('secret', API_KEY, API_KEY)?.message ?? '', /identical to the API key/);
  });

  it('a 64-byte secret gets the Spot note but is not blocked', () => {
    const spotShaped = Buffer.alloc(64, 3).toString('base64');
    const problem = credentialInputProblem('secret', spotShaped);
    assert.equal(problem?.severity, 'info');
    assert.match(problem?.message ?? '', /^This looks like a Spot API secret\./);
    assert.doesNotThrow(() => assertUsableCredentials('Live', API_KEY, spotShaped));
  });

  it('refuses to save an unusable pair, listing every error and quoting no part of the secret', () => {
    const bad = `"${SECRET_A}"`;
    assert.throws(() => assertUsableCredentials('Live', ` ${API_KEY}`, bad), (error: Error) => {
      assert.match(error.message, /^The Live credentials were not saved\. The API key has a leading space.* The secret is wrapped in quotes/);
      assert.ok(!error.message.includes(SECRET_A.slice(0, 8)));
      return true;
    });
  });
});
