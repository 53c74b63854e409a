import { describe, it, expect, vi } from 'vitest'
import { Amount, serializeReply } from '../../../devchain/index.ts'

describe('serializeReply', () => {
  it('prints amounts with 8 decimals wherever they are', () => {
    const reply = { result: { balance: new Amount(1016429765), fee: new Amount(-10000), zero: new Amount(0), list: [new Amount(1)], n: 5 }, error: null, id: 'x' }
    expect(serializeReply(reply)).toBe('{"result":{"balance":10.16429765,"fee":-0.00010000,"zero":0.00000000,"list":[0.00000001],"n":5},"error":null,"id":"x"}')
    expect(serializeReply(new Amount(100_000_000_000_000))).toBe('1000000.00000000')
  })

  it('leaves strings alone, even ones that look like the internal marker', () => {
    const s = '\u0001A1.00000000'
    expect(JSON.parse(serializeReply({ s }))).toEqual({ s })
    expect(serializeReply({ s: '10.5' })).toBe('{"s":"10.5"}')
  })

  it('draws its secret nonce on first use, not when the module is evaluated (a startup snapshot would freeze it)', async () => {
    vi.resetModules()
    const { platform } = await import('#platform')
    const draw = vi.spyOn(platform, 'randomBytes')
    try {
      const fresh = await import('../../../devchain/rpc/amount.ts')
      expect(draw).not.toHaveBeenCalled()
      expect(fresh.serializeReply({ a: new fresh.Amount(1) })).toBe('{"a":0.00000001}')
      expect(fresh.serializeReply({ b: new fresh.Amount(2) })).toBe('{"b":0.00000002}')
      expect(draw).toHaveBeenCalledTimes(1)
    } finally {
      draw.mockRestore()
    }
  })

  it('is a plain number for JSON.stringify and arithmetic', () => {
    expect(JSON.stringify({ a: new Amount(150_000_000) })).toBe('{"a":1.5}')
    expect(Number(new Amount(150_000_000)) + 1).toBe(2.5)
  })
})
