export type TakeResult = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * Per-key token buckets in memory: each key may spend `capacity` at once and earns it
 * back over `refillMs`. One server process only — behind several servers each counts on
 * its own, so the effective limit is multiplied (docs/security.md).
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private takes = 0;

  constructor(
    private readonly capacity: number,
    private readonly refillMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Spends `amount` from `key`'s bucket, or says how long until it could. */
  take(key: string, amount = 1): TakeResult {
    const now = this.now();
    if (++this.takes % 1000 === 0) this.forgetFull(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, updatedAt: now };
    bucket.tokens = this.refilled(bucket, now);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= amount) {
      bucket.tokens -= amount;
      return { allowed: true };
    }
    const perMs = this.capacity / this.refillMs;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((amount - bucket.tokens) / perMs / 1000)) };
  }

  private refilled(bucket: Bucket, now: number): number {
    return Math.min(this.capacity, bucket.tokens + ((now - bucket.updatedAt) * this.capacity) / this.refillMs);
  }

  /** Keeps the map small: a full bucket is the same as no bucket. */
  private forgetFull(now: number): void {
    for (const [key, bucket] of this.buckets) if (this.refilled(bucket, now) >= this.capacity) this.buckets.delete(key);
  }
}
