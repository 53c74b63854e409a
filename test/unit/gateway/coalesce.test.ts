/** The coalescer alone, with a scripted node: what it sends, and what each call gets back. */
import { describe, expect, it } from 'vitest'
import { createByteBudget, ReplyCut } from '../../../server/gateway/budget.ts'
import { createCoalescer, type RawReply } from '../../../server/gateway/coalesce.ts'
import type { CallOptions, NodeReply } from '../../../server/gateway/upstream.ts'
import { UpstreamFailure } from '../../../server/gateway/upstream.ts'
import { upstreamBusy } from '../../../server/gateway/errors.ts'

const call = (id: number, method = 'getblockcount') => JSON.stringify({ method, params: [], id })
const single = (raw: RawReply): NodeReply => {
  const body = raw.text.trimEnd()
  const error = raw.status === 200 ? null : (JSON.parse(body) as { error: NodeReply['error'] }).error
  return { status: raw.status, body, error, reserved: raw.reserved }
}

/** A node that answers each call in a batch from `answer`, and records every body it got. */
function node(answer: (c: { method: string; id: number }) => string, opts: { batches?: 'ok' | 'refused' } = {}) {
  const bodies: string[] = []
  const budget = createByteBudget(1 << 20)
  const post = async (body: string, o: CallOptions): Promise<RawReply> => {
    bodies.push(body)
    const parsed = JSON.parse(body) as { method: string; id: number } | { method: string; id: number }[]
    let status = 200
    let text: string
    if (Array.isArray(parsed)) {
      if (opts.batches === 'refused') {
        status = 400
        text = '{"result":null,"error":{"code":-32600,"message":"Invalid Request object"},"id":null}\n'
      } else text = `[${parsed.map(answer).join(',')}]\n`
    } else {
      text = answer(parsed) + '\n'
      if (text.includes('"error":{')) status = 500
    }
    const size = Buffer.byteLength(text)
    if (size > o.maxBytes) throw new ReplyCut('too-large')
    if (!o.budget.take(size)) throw new ReplyCut('budget')
    return { status, text, reserved: size }
  }
  return { bodies, budget, post }
}

const opts = (budget: CallOptions['budget'], maxBytes = 1 << 16): CallOptions => ({ timeoutMs: 1000, maxBytes, budget })

