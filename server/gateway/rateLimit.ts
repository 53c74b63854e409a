/**
 * Per-client token buckets. A call costs one token (a batch costs one per element), tokens refill
 * continuously at `ratePerSec` up to `burst`. Buckets that are full again are forgotten, so memory
 * is bounded by the clients active in the last `burst / ratePerSec` seconds.
 */
export interface RateLimitOptions {
  /** Tokens added per second; 0 disables limiting. */
  ratePerSec: number
  burst: number
  /** Hard cap on tracked clients; the oldest are dropped first. */
  maxClients?: number
  now?: () => number
}

interface Bucket {
  tokens: number
  at: number
}

export interface RateLimiter {
  /** 0 when allowed (tokens taken), else whole seconds until enough tokens exist. */
  take(client: string, cost?: number): number
  readonly size: number
}

export function createRateLimiter(opts: RateLimitOptions): RateLimiter {
  const { ratePerSec, burst } = opts
  const maxClients = opts.maxClients ?? 100_000
  const now = opts.now ?? (() => performance.now())
  const buckets = new Map<string, Bucket>()
  let lastSweep = now()

  const sweep = (t: number): void => {
    for (const [key, b] of buckets) {
      if (b.tokens + ((t - b.at) / 1000) * ratePerSec >= burst) buckets.delete(key)
    }
    lastSweep = t
  }

  return {
    get size() {
      return buckets.size
    },
    take(client, cost = 1) {
      if (ratePerSec <= 0) return 0
      const t = now()
      if (t - lastSweep > 10_000 || buckets.size >= maxClients) sweep(t)
      if (buckets.size >= maxClients) {
        const oldest = buckets.keys().next().value
        if (oldest !== undefined) buckets.delete(oldest)
      }
      let b = buckets.get(client)
      if (!b) {
        b = { tokens: burst, at: t }
        buckets.set(client, b)
      } else {
        b.tokens = Math.min(burst, b.tokens + ((t - b.at) / 1000) * ratePerSec)
        b.at = t
      }
      if (b.tokens >= cost) {
        b.tokens -= cost
        return 0
      }
      // A cost above the burst can never be paid: say so with the time to a full bucket.
      const missing = Math.min(cost, burst) - b.tokens
      return Math.max(1, Math.ceil(missing / ratePerSec))
    },
  }
}
