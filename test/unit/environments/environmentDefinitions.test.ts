import { strict as assert } from 'node:assert';
import { buildEnvironments, idFromName, normalizeBaseUrl } from '../../../src/core/environments/environmentDefinitions';

describe('environments: definitions from settings', () => {
  it('always offers local, demo and live; local has no URL until its simulator runs', () => {
    const { environments, problems } = buildEnvironments({ demoBaseUrl: undefined, customEnvironments: undefined }, '');
    assert.deepEqual(environments.map((e) => [e.id, e.kind, e.baseUrl, e.isLive]), [
      ['local', 'local', '', false],
      ['demo', 'demo', 'https://demo-futures.kraken.com', false],
      ['live', 'live', 'https://futures.kraken.com', true],
    ]);
    assert.deepEqual(problems, []);
  });

  it('reads custom environments, deriving ids from names and treating Kraken production hosts as live by default', () => {
    const { environments, problems } = buildEnvironments({
      demoBaseUrl: 'http://127.0.0.1:8790/',
      customEnvironments: [
        { name: 'Direct access (EU)', baseUrl: 'https://api.futures.kraken.com' },
        { name: 'Lab sim', id: 'lab', baseUrl: 'http://10.0.0.5:8790', isLive: false },
      ],
    }, 'http://127.0.0.1:5555');
    assert.deepEqual(problems, []);
    assert.equal(environments[1].baseUrl, 'http://127.0.0.1:8790');
    assert.deepEqual(environments.slice(3).map((e) => [e.id, e.label, e.baseUrl, e.isLive]), [
      ['direct-access-eu', 'Direct access (EU)', 'https://api.futures.kraken.com', true],
      ['lab', 'Lab sim', 'http://10.0.0.5:8790', false],
    ]);
  });

  it('skips bad entries with a sentence saying what to fix, and never crashes', () => {
    const { environments, problems } = buildEnvironments({
      demoBaseUrl: 'ftp://nope',
      customEnvironments: [
        'oops',
        { baseUrl: 'https://x.example' },
        { name: 'Live', baseUrl: 'https://x.example' },
        { name: 'Has path', baseUrl: 'https://x.example/derivatives/api/v3' },
        { name: 'Creds in URL', baseUrl: 'https://user:pw@x.example' },
        { name: 'Odd flag', baseUrl: 'https://x.example', isLive: 'yes' },
        { name: 'Odd flag', baseUrl: 'https://y.example' },
      ],
    }, '');
    assert.equal(environments[1].baseUrl, 'https://demo-futures.kraken.com');
    assert.deepEqual(environments.slice(3).map((e) => [e.id, e.isLive]), [['odd-flag', true]], 'an unclear isLive counts as live');
    const byWhere = Object.fromEntries(problems.map((p) => [p.where, p.message]));
    assert.match(byWhere['krakenFutures.demo.baseUrl'], /must use http or https, not ftp:\. Using https:\/\/demo-futures\.kraken\.com/);
    assert.match(byWhere['krakenFutures.customEnvironments[0]'], /must be an object/);
    assert.match(byWhere['krakenFutures.customEnvironments[1].name'], /is missing/);
    assert.match(byWhere['krakenFutures.customEnvironments[2]'], /"live" is already taken by a built-in environment/);
    assert.match(byWhere['krakenFutures.customEnvironments[3].baseUrl'], /must be the host only .* use https:\/\/x\.example/);
    assert.match(byWhere['krakenFutures.customEnvironments[4].baseUrl'], /must not contain a user name or password/);
    assert.match(byWhere['krakenFutures.customEnvironments[5].isLive'], /treating the environment as live/);
    assert.match(byWhere['krakenFutures.customEnvironments[6]'], /"odd-flag" is already taken;/);
    assert.match(buildEnvironments({ demoBaseUrl: undefined, customEnvironments: { name: 'x' } }, '').problems[0].message, /must be a list/);
  });

  it('no setting can take the live guard off Kraken production hosts', () => {
    const { environments, problems } = buildEnvironments({
      demoBaseUrl: 'https://futures.kraken.com',
      customEnvironments: [{ name: 'Not really a test', baseUrl: 'https://api.futures.kraken.com', isLive: false }],
    }, '');
    assert.equal(environments.find((e) => e.id === 'demo')?.isLive, true);
    assert.equal(environments.find((e) => e.id === 'not-really-a-test')?.isLive, true);
    assert.match(problems.map((p) => p.message).join('\n'), /Demo is treated as live[\s\S]*is false, but https:\/\/api\.futures\.kraken\.com trades real money/);
  });

  it('normalises URLs and ids', () => {
    assert.deepEqual(normalizeBaseUrl(' https://Futures.Kraken.com/ '), { url: 'https://futures.kraken.com' });
    assert.deepEqual(normalizeBaseUrl('http://proxy.local/kraken/'), { url: 'http://proxy.local/kraken' });
    assert.ok('problem' in normalizeBaseUrl('not a url'));
    assert.equal(idFromName('  My   Sim #2 '), 'my-sim-2');
    assert.equal(idFromName('***'), 'custom');
  });
});
