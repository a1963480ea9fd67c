/**
 * Stateless seeded noise. The same (seed, stream, index) always yields the same number, so any
 * instant of the simulated market can be computed directly, without replaying its history: a
 * restarted simulator with the same seed shows the same prices, and tests can hand-compute them.
 */

function fmix32(input: number): number {
  let h = input | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of three integers; `index` may exceed 2^32 (millisecond timestamps do). */
export function hash32(seed: number, stream: number, index: number): number {
  const low = index >>> 0;
  const high = Math.floor(index / 4294967296) | 0;
  let h = fmix32(seed ^ 0x9e3779b9);
  h = fmix32(h ^ Math.imul(stream | 0, 0xcc9e2d51));
  h = fmix32(h ^ Math.imul(low, 0x1b873593));
  return fmix32(h ^ high);
}

/** Uniform in [0, 1). */
export function unitNoise(seed: number, stream: number, index: number): number {
  return hash32(seed, stream, index) / 4294967296;
}

/** Uniform in [-1, 1). */
export function signedNoise(seed: number, stream: number, index: number): number {
  return unitNoise(seed, stream, index) * 2 - 1;
}

/** A stable stream number for a name (FNV-1a), so each symbol gets its own independent noise. */
export function streamOf(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Smoothly interpolated value noise with one knot every `periodMs`: a continuous wander. */
export function valueNoise(seed: number, stream: number, periodMs: number, t: number): number {
  const x = t / periodMs;
  const i = Math.floor(x);
  const f = x - i;
  const s = f * f * (3 - 2 * f);
  const a = signedNoise(seed, stream, i);
  const b = signedNoise(seed, stream, i + 1);
  return a + (b - a) * s;
}
