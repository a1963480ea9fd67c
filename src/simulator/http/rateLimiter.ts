/**
 * Kraken's cost budgets (reference §6) as token buckets on the injected clock, so tests can spend
 * and refill a budget without sleeping. Derivatives: 500 units per 10 s. History: 100 tokens,
 * refilling 100 per 10 minutes.
 */

export type RatePool = 'derivatives' | 'history';

export interface PoolShape {
  readonly capacity: number;
  readonly refillMs: number;
}

export const POOLS: Readonly<Record<RatePool, PoolShape>> = {
  derivatives: { capacity: 500, refillMs: 10_000 },
  history: { capacity: 100, refillMs: 600_000 },
};

export type RateVerdict = { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number };

class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(private readonly shape: PoolShape, now: number) {
    this.tokens = shape.capacity;
    this.updatedAt = now;
  }

  take(cost: number, now: number): RateVerdict {
    const rate = this.shape.capacity / this.shape.refillMs;
    this.tokens = Math.min(this.shape.capacity, this.tokens + Math.max(0, now - this.updatedAt) * rate);
    this.updatedAt = Math.max(this.updatedAt, now);
    if (cost <= this.tokens) {
      this.tokens -= cost;
      return { ok: true };
    }
    return { ok: false, retryAfterMs: Math.ceil((cost - this.tokens) / rate) };
  }
}

export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly enabled: boolean) {}

  /** Charge `cost` to the caller's pool; the budget is per API key. */
  charge(apiKey: string, pool: RatePool, cost: number, now: number): RateVerdict {
    if (!this.enabled || cost <= 0) return { ok: true };
    const id = `${pool}:${apiKey}`;
    let bucket = this.buckets.get(id);
    if (!bucket) this.buckets.set(id, (bucket = new TokenBucket(POOLS[pool], now)));
    return bucket.take(cost, now);
  }
}
