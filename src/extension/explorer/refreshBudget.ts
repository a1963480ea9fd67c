/**
 * The explorer's share of Kraken's rate limit (reference §6: 500 cost units per 10 s on the
 * derivatives endpoints, per account or IP). Automatic refreshes spend at most `capacity` units per
 * window (refreshes a person asked for count too), so the person's own requests and orders always
 * keep most of the budget; after a rate-limit answer automatic refreshes pause until the limit has
 * reset. Pure (no vscode import), clock injected.
 */

export interface BudgetOptions {
  /** Units the explorer may spend per window. Default 100 (a fifth of Kraken's 500). */
  readonly capacity?: number;
  readonly windowMs?: number;
  readonly clock?: () => number;
}

export class RefreshBudget {
  private readonly capacity: number;
  private readonly windowMs: number;
  private readonly clock: () => number;
  private readonly spent: Array<{ readonly at: number; readonly cost: number }> = [];
  private pausedUntil = 0;

  constructor(options: BudgetOptions = {}) {
    this.capacity = options.capacity ?? 100;
    this.windowMs = options.windowMs ?? 10_000;
    this.clock = options.clock ?? Date.now;
  }

  /** Milliseconds until `cost` units can be spent: 0 means now. */
  waitFor(cost: number): number {
    const now = this.clock();
    this.forgetBefore(now - this.windowMs);
    if (now < this.pausedUntil) return this.pausedUntil - now;
    if (cost > this.capacity) return 0; // could never fit: let it through rather than starve
    let used = this.used();
    for (const entry of this.spent) {
      if (used + cost <= this.capacity) break;
      used -= entry.cost;
      if (used + cost <= this.capacity) return entry.at + this.windowMs - now;
    }
    return used + cost <= this.capacity ? 0 : this.windowMs;
  }

  /** Spends `cost` now if it fits; false (nothing spent) otherwise. */
  tryTake(cost: number): boolean {
    if (this.waitFor(cost) > 0) return false;
    this.spent.push({ at: this.clock(), cost });
    return true;
  }

  /** Records `cost` spent now by a refresh a person asked for (it is not refused, but it counts). */
  spend(cost: number): void {
    this.spent.push({ at: this.clock(), cost });
  }

  /** After Kraken answered `apiLimitExceeded` / 429: spend nothing until the reset (default: one window). */
  pause(resetSeconds: number | undefined): void {
    const ms = resetSeconds !== undefined && resetSeconds > 0 ? resetSeconds * 1000 : this.windowMs;
    this.pausedUntil = Math.max(this.pausedUntil, this.clock() + ms);
  }

  get remaining(): number {
    this.forgetBefore(this.clock() - this.windowMs);
    return Math.max(0, this.capacity - this.used());
  }

  private used(): number {
    return this.spent.reduce((sum, entry) => sum + entry.cost, 0);
  }

  private forgetBefore(cutoff: number): void {
    while (this.spent.length > 0 && this.spent[0].at <= cutoff) this.spent.shift();
  }
}
