/**
 * Read-only calls to one komodod that start in the same turn of the event loop go out as one
 * JSON-RPC batch (reference §1.1), and the batch reply is split back into the replies each call
 * would have had alone. Under load this is one HTTP exchange, one work-queue entry on komodod and
 * one parse of HTTP on each side for many calls; a lone call still goes alone, one setImmediate later.
 *
 * Only calls the gateway marks `repeatable` (reads, no wallet, not heavy) are coalesced: when a batch
 * reply cannot be used as is (cut at a cap, or a node that answers batches oddly) every call is
 * sent again alone, which a read allows. komodod runs a batch's calls in order on one RPC thread
 * (src/httprpc.cpp → JSONRPCExecBatch), each as it would run alone, so a call's reply and its HTTP
 * status (400, 404, 500 from its error code, as httprpc.cpp gives a single call) are unchanged.
 */
import type { RpcErrorObject } from '../../protocol/jsonrpc.ts'
import { httpStatusFor } from '../../protocol/jsonrpc.ts'
import type { ByteBudget } from './budget.ts'
import { ReplyCut } from './budget.ts'
import { upstreamUnavailable } from './errors.ts'
import { jsonArrayItems } from './jsonArrayItems.ts'
import type { CallOptions, NodeReply } from './upstream.ts'
import { UpstreamFailure } from './upstream.ts'

/** A node's reply as read off the wire, with the budget bytes it holds. */
export interface RawReply {
  status: number
  text: string
  reserved: number
}

export interface CoalesceDeps {
  node: string
  /** One POST of `body`; throws UpstreamFailure or ReplyCut. */
  post(body: string, opts: CallOptions): Promise<RawReply>
  /** A single call's raw reply as a NodeReply (gives the budget back itself when it refuses it). */
  reply(raw: RawReply, budget: ByteBudget): NodeReply
  /** Most calls in one batch. */
  maxBatch: number
}

export interface Coalescer {
  /** `body` is one serialized call. */
  call(body: string, opts: CallOptions): Promise<NodeReply>
}

interface Pending {
  body: string
  opts: CallOptions
  resolve(r: NodeReply): void
  reject(e: unknown): void
}

export function createCoalescer(deps: CoalesceDeps): Coalescer {
  let pending: Pending[] = []
  let scheduled = false
  // Set once a node answers a batch with something that cannot be split: it is then sent every
  // call alone (a proxy in front of komodod that does not pass batches, say).
  let batches = true

  const alone = (p: Pending): void => {
    deps.post(p.body, p.opts).then((raw) => deps.reply(raw, p.opts.budget)).then(p.resolve, p.reject)
  }

  const unusable = (): UpstreamFailure => new UpstreamFailure(upstreamUnavailable(deps.node, 502))

  /** The item's reply as a single call's, or why it cannot be one. */
  const itemReply = (item: string, p: Pending): NodeReply | Error => {
    const bytes = Buffer.byteLength(item)
    if (bytes > p.opts.maxBytes) return new ReplyCut('too-large')
    if (item.charCodeAt(0) !== 0x7b) return unusable()
    let error: RpcErrorObject | null
    try {
      error = (JSON.parse(item) as { error?: RpcErrorObject | null }).error ?? null
    } catch {
      return unusable()
    }
    if (error !== null && typeof error.code !== 'number') return unusable()
    return { status: httpStatusFor(error), body: item, error, reserved: bytes }
  }

  const batch = async (group: Pending[]): Promise<void> => {
    const budget = group[0].opts.budget
    const opts: CallOptions = {
      timeoutMs: Math.min(...group.map((p) => p.opts.timeoutMs)),
      // Room for every call's own cap, the brackets and commas; each item is checked against its own.
      maxBytes: group.reduce((n, p) => n + p.opts.maxBytes, 0) + group.length + 2,
      budget,
    }
    let raw: RawReply
    try {
      raw = await deps.post(`[${group.map((p) => p.body).join(',')}]`, opts)
    } catch (e) {
      // Cut: which call made it too large is unknown, so each is asked alone and judged alone.
      if (e instanceof ReplyCut) return group.forEach(alone)
      return group.forEach((p) => p.reject(e))
    }
    const items = raw.status === 200 ? jsonArrayItems(raw.text) : null
    if (!items || items.length !== group.length) {
      let failure: unknown = null
      try {
        // 401, 403, a full work queue, or no JSON-RPC at all: what each call would have met alone.
        budget.give(deps.reply(raw, budget).reserved)
      } catch (e) {
        failure = e
      }
      if (failure) return group.forEach((p) => p.reject(failure))
      batches = false
      return group.forEach(alone)
    }
    let handedOut = 0
    group.forEach((p, i) => {
      const r = itemReply(items[i], p)
      if (r instanceof Error) return p.reject(r)
      handedOut += r.reserved
      p.resolve(r)
    })
    budget.give(raw.reserved - handedOut)
  }

  const flush = (): void => {
    scheduled = false
    const all = pending
    pending = []
    // One batch per budget (the gateway has one; the budget is what the reply bytes are taken from).
    const byBudget = new Map<ByteBudget, Pending[]>()
    for (const p of all) {
      const list = byBudget.get(p.opts.budget)
      if (list) list.push(p)
      else byBudget.set(p.opts.budget, [p])
    }
    for (const list of byBudget.values()) {
      for (let i = 0; i < list.length; i += deps.maxBatch) {
        const group = list.slice(i, i + deps.maxBatch)
        if (group.length === 1 || !batches) group.forEach(alone)
        // Settled promises ignore a second verdict: this only reaches calls a bug left waiting.
        else batch(group).catch((e: unknown) => group.forEach((p) => p.reject(e)))
      }
    }
  }

  return {
    call(body, opts) {
      return new Promise((resolve, reject) => {
        pending.push({ body, opts, resolve, reject })
        if (!scheduled) {
          scheduled = true
          setImmediate(flush)
        }
      })
    },
  }
}
