/**
 * A caller's reply cap (replySize.ts): an address-index walk stops early only when its reply is sure
 * to pass the cap, never for a reply that would have fit, and the answer under a cap it fits is the
 * same as without one.
 */
import { describe, expect, it } from 'vitest'
import { ReplyOverCap, serializeReply } from '../../../../devchain/index.ts'
import { createDevchain } from '../../../support/devchain.ts'

describe('reply cap', () => {
  it('stops a walk only for replies that would pass the cap', async () => {
    const c = await createDevchain({ dataDir: null, seed: 'reply-cap' })
    try {
      await c.call('miner', 'generate', [300])
      const reader = (await c.call('reader', 'getnewaddress', [])) as string
      for (let i = 0; i < 5; i++) await c.call('miner', 'sendtoaddress', [reader, 1 + i])
      await c.call('miner', 'generate', [1])
      const miner = ((await c.call('miner', 'devchain_info', [])) as { nodes: { address: string }[] }).nodes[0].address
      const calls: [string, unknown[]][] = [
        ['getaddressutxos', [{ addresses: [miner, reader] }]],
        ['getaddressutxos', [{ addresses: [miner], chainInfo: true }]],
        ['getaddresstxids', [{ addresses: [miner, reader] }]],
        ['getaddressdeltas', [{ addresses: [reader, miner] }]],
        ['getaddressdeltas', [{ addresses: [miner], start: 2, end: 250, chainInfo: true }]],
      ]
      for (const [method, params] of calls) {
        const whole = await c.call('miner', method, params)
        // What the gateway prints and caps: the reply's envelope with its result.
        const size = Buffer.byteLength(serializeReply({ result: whole, error: null, id: 1 }))
        let stopped = 0
        for (const cap of [100, Math.floor(size / 3), Math.floor(size * 0.8), size - 200, size - 1, size, size + 1, size * 2]) {
          try {
            expect(await c.call('miner', method, params, { maxReplyBytes: cap }), `${method} under ${cap}`).toEqual(whole)
            expect(cap, `${method}: answered whole under a cap of ${cap} < ${size} bytes`).toBeGreaterThan(size * 0.5)
          } catch (e) {
            expect(e, method).toBeInstanceOf(ReplyOverCap)
            // Never for a reply that fits.
            expect(size, `${method} stopped at a cap of ${cap}`).toBeGreaterThan(cap)
            stopped++
          }
        }
        expect(stopped, method).toBeGreaterThanOrEqual(2)
      }
    } finally {
      await c.close()
    }
  })

  it('builds every reply whole without a cap', async () => {
    const c = await createDevchain({ dataDir: null, seed: 'reply-cap-none' })
    try {
      await c.call('miner', 'generate', [200])
      const miner = ((await c.call('miner', 'devchain_info', [])) as { nodes: { address: string }[] }).nodes[0].address
      expect(((await c.call('miner', 'getaddressutxos', [miner])) as unknown[]).length).toBeGreaterThanOrEqual(200)
    } finally {
      await c.close()
    }
  })
})
