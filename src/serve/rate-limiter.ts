/**
 * Per-key token buckets: a key limited to R requests per minute may burst R and then gets one
 * request back every 60/R seconds. Each worker process keeps its own buckets, so with N
 * workers each one allows R/N (the kernel spreads connections across workers).
 */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  constructor(readonly processes = 1) {}

  /** 0 when the request may go ahead, else the seconds to wait before retrying. */
  take(keyId: string, perMinute: number, now = Date.now()): number {
    const capacity = Math.max(1, perMinute / this.processes);
    const perMs = capacity / 60_000;
    let b = this.#buckets.get(keyId);
    if (!b) this.#buckets.set(keyId, (b = { tokens: capacity, at: now }));
    b.tokens = Math.min(capacity, b.tokens + (now - b.at) * perMs);
    b.at = now;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - b.tokens) / perMs / 1000);
  }
}
