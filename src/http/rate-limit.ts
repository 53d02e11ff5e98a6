// Token buckets per key (a client address), in this process's memory. With several replicas each
// keeps its own buckets, so a client spread over N replicas gets up to N times the allowance:
// enough to stop guessing 256-bit tokens or passwords, which needs millions of tries.

export interface BucketOptions {
  /** Tries allowed in a burst. */
  capacity: number;
  /** One try comes back every this many milliseconds. */
  refillMs: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();

  constructor(
    readonly options: BucketOptions,
    private readonly maxKeys = 10_000,
    private readonly clock: () => number = Date.now,
  ) {}

  /** True while the key has at least one try left (does not spend it). */
  allows(key: string): boolean {
    return this.#current(key).tokens >= 1;
  }

  /** Spends one try; false when there was none left. */
  take(key: string): boolean {
    const bucket = this.#current(key);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    this.#buckets.delete(key);
    this.#buckets.set(key, bucket); // most recently used last, for the eviction below
    this.#evict();
    return true;
  }

  /** Seconds until the key has a try again. */
  retryAfter(key: string): number {
    const missing = 1 - this.#current(key).tokens;
    return missing <= 0 ? 0 : Math.ceil((missing * this.options.refillMs) / 1000);
  }

  #current(key: string): Bucket {
    const now = this.clock();
    const bucket = this.#buckets.get(key);
    if (!bucket) return { tokens: this.options.capacity, at: now };
    bucket.tokens = Math.min(this.options.capacity, bucket.tokens + (now - bucket.at) / this.options.refillMs);
    bucket.at = now;
    return bucket;
  }

  /** Keys remembered now (at most maxKeys). */
  get size(): number {
    return this.#buckets.size;
  }

  // Memory stays bounded: past maxKeys the least recently used key goes (a Map iterates in
  // insertion order and take() re-inserts), one deletion per insertion, so many addresses cost no
  // scan. The least recent bucket is also the one most likely refilled, carrying no information.
  #evict(): void {
    while (this.#buckets.size > this.maxKeys) {
      const oldest = this.#buckets.keys().next().value;
      if (oldest === undefined) return;
      this.#buckets.delete(oldest);
    }
  }
}
