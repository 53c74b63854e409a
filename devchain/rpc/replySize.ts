/**
 * A bound on the reply a caller will take: the gateway cuts any reply past its per-call cap, so a
 * walk over the address index that is sure to print more than that stops as soon as it knows,
 * rather than building 80,000 entries for the gateway to print a few of and throw away. Each walk
 * adds a lower bound of every entry's printed size (its strings' lengths plus the fixed keys), so
 * a reply that would fit under the cap is never stopped. Callers without a cap (the HTTP face,
 * the in-page chain) build every reply whole, as komodod does.
 */
export class ReplyOverCap extends Error {
  constructor(readonly cap: number) {
    super(`reply over ${cap} bytes`)
    this.name = 'ReplyOverCap'
  }
}

export interface ReplySize {
  /** Counts `bytes` of the reply; throws ReplyOverCap once the count passes the cap. */
  add(bytes: number): void
}

const unbounded: ReplySize = { add() {} }

export function replySize(cap: number | undefined): ReplySize {
  if (cap === undefined) return unbounded
  let total = 0
  return {
    add(bytes) {
      total += bytes
      if (total > cap) throw new ReplyOverCap(cap)
    },
  }
}
