import { strict as assert } from 'node:assert';
import type { CliIo } from '../../../src/cli/io';
import { chooseEnvironment, LOCAL_SIMULATOR_URL, type EnvironmentChoice } from '../../../src/cli/commands/runEnvironments';

/** Which environment `kfreq run` talks to, and whether it is live, decided before anything is sent. */

function ioWith(files: Record<string, string>): CliIo {
  return {
    stdout: () => undefined,
    stderr: () => undefined,
    env: {},
    readFile: (path) => {
      if (path in files) return files[path] as string;
      throw Object.assign(new Error('missing'), { code: 'ENOENT' });
    },
    fileMode: () => 0o100600,
    now: () => 0,
  };
}

const choice = (overrides: Partial<EnvironmentChoice>): EnvironmentChoice => ({
  envName: undefined, baseUrl: undefined, live: false, environmentsFile: undefined, hasCredentials: false, ...overrides,
});

const CUSTOM = JSON.stringify([
  { name: 'Staging box', baseUrl: 'http://10.0.0.5:8790/', isLive: false },
  { name: 'Direct', id: 'direct', baseUrl: 'https://api.futures.kraken.com' },
  { name: 'Broken', baseUrl: 'ftp://nope' },
]);

describe('cli: kfreq run environments', () => {
  it('defaults to local, with an in-process simulator only when no credentials and no --base-url are given', () => {
    const bare = chooseEnvironment(choice({}), ioWith({}));
    assert.deepEqual([bare.id, bare.kind, bare.isLive, bare.startSimulator, bare.baseUrl], ['local', 'local', false, true, undefined]);
    const withKeys = chooseEnvironment(choice({ hasCredentials: true }), ioWith({}));
    assert.deepEqual([withKeys.startSimulator, withKeys.baseUrl], [false, LOCAL_SIMULATOR_URL]);
    assert.match(withKeys.notices.join('\n'), /kraken-futures-sim/);
    const elsewhere = chooseEnvironment(choice({ baseUrl: 'http://127.0.0.1:9999/' }), ioWith({}));
    assert.deepEqual([elsewhere.startSimulator, elsewhere.baseUrl], [false, 'http://127.0.0.1:9999']);
  });

  it('treats live, --live and every Kraken production host as live, whatever the environment is called', () => {
    const cases: Array<[Partial<EnvironmentChoice>, string]> = [
      [{ envName: 'live' }, 'it is the live exchange'],
      [{ envName: 'live', baseUrl: 'http://127.0.0.1:8790' }, 'it is the live exchange'],
      [{ baseUrl: 'https://futures.kraken.com' }, 'futures.kraken.com is a Kraken production host'],
      [{ envName: 'demo', baseUrl: 'https://api.futures.kraken.com' }, 'api.futures.kraken.com is a Kraken production host'],
      [{ envName: 'ci', baseUrl: 'http://127.0.0.1:8790', live: true }, '--live was given'],
    ];
    for (const [overrides, reason] of cases) {
      const environment = chooseEnvironment(choice(overrides), ioWith({}));
      assert.equal(environment.isLive, true, JSON.stringify(overrides));
      assert.equal(environment.liveReason, reason);
    }
    assert.equal(chooseEnvironment(choice({ envName: 'demo' }), ioWith({})).isLive, false);
  });

  it('reads custom environments from kfreq.environments.json with the editor setting\'s rules', () => {
    const io = ioWith({ 'kfreq.environments.json': CUSTOM });
    const staging = chooseEnvironment(choice({ envName: 'staging-box' }), io);
    assert.deepEqual([staging.kind, staging.baseUrl, staging.isLive, staging.label], ['custom', 'http://10.0.0.5:8790', false, 'Staging box']);
    assert.match(staging.notices.join('\n'), /kfreq\.environments\.json\[2\]\.baseUrl: must use http or https/);
    const direct = chooseEnvironment(choice({ envName: 'direct' }), io);
    assert.equal(direct.isLive, true, 'a production host without isLive is live');
    assert.deepEqual(direct.knownIds, ['local', 'demo', 'live', 'staging-box', 'direct']);
    const settings = ioWith({ 'settings.json': JSON.stringify({ 'krakenFutures.customEnvironments': [{ name: 'sim2', baseUrl: 'http://127.0.0.1:8791', isLive: true }] }) });
    assert.equal(chooseEnvironment(choice({ envName: 'sim2', environmentsFile: 'settings.json' }), settings).liveReason, 'it is marked live in settings.json');
  });

  it('explains unknown environments, bad URLs and unreadable files as usage errors', () => {
    assert.throws(() => chooseEnvironment(choice({ envName: 'staging' }), ioWith({})), /no environment is called 'staging' \(known: local, demo, live\).*--base-url/);
    assert.throws(() => chooseEnvironment(choice({ baseUrl: 'http://127.0.0.1:8790/derivatives/api/v3' }), ioWith({})), /--base-url must be the host only/);
    assert.throws(() => chooseEnvironment(choice({ envName: 'bad name' }), ioWith({})), /--env must be an environment id/);
    assert.throws(() => chooseEnvironment(choice({ environmentsFile: 'missing.json' }), ioWith({})), /--environments 'missing\.json': no such file/);
    assert.throws(() => chooseEnvironment(choice({}), ioWith({ 'kfreq.environments.json': '[{,}]' })), /kfreq\.environments\.json is not valid JSON/);
    const adHoc = chooseEnvironment(choice({ envName: 'ci-sim', baseUrl: 'http://127.0.0.1:8790' }), ioWith({}));
    assert.deepEqual([adHoc.id, adHoc.kind, adHoc.isLive], ['ci-sim', 'custom', false]);
  });
});
