import * as assert from 'node:assert/strict';
import type { CredentialStore } from '../../src/extension/environments/credentialStore';
import { activatedApi } from './extensionUnderTest';

const SECRET_A = '7zxMEF5p/Z8l2p2U7Ghv6x14Af+Fx+92tPgUdVQ748FOIrEoT9bgT+bTRfXc5pz8na+hL/QdrCVG7bh9KpT0eMTm';

describe('CredentialStore (VS Code SecretStorage)', () => {
  let credentials: CredentialStore;
  before(async () => {
    credentials = (await activatedApi()).credentials;
  });
  afterEach(async () => {
    await credentials.clear('host-test');
    await credentials.clear('other-env');
  });

  it('reads back what it stored (the store keeps no copy: get() asks SecretStorage)', async () => {
    assert.equal(await credentials.has('host-test'), false);
    await credentials.set('host-test', { apiKey: 'host-test-public-key', secret: SECRET_A });
    assert.equal(await credentials.has('host-test'), true);
    assert.deepEqual(await credentials.get('host-test'), { apiKey: 'host-test-public-key', secret: SECRET_A });
  });

  it('keeps environments apart', async () => {
    await credentials.set('host-test', { apiKey: 'key-one', secret: SECRET_A });
    await credentials.set('other-env', { apiKey: 'key-two', secret: SECRET_A });
    assert.equal((await credentials.get('host-test'))?.apiKey, 'key-one');
    assert.equal((await credentials.get('other-env'))?.apiKey, 'key-two');
    await credentials.clear('other-env');
    assert.equal(await credentials.get('other-env'), undefined);
    assert.equal((await credentials.get('host-test'))?.apiKey, 'key-one');
  });

  it('fires onDidChange with the environment id on set and on clear', async () => {
    const seen: string[] = [];
    const subscription = credentials.onDidChange((id) => seen.push(id));
    try {
      await credentials.set('host-test', { apiKey: 'k', secret: SECRET_A });
      await waitFor(() => seen.length >= 1);
      await credentials.clear('host-test');
      await waitFor(() => seen.length >= 2);
      assert.deepEqual(seen, ['host-test', 'host-test']);
    } finally {
      subscription.dispose();
    }
  });

  it('rejects empty values and unusable environment ids with an actionable message', async () => {
    await assert.rejects(credentials.set('host-test', { apiKey: ' ', secret: SECRET_A }), /API key .* is empty/);
    await assert.rejects(credentials.set('host-test', { apiKey: 'k', secret: '' }), /API secret .* is empty/);
    await assert.rejects(credentials.get('bad id/with slash'), /not a valid environment id/);
    assert.equal(await credentials.has('host-test'), false);
  });
});

async function waitFor(predicate: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !predicate(); i++) await new Promise((r) => setTimeout(r, 25));
  assert.ok(predicate(), 'onDidChange did not fire');
}
