import { describe, expect, it } from 'vitest'
import { Amount, serializeReply } from '../../../devchain/index.ts'
import { printCapped } from '../../../server/gateway/cappedJson.ts'
import { ReplyCut, createByteBudget } from '../../../server/gateway/budget.ts'

const roomy = () => createByteBudget(1 << 30)

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
    for (const s of samples) {
      const budget = roomy()
      const printed = await printCapped(s, 1 << 20, budget)
      expect(printed?.text).toBe(serializeReply(s))
      // The exact UTF-8 length is what the reply holds of the budget.
      expect(printed?.reserved).toBe(Buffer.byteLength(serializeReply(s)))
      expect(budget.used).toBe(printed?.reserved)
    }
  })

  it('stops at the cap: null once the text would pass it, the text when it fits exactly', async () => {
    const big = { result: Array.from({ length: 1000 }, (_, i) => ({ txid: `${i}`.padStart(64, '0'), satoshis: i })), error: null, id: 1 }
    const text = serializeReply(big)
    expect((await printCapped(big, text.length, roomy()))?.text).toBe(text)
    const budget = roomy()
    expect(await printCapped(big, text.length - 1, budget)).toBeNull()
    expect(await printCapped(big, 100, budget)).toBeNull()
    expect(budget.used).toBe(0)
  })

  it('takes the budget while printing and gives it all back when the budget runs out', async () => {
    const big = { result: Array.from({ length: 5000 }, (_, i) => ({ txid: `${i}`.padStart(64, '0'), satoshis: i })), error: null, id: 1 }
    const budget = createByteBudget(200_000)
    // Another reply holds part of the budget meanwhile.
    budget.take(50_000)
    await expect(printCapped(big, 1 << 20, budget)).rejects.toBeInstanceOf(ReplyCut)
    expect(budget.used).toBe(50_000)
    expect(serializeReply(big).length).toBeGreaterThan(200_000)
  })
})
