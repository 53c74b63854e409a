import { describe, expect, it } from 'vitest'
import { Amount, serializeReply } from '../../../devchain/index.ts'
import { printCapped } from '../../../server/gateway/cappedJson.ts'

const samples: unknown[] = [
  { result: 7, error: null, id: 1 },
  { result: null, error: { code: -8, message: 'bad "quote" \u2603' }, id: 'x' },
  { result: [{ a: new Amount(123_456_789), b: [1, { c: new Amount(-5) }], skip: undefined, d: 'é' }, undefined, null], error: null, id: [1, { n: null }] },
  { result: { tx: [{ vout: [{ value: new Amount(100_000_000), n: 0 }], hex: 'ab' }], deep: { a: { b: { c: { d: [new Amount(1)] } } } } }, error: null, id: null },
  { result: [], error: null, id: {} },
  { result: 'text', error: null, id: 0 },
]

describe('printCapped', () => {
  it('prints exactly what serializeReply prints', async () => {
    for (const s of samples) expect(await printCapped(s, 1 << 20)).toBe(serializeReply(s))
  })

  it('stops at the cap: null once the text would pass it, the text when it fits exactly', async () => {
    const big = { result: Array.from({ length: 1000 }, (_, i) => ({ txid: `${i}`.padStart(64, '0'), satoshis: i })), error: null, id: 1 }
    const text = serializeReply(big)
    expect(await printCapped(big, text.length)).toBe(text)
    expect(await printCapped(big, text.length - 1)).toBeNull()
    expect(await printCapped(big, 100)).toBeNull()
  })
})
