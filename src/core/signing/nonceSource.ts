/**
 * Nonces for signed requests: strictly increasing per API key.
 *
 * Scheme: `max(clockMs * 1000, last + 1)` — milliseconds with three extra digits for a counter.
 *  - 1000 nonces per millisecond per key before a nonce runs ahead of the clock, so bursts of
 *    parallel requests never reuse a millisecond (the collision that pushed other clients to
 *    nanoseconds) and the value stays tied to wall time.
 *  - Always above any plain-millisecond nonce the key saw before (the docs' suggestion), so moving
 *    a key from a millisecond client to this one is accepted; the server only needs "increasing".
 *  - 16 digits until the year 2255, exact as a JS number and in JSON. Internally BigInt anyway, so
 *    a persisted high-water mark from a larger scheme (e.g. 1e8 per second) is honoured exactly.
 * If the clock jumps back, nonces keep counting up from the last one issued.
 *
 * `next()` is synchronous: JavaScript runs it to completion, so calls from interleaved async tasks
 * can never observe the same `last` value.
 */

export type NonceLike = string | number | bigint;

export interface NonceSourceOptions {
  /** Current time in milliseconds (e.g. `Date.now`); injected so tests are deterministic. */
  readonly clock: () => number;
  /**
   * Nonces issued or accepted earlier (e.g. persisted across restarts). A single value applies to
   * every key; a function answers per key. Every nonce issued is above it.
   */
  readonly highWaterMark?: NonceLike | ((apiKey: string) => NonceLike | undefined);
}

const COUNTER_SPAN = 1000n;

function toNonceBigInt(value: NonceLike, what: string): bigint {
  if (typeof value === 'bigint') {
    if (value < 0n) throw new RangeError(`${what} must not be negative.`);
    return value;
  }
  const text = typeof value === 'number' ? (Number.isSafeInteger(value) ? String(value) : '') : value.trim();
  if (!/^\d+$/.test(text)) throw new RangeError(`${what} must be a non-negative whole number (digits only), got ${JSON.stringify(String(value))}.`);
  return BigInt(text);
}

export class NonceSource {
  private readonly clock: () => number;
  private readonly initialMark: NonceSourceOptions['highWaterMark'];
  private readonly lastByKey = new Map<string, bigint>();

  constructor(options: NonceSourceOptions) {
    this.clock = options.clock;
    this.initialMark = options.highWaterMark;
  }

  /** The next nonce for this key, as the decimal string to hash and send. */
  next(apiKey: string): string {
    const now = this.clock();
    if (!Number.isFinite(now) || now < 0) throw new RangeError(`The nonce clock returned ${now}; it must return milliseconds since the epoch.`);
    const fromClock = BigInt(Math.floor(now)) * COUNTER_SPAN;
    const last = this.last(apiKey);
    const nonce = last === undefined || fromClock > last ? fromClock : last + 1n;
    this.lastByKey.set(apiKey, nonce);
    return nonce.toString();
  }

  /** The highest nonce issued (or known) for this key, or undefined if none; persist it to continue later. */
  highWaterMark(apiKey: string): string | undefined {
    return this.last(apiKey)?.toString();
  }

  /**
   * Raises the floor for a key, e.g. after the server answered `nonceBelowThreshold` because another
   * client used the key with larger nonces. Never lowers it.
   */
  advancePast(apiKey: string, nonce: NonceLike): void {
    const value = toNonceBigInt(nonce, 'The nonce to advance past');
    const last = this.last(apiKey);
    if (last === undefined || value > last) this.lastByKey.set(apiKey, value);
  }

  private last(apiKey: string): bigint | undefined {
    const known = this.lastByKey.get(apiKey);
    if (known !== undefined) return known;
    const mark = typeof this.initialMark === 'function' ? this.initialMark(apiKey) : this.initialMark;
    if (mark === undefined) return undefined;
    const value = toNonceBigInt(mark, 'The nonce high-water mark');
    this.lastByKey.set(apiKey, value);
    return value;
  }
}
