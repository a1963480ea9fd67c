import { strict as assert } from 'node:assert';
import { NonceSource } from '../../../src/core/signing';

/** A clock the test moves by hand. */
function manualClock(start: number) {
  let now = start;
  return { clock: () => now, set: (ms: number) => { now = ms; } };
}

const isIncreasing = (values: string[]) => values.every((v, i) => i === 0 || BigInt(v) > BigInt(values[i - 1]));

describe('signing: NonceSource', () => {
  it('derives the nonce from the clock: milliseconds * 1000', () => {
    const t = manualClock(1_708_387_200_000);
    const source = new NonceSource({ clock: t.clock });
    assert.equal(source.next('K'), '1708387200000000');
    t.set(1_708_387_200_005);
    assert.equal(source.next('K'), '1708387200005000');
  });

  it('counts up within the same millisecond and when the clock goes backwards', () => {
    const t = manualClock(1_000);
    const source = new NonceSource({ clock: t.clock });
    const values = [source.next('K'), source.next('K'), source.next('K')];
    assert.deepEqual(values, ['1000000', '1000001', '1000002']);
    t.set(900);
    assert.equal(source.next('K'), '1000003');
  });

  it('keeps a separate sequence per API key', () => {
    const t = manualClock(2_000);
    const source = new NonceSource({ clock: t.clock });
    assert.equal(source.next('A'), '2000000');
    assert.equal(source.next('B'), '2000000');
    assert.equal(source.next('A'), '2000001');
    assert.equal(source.highWaterMark('A'), '2000001');
    assert.equal(source.highWaterMark('B'), '2000000');
    assert.equal(source.highWaterMark('C'), undefined);
  });

  it('stays strictly increasing and unique per key under interleaved async callers', async () => {
    const t = manualClock(5_000);
    const source = new NonceSource({ clock: t.clock });
    const issued = new Map<string, string[]>();
    const worker = async (key: string, id: number) => {
      for (let i = 0; i < 50; i++) {
        // Interleave the workers at every await; move the clock now and then, sometimes backwards.
        await Promise.resolve();
        if ((i + id) % 7 === 0) t.set(5_000 + ((i * 13 + id) % 5));
        const list = issued.get(key) ?? [];
        list.push(source.next(key));
        issued.set(key, list);
      }
    };
    await Promise.all([0, 1, 2, 3, 4, 5].map((id) => worker(id % 2 === 0 ? 'even' : 'odd', id)));
    for (const [key, values] of issued) {
      assert.equal(values.length, 150);
      assert.ok(isIncreasing(values), `${key}: nonces in issue order must increase`);
      assert.equal(new Set(values).size, values.length);
    }
  });

  it('continues above a persisted high-water mark, per key or for all keys', () => {
    const t = manualClock(1_000);
    const all = new NonceSource({ clock: t.clock, highWaterMark: '1708387200000000' });
    assert.equal(all.next('X'), '1708387200000001');
    const perKey = new NonceSource({ clock: t.clock, highWaterMark: (key) => (key === 'A' ? 5_000_000 : undefined) });
    assert.equal(perKey.next('A'), '5000001');
    assert.equal(perKey.next('B'), '1000000');
  });

  it('honours marks beyond 2^53 exactly (e.g. from a 1e8-per-second scheme)', () => {
    const t = manualClock(1_000);
    const source = new NonceSource({ clock: t.clock, highWaterMark: 170838720000000000n });
    assert.equal(source.next('K'), '170838720000000001');
  });

  it('advancePast raises the floor but never lowers it', () => {
    const t = manualClock(1_000);
    const source = new NonceSource({ clock: t.clock });
    source.advancePast('K', '9000000');
    assert.equal(source.next('K'), '9000001');
    source.advancePast('K', 5);
    assert.equal(source.next('K'), '9000002');
  });

  it('rejects a malformed high-water mark and a broken clock with clear errors', () => {
    const source = new NonceSource({ clock: () => 1_000, highWaterMark: '12ab' });
    assert.throws(() => source.next('K'), /high-water mark must be a non-negative whole number/);
    assert.throws(() => new NonceSource({ clock: () => Number.NaN }).next('K'), /clock returned NaN/);
    assert.throws(() => new NonceSource({ clock: () => 1 }).advancePast('K', -1), /must be a non-negative whole number/);
  });
});
