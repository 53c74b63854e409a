/**
 * The engine's two platforms (devchain/platform/) agree byte for byte, and `#platform` resolves to
 * the one the test project asks for: the `unit` project runs the engine on Node, `unit-browser` on
 * the browser platform.
 */
import { describe, expect, it } from 'vitest'
import { platform } from '#platform'
import { platform as nodePlatform } from '../../../devchain/platform/node/index.ts'
import { platform as browserPlatform } from '../../../devchain/platform/browser/index.ts'
import { crc32 } from '../../../devchain/crypto/crc32.ts'
import { jsCrc32 } from '../../../devchain/crypto/jsCrc32.ts'

const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff)

describe('engine platform', () => {
  it('is the platform this test project runs the engine on', () => {
    expect(platform.name).toBe(process.env.KJ_ENGINE_PLATFORM ?? 'node')
  })

  it('hashes, derives public keys and converts hex identically on Node and in the browser', () => {
    for (const n of [0, 1, 55, 56, 64, 1000]) {
      const b = bytes(n, n)
      expect(browserPlatform.toHex(browserPlatform.sha256(b))).toBe(nodePlatform.toHex(nodePlatform.sha256(b)))
      expect(browserPlatform.fromHex(nodePlatform.toHex(b))).toEqual(b)
      expect(nodePlatform.fromHex(browserPlatform.toHex(b))).toEqual(b)
    }
    for (let i = 1; i < 20; i++) {
      const priv = nodePlatform.sha256(Uint8Array.of(i))
      expect(browserPlatform.toHex(browserPlatform.publicKey(priv))).toBe(nodePlatform.toHex(nodePlatform.publicKey(priv)))
    }
  })

  it("gives zlib's CRC-32 natively where it has one, equal to the engine's own, continued or not", () => {
    for (const n of [0, 1, 7, 8, 9, 65_535, 65_536, 200_003]) {
      const b = bytes(n, n + 3)
      for (const p of [nodePlatform, browserPlatform]) {
        if (!p.crc32) continue
        expect(p.crc32(b, 0)).toBe(jsCrc32(b))
        const cut = n >> 1
        expect(p.crc32(b.subarray(cut), p.crc32(b.subarray(0, cut), 0))).toBe(jsCrc32(b))
      }
      expect(crc32(b)).toBe(jsCrc32(b))
    }
    // Node 20.15+ has zlib.crc32; the browser platform has no native CRC.
    expect(nodePlatform.crc32).toBeTypeOf('function')
    expect(jsCrc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926)
  })

  it('gives fresh random bytes, a core count, and yields to queued work', async () => {
    for (const p of [nodePlatform, browserPlatform]) {
      expect(p.parallelism()).toBeGreaterThanOrEqual(1)
      const a = p.randomBytes(16)
      expect(a.length).toBe(16)
      expect(p.toHex(a)).not.toBe(p.toHex(p.randomBytes(16)))
      const order: string[] = []
      const done = p.yieldToEventLoop().then(() => order.push('after'))
      order.push('before')
      await done
      expect(order).toEqual(['before', 'after'])
    }
  })
})
