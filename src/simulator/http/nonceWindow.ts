/**
 * Nonce checks per API key. Kraken rejects a nonce at or below the key's threshold
 * (`nonceBelowThreshold`) and a reused one (`nonceDuplicate`), and "tolerates nonces that are out of
 * order for a brief period". The tolerance here is a window of the `window + 1` largest nonces
 * accepted so far: a nonce above the smallest of them is accepted unless it is one of them. With
 * window 0 this is exactly "must exceed the last accepted nonce".
 */

export type NonceVerdict = 'ok' | 'nonceBelowThreshold' | 'nonceDuplicate' | 'invalidNonce';

const DIGITS = /^\d{1,30}$/;

export class NonceWindow {
  /** Ascending. */
  private readonly largest: bigint[] = [];
  private readonly members = new Set<bigint>();

  constructor(private readonly window: number) {}

  check(nonce: string): NonceVerdict {
    if (!DIGITS.test(nonce)) return 'invalidNonce';
    const value = BigInt(nonce);
    if (this.largest.length === 0) return 'ok';
    if (this.members.has(value)) return 'nonceDuplicate';
    return value < this.largest[0] ? 'nonceBelowThreshold' : 'ok';
  }

  /** Record a nonce that passed `check` and belonged to an authenticated request. */
  accept(nonce: string): void {
    const value = BigInt(nonce);
    let lo = 0;
    let hi = this.largest.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.largest[mid] < value) lo = mid + 1;
      else hi = mid;
    }
    this.largest.splice(lo, 0, value);
    this.members.add(value);
    if (this.largest.length > this.window + 1) this.members.delete(this.largest.shift() as bigint);
  }

  /** The highest accepted nonce, kept in the journal so a restart does not reopen old nonces. */
  highest(): string | null {
    const top = this.largest[this.largest.length - 1];
    return top === undefined ? null : top.toString();
  }
}