describe('createCoalescer', () => {
  it('sends calls made in one turn as one batch, and each gets its own reply and status', async () => {
    const n = node((c) => (c.method === 'bad' ? `{"result":null,"error":{"code":-32601,"message":"Method not found"},"id":${c.id}}` : `{"result":1.00000000,"error":null,"id":${c.id}}`))
    const co = createCoalescer({ node: 'miner', post: n.post, reply: single, maxBatch: 32 })
    const replies = await Promise.all([co.call(call(1), opts(n.budget)), co.call(call(2, 'bad'), opts(n.budget)), co.call(call(3), opts(n.budget))])
    expect(n.bodies).toEqual([`[${call(1)},${call(2, 'bad')},${call(3)}]`])
    expect(replies.map((r) => [r.status, r.body])).toEqual([
      [200, '{"result":1.00000000,"error":null,"id":1}'],
      [404, '{"result":null,"error":{"code":-32601,"message":"Method not found"},"id":2}'],
      [200, '{"result":1.00000000,"error":null,"id":3}'],
    ])
    expect(replies[1].error).toEqual({ code: -32601, message: 'Method not found' })
    // What the calls hold of the budget is exactly their bodies; brackets and commas went back.
    expect(n.budget.used).toBe(replies.reduce((s, r) => s + r.reserved, 0))
    expect(replies.map((r) => r.reserved)).toEqual(replies.map((r) => Buffer.byteLength(r.body)))
  })

  it('sends a lone call alone, and splits past maxBatch', async () => {
    const n = node((c) => `{"result":0,"error":null,"id":${c.id}}`)
    const co = createCoalescer({ node: 'miner', post: n.post, reply: single, maxBatch: 2 })
    await co.call(call(1), opts(n.budget))
    expect(n.bodies).toEqual([call(1)])
    await Promise.all([1, 2, 3].map((i) => co.call(call(i), opts(n.budget))))
    expect(n.bodies.slice(1).sort()).toEqual([call(3), `[${call(1)},${call(2)}]`].sort())
  })

  it('cuts only the call whose own reply is too large', async () => {
    const big = 'x'.repeat(500)
    const n = node((c) => `{"result":"${c.id === 2 ? big : 'ok'}","error":null,"id":${c.id}}`)
    const co = createCoalescer({ node: 'miner', post: n.post, reply: single, maxBatch: 32 })
    const settled = await Promise.allSettled([1, 2, 3].map((i) => co.call(call(i), opts(n.budget, 100))))
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect((settled[1] as PromiseRejectedResult).reason).toBeInstanceOf(ReplyCut)
  })

  it('asks each call alone when the batch reply itself was cut', async () => {
    const n = node((c) => `{"result":"${'y'.repeat(60)}","error":null,"id":${c.id}}`)
    const co = createCoalescer({ node: 'miner', post: async (body, o) => n.post(body, { ...o, maxBytes: Math.min(o.maxBytes, 120) }), reply: single, maxBatch: 32 })
    const replies = await Promise.all([1, 2].map((i) => co.call(call(i), opts(n.budget, 120))))
    expect(replies.map((r) => r.status)).toEqual([200, 200])
    expect(n.bodies.length).toBe(3)
    expect(n.bodies.slice(1).sort()).toEqual([call(1), call(2)])
  })

  it('falls back to single calls, for good, on a node that refuses batches', async () => {
    const n = node((c) => `{"result":7,"error":null,"id":${c.id}}`, { batches: 'refused' })
    const co = createCoalescer({ node: 'miner', post: n.post, reply: single, maxBatch: 32 })
    const first = await Promise.all([1, 2].map((i) => co.call(call(i), opts(n.budget))))
    expect(first.map((r) => r.body)).toEqual(['{"result":7,"error":null,"id":1}', '{"result":7,"error":null,"id":2}'])
    await Promise.all([3, 4].map((i) => co.call(call(i), opts(n.budget))))
    expect(n.bodies.filter((b) => b.startsWith('[')).length).toBe(1)
    // Four single replies held (each with komodod's newline); nothing of the refused batch.
    expect(n.budget.used).toBe(4 * Buffer.byteLength('{"result":7,"error":null,"id":1}\n'))
  })

  it('gives every call the failure of the exchange that carried it', async () => {
    const co = createCoalescer({ node: 'miner', post: async () => { throw new UpstreamFailure(upstreamBusy('miner')) }, reply: single, maxBatch: 32 })
    const budget = createByteBudget(1000)
    const settled = await Promise.allSettled([1, 2, 3].map((i) => co.call(call(i), opts(budget))))
    expect(settled.every((s) => s.status === 'rejected' && s.reason instanceof UpstreamFailure)).toBe(true)
  })

  it('passes on a refused reply to a call sent alone', async () => {
    const budget = createByteBudget(1000)
    const refused = new UpstreamFailure(upstreamBusy('miner'))
    const co = createCoalescer({ node: 'miner', post: async () => ({ status: 500, text: 'Work queue depth exceeded', reserved: 0 }), reply: () => { throw refused }, maxBatch: 32 })
    await expect(co.call(call(1), opts(budget))).rejects.toBe(refused)
  })

  it('answers a node that mangles the batch with the node-unusable error, and holds no bytes', async () => {
    const budget = createByteBudget(1000)
    const post = async (): Promise<RawReply> => (budget.take(30), { status: 200, text: '[{"result":1,"error":null,"id":1}]', reserved: 30 })
    const co = createCoalescer({ node: 'miner', post, reply: (raw) => { if (!raw.text.startsWith('{')) { budget.give(raw.reserved); throw new UpstreamFailure(upstreamBusy('x')) } return single(raw) }, maxBatch: 32 })
    const settled = await Promise.allSettled([1, 2].map((i) => co.call(call(i), opts(budget))))
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected'])
    expect(budget.used).toBe(0)
  })
})
