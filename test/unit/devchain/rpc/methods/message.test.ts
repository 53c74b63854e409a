/** signmessage / verifymessage: compact recoverable signatures over komodod's message magic. */
import { describe, it, expect } from 'vitest'
import { chain, rpcError } from './support.ts'

describe('signmessage and verifymessage', () => {
  it('signs with a wallet key and verifies on any node; a changed message or address fails', async () => {
    const { c, call } = await chain()
    const addr = await call('getnewaddress')
    const other = await call('getnewaddress', [], 'reader')
    const sig = await call('signmessage', [addr, 'hello komodo'])
    expect(sig).toMatch(/^[A-Za-z0-9+/]{87}=$/)
    expect(Buffer.from(sig, 'base64')[0]).toBeGreaterThanOrEqual(31) // compressed-key header
    expect(await call('verifymessage', [addr, sig, 'hello komodo'], 'reader')).toBe(true)
    expect(await call('verifymessage', [addr, sig, 'hello komodo!'])).toBe(false)
    expect(await call('verifymessage', [other, sig, 'hello komodo'])).toBe(false)
    expect(await rpcError(call('signmessage', [other, 'x']))).toEqual({ code: -4, message: 'Private key not available' })
    expect(await rpcError(call('signmessage', ['Rnope', 'x']))).toEqual({ code: -3, message: 'Invalid address' })
    expect(await rpcError(call('verifymessage', [addr, '%%%', 'x']))).toEqual({ code: -5, message: 'Malformed base64 encoding' })
    await c.close()
  })
})
