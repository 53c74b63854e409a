/**
 * A wallet's confirmed coins indexed by value, with running totals by height, so that coin selection
 * (`sendtoaddress`, the CC builders' normal inputs) and balances cost the same on a chain of 100,000
 * blocks as on one of 100: a miner's wallet holds a coin per block, and a full scan of them per call
 * was most of a payment's time.
 *
 * What it answers is exactly what the full scan (`Wallet.forEachCoin`) answers; the unit tests check it
 * after every step of randomized chains. Among coins of equal value the index keeps the scan's order:
 * wallet key order, then the order the ledger connected them.
 *
 * Maturity: komodod's wallet (src/wallet/wallet.cpp, AvailableCoins and GetAvailableCredit) skips a
 * coinbase output until it is mature. The index uses the rule the mempool enforces (Ledger.accept,
 * `bad-txns-premature-spend-of-coinbase`), so the wallet never picks a coin the mempool would refuse.
 * With -ac_cbmaturity at 1 (the default) every confirmed coin is mature.
 */
import type { Coin } from './view.ts'

/** Prefix sums over block heights (a Fenwick tree) that grows with the chain. */
class HeightSums {
  private tree = new Float64Array(1024)

  add(height: number, value: number): void {
    const i0 = height + 1
    while (i0 >= this.tree.length) this.grow()
    for (let i = i0; i < this.tree.length; i += i & -i) this.tree[i] += value
  }

  /** Sum of the values at heights ≤ `height`. */
  upTo(height: number): number {
    let s = 0
    for (let i = Math.min(height + 1, this.tree.length - 1); i > 0; i -= i & -i) s += this.tree[i]
    return s
  }

  /** Doubles the tree. Nodes past the old size cover old heights too: they start at those sums. */
  private grow(): void {
    const old = this.tree
    const n = old.length - 1
    const all = this.upTo(n)
    this.tree = new Float64Array(old.length * 2)
    this.tree.set(old)
    for (let i = n + 1; i < this.tree.length; i++) {
      const from = i - (i & -i)
      if (from < n) this.tree[i] = all - this.upToIn(old, from)
    }
  }

  private upToIn(tree: Float64Array, i: number): number {
    let s = 0
    for (; i > 0; i -= i & -i) s += tree[i]
    return s
  }
}

/** Ranks a coin's key in the wallet: the scan visits keys in this order. */
export type KeyRank = (c: Coin) => number

/** Visits coins until the callback returns true. */
type Visit = (c: Coin) => boolean | void

export class CoinIndex {
  /** Distinct values held, ascending. */
  private values: number[] = []
  /** value → key rank → coins in the order the ledger connected them. */
  private buckets = new Map<number, Map<number, Set<Coin>>>()
  private sums = new HeightSums()
  /** Coinbase value by height for heights whose coinbase may still be immature (pruned as the chain grows). */
  private recentCoinbase = new Map<number, number>()
  private total = 0
  private count = 0

  constructor(
    private readonly rank: KeyRank,
    private readonly maturity: number,
  ) {}

  get size(): number {
    return this.count
  }

  add(c: Coin): void {
    let bucket = this.buckets.get(c.value)
    if (!bucket) {
      this.buckets.set(c.value, (bucket = new Map()))
      this.values.splice(lowerBound(this.values, c.value), 0, c.value)
    }
    const r = this.rank(c)
    let set = bucket.get(r)
    if (!set) bucket.set(r, (set = new Set()))
    set.add(c)
    this.sums.add(c.height, c.value)
    this.total += c.value
    this.count++
    if (c.coinbase && this.maturity > 1) {
      this.recentCoinbase.set(c.height, (this.recentCoinbase.get(c.height) ?? 0) + c.value)
      if (this.recentCoinbase.size > 2 * this.maturity) this.prune(c.height)
    }
  }

  remove(c: Coin): void {
    const bucket = this.buckets.get(c.value)
    const r = this.rank(c)
    const set = bucket?.get(r)
    if (!bucket || !set?.delete(c)) return
    if (set.size === 0) bucket.delete(r)
    if (bucket.size === 0) {
      this.buckets.delete(c.value)
      this.values.splice(lowerBound(this.values, c.value), 1)
    }
    this.sums.add(c.height, -c.value)
    this.total -= c.value
    this.count--
    const cb = c.coinbase ? this.recentCoinbase.get(c.height) : undefined
    if (cb !== undefined) this.recentCoinbase.set(c.height, cb - c.value)
  }

  /** True when a coin is spendable by a transaction mined on top of `tip`. */
  mature(c: Coin, tip: number): boolean {
    return !c.coinbase || tip + 1 - c.height >= this.maturity
  }

  /** Total of the mature coins with at least `minconf` confirmations at `tip`. */
  matureTotal(tip: number, minconf: number): number {
    const top = tip - Math.max(minconf, 1) + 1
    let s = top >= tip ? this.total : this.sums.upTo(top)
    if (this.maturity > 1) {
      this.prune(tip)
      for (const [h, v] of this.recentCoinbase) if (h <= top) s -= v
    }
    return s
  }

  /** Forgets the coinbases that are mature at `tip`. */
  private prune(tip: number): void {
    const ripe = tip + 1 - this.maturity
    for (const h of this.recentCoinbase.keys()) if (h <= ripe) this.recentCoinbase.delete(h)
  }

  /** Coins with value ≥ `min`, smallest value first, ties in scan order. */
  ascendingFrom(min: number, visit: Visit): void {
    for (let i = lowerBound(this.values, min); i < this.values.length; i++) if (this.visitBucket(this.values[i], visit)) return
  }

  /** Every coin, largest value first, ties in scan order. */
  descending(visit: Visit): void {
    for (let i = this.values.length - 1; i >= 0; i--) if (this.visitBucket(this.values[i], visit)) return
  }

  private visitBucket(value: number, visit: Visit): boolean {
    const bucket = this.buckets.get(value)!
    const ranks = bucket.size === 1 ? bucket.keys() : [...bucket.keys()].sort((a, b) => a - b)
    for (const r of ranks) for (const c of bucket.get(r)!) if (visit(c)) return true
    return false
  }
}

function lowerBound(xs: number[], v: number): number {
  let lo = 0
  let hi = xs.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (xs[mid] < v) lo = mid + 1
    else hi = mid
  }
  return lo
}
