/**
 * The gateway's budget of reply bytes in flight, all clients together: bytes read from a node (or
 * printed by the devchain) and not yet handed to the client's socket. Caps per call and per batch
 * bound one request; this bounds the process, so many medium replies at once cannot add up to
 * gigabytes either. A call that cannot get bytes is cut with "gateway busy" rather than waiting
 * while it holds what it already has.
 */
export interface ByteBudget {
  /** Takes n bytes; false (nothing taken) when that would pass the budget. */
  take(n: number): boolean
  give(n: number): void
  readonly used: number
  readonly limit: number
}

export function createByteBudget(limit: number): ByteBudget {
  let used = 0
  return {
    get used() {
      return used
    },
    limit,
    take(n) {
      if (used + n > limit) return false
      used += n
      return true
    },
    give(n) {
      used = Math.max(0, used - n)
    },
  }
}

/** Thrown by an upstream when a reply passes its cap or the budget; the gateway answers `error`. */
export class ReplyCut extends Error {
  constructor(readonly reason: 'too-large' | 'budget') {
    super(reason)
    this.name = 'ReplyCut'
  }
}
