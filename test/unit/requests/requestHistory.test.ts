import { strict as assert } from 'node:assert';
import {
  addToHistory,
  containsSecret,
  historySizeOf,
  parseHistory,
  redactCredentials,
  serializeHistory,
  DEFAULT_HISTORY_SIZE,
  HISTORY_BODY_CHARS,
  type ResponseEntry,
} from '../../../src/core/requests';
import { fingerprint } from '../../../src/core/signing';
import { API_KEY, SECRET_A } from './requestFixtures';

function entry(id: string, body = '{}'): ResponseEntry {
  return {
    id,
    kind: 'response',
    createdAt: 1,
    title: `#1 · GET /derivatives/api/v3/tickers (${id})`,
    environment: { id: 'local', label: 'Local simulator', isLive: false },
    outcome: 'passed',
    message: 'result = success',
    asserts: [],
    body: { text: body, json: true, truncated: false },
  };
}

describe('requests/requestHistory', () => {
  it('keeps the newest N, newest first, replacing an entry with the same id', () => {
    let list: ResponseEntry[] = [];
    for (const id of ['a', 'b', 'c', 'd']) list = addToHistory(list, entry(id), 3);
    assert.deepEqual(list.map((e) => e.id), ['d', 'c', 'b']);
    list = addToHistory(list, entry('c'), 3);
    assert.deepEqual(list.map((e) => e.id), ['c', 'd', 'b']);
    assert.deepEqual(addToHistory(list, entry('e'), 0), []);
  });

  it('stores a shortened body and marks it as cut', () => {
    const [stored] = addToHistory([], entry('big', 'x'.repeat(HISTORY_BODY_CHARS + 1)), 5);
    assert.equal(stored?.body?.text.length, HISTORY_BODY_CHARS);
    assert.equal(stored?.body?.truncated, true);
  });

  it('reads back what it writes', () => {
    const list = [entry('a'), entry('b')];
    assert.deepEqual(parseHistory(serializeHistory(list)), { entries: list });
  });

  it('never throws on a damaged file and says what happened', () => {
    assert.match(parseHistory('{not json').problem ?? '', /not valid JSON/);
    assert.match(parseHistory('[]').problem ?? '', /unknown format/);
    assert.match(parseHistory(JSON.stringify({ format: 'kraken-futures-request-history', version: 9, entries: [] })).problem ?? '', /version 9/);
    const partial = parseHistory(JSON.stringify({ format: 'kraken-futures-request-history', version: 1, entries: [entry('ok'), { id: 3 }, null] }));
    assert.deepEqual(partial.entries.map((e) => e.id), ['ok']);
    assert.match(partial.problem ?? '', /2 damaged history entries were dropped/);
  });

  it('turns settings into a usable size', () => {
    assert.equal(historySizeOf(undefined), DEFAULT_HISTORY_SIZE);
    assert.equal(historySizeOf('20'), DEFAULT_HISTORY_SIZE);
    assert.equal(historySizeOf(-3), 0);
    assert.equal(historySizeOf(12.7), 12);
    assert.equal(historySizeOf(1e9), 1000);
  });

  it('replaces any secret or raw key that slipped into an entry with fingerprints', () => {
    const leaky = { ...entry('x'), message: `oops ${SECRET_A} and ${API_KEY}`, asserts: [{ text: SECRET_A, passed: true, message: '' }] };
    const clean = redactCredentials(leaky, [{ apiKey: API_KEY, secret: SECRET_A }]);
    const text = JSON.stringify(clean);
    assert.ok(!containsSecret(text, SECRET_A));
    assert.ok(!text.includes(API_KEY));
    assert.ok(text.includes(fingerprint(API_KEY)));
    assert.match(clean.message, /\[secret#[0-9a-f]{8}\]/);
  });

  it('finds a secret also in its URL-encoded form', () => {
    assert.ok(containsSecret(`x=${encodeURIComponent(SECRET_A)}`, SECRET_A));
    assert.ok(!containsSecret('nothing here', SECRET_A));
  });
});
