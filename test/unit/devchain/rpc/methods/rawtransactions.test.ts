/** createrawtransaction and signrawtransaction: typing, defaults, prevtxs, privkeys, sighash types. */
import { describe, it, expect } from 'vitest'
import { chain, rpcError } from './support.ts'
import { encodeWif, keyFromSeed } from '../../../../../devchain/crypto/keys.ts'

describe('createrawtransaction', () => {
  it('types its parameters like RPCTypeCheck and checks each input and output', async () => {
    const { c, call } = await chain()
    const to = await call('getnewaddress', [], 'reader')
    const txid = 'ab'.repeat(32)
    expect(await rpcError(call('createrawtransaction', ['[]', {}]))).toEqual({ code: -3, message: 'Expected type array, got string' })
    expect(await rpcError(call('createrawtransaction', [[], {}, '5']))).toEqual({ code: -3, message: 'Expected type number, got string' })
    expect(await rpcError(call('createrawtransaction', [[{ txid: 'xyz', vout: 0 }], {}]))).toEqual({ code: -8, message: "txid must be hexadecimal string (not 'xyz')" })
    expect(await rpcError(call('createrawtransaction', [[{ txid }], {}]))).toEqual({ code: -8, message: 'Invalid parameter, missing vout key' })
    expect(await rpcError(call('createrawtransaction', [[{ txid, vout: -1 }], {}]))).toEqual({ code: -8, message: 'Invalid parameter, vout must be positive' })
    expect(await rpcError(call('createrawtransaction', [[], {}, -1]))).toEqual({ code: -8, message: 'Invalid parameter, locktime out of range' })
    expect(await rpcError(call('createrawtransaction', [[], {}, 0, 500_000_000]))).toEqual({ code: -8, message: 'Invalid parameter, expiryheight must be nonnegative and less than 500000000.' })
    expect(await rpcError(call('createrawtransaction', [[], { '76a9': 1 }]))).toEqual({ code: -5, message: 'Invalid script: 76a9 (only P2PKH, P2PK and P2SH scripts are allowed)' })
    expect(await rpcError(call('createrawtransaction', [[], { [to]: 'abc' }]))).toEqual({ code: -3, message: 'Invalid amount' })
    // The same destination twice: as its address and as its P2PKH script.
    const v = await call('validateaddress', [to], 'reader')
    expect(await rpcError(call('createrawtransaction', [[], { [to]: 1, [v.scriptPubKey]: 2 }]))).toEqual({ code: -8, message: `Invalid parameter, duplicated destination: ${v.scriptPubKey}` })
    await c.close()
  })

  it('sets expiry to the next height + 200 and sequence 0xfffffffe under a lock time; data is an OP_RETURN', async () => {
    const { c, call } = await chain()
    const to = await call('getnewaddress', [], 'reader')
    const hex = await call('createrawtransaction', [[{ txid: 'ab'.repeat(32), vout: 1 }], { data: '00ff', [to]: 0.5 }, 77])
    const d = await call('decoderawtransaction', [hex])
    expect([d.version, d.locktime, d.expiryheight]).toEqual([4, 77, (await call('getblockcount')) + 201])
    expect(d.vin[0]).toMatchObject({ txid: 'ab'.repeat(32), vout: 1, sequence: 0xfffffffe })
    expect(d.vout.map((o: { valueZat: number; scriptPubKey: { type: string } }) => [o.valueZat, o.scriptPubKey.type])).toEqual([[0, 'nulldata'], [50_000_000, 'pubkeyhash']])
    const given = await call('decoderawtransaction', [await call('createrawtransaction', [[{ txid: 'ab'.repeat(32), vout: 1, sequence: 5 }], {}, 0, 9])])
    expect([given.vin[0].sequence, given.expiryheight]).toEqual([5, 9])
    await c.close()
  })
})

describe('signrawtransaction', () => {
  async function unsigned(call: (m: string, p?: unknown[], n?: string) => Promise<any>) {
    const coin = (await call('listunspent')).sort((a: { amount: number }, b: { amount: number }) => b.amount - a.amount)[0]
    const to = await call('getnewaddress', [], 'reader')
    return { coin, to, hex: await call('createrawtransaction', [[{ txid: coin.txid, vout: coin.vout }], { [to]: 1 }]) }
  }

  it('signs with every sighash type komodod names, and refuses others', async () => {
    const { c, call } = await chain()
    await call('generate', [3])
    for (const type of ['ALL', 'NONE', 'SINGLE', 'ALL|ANYONECANPAY', 'NONE|ANYONECANPAY', 'SINGLE|ANYONECANPAY']) {
      const { hex } = await unsigned(call)
      const s = await call('signrawtransaction', [hex, null, null, type])
      expect(s.complete, type).toBe(true)
      const d = await call('decoderawtransaction', [s.hex])
      expect(d.vin[0].scriptSig.asm, type).toContain(`[${type}]`)
    }
    const { hex } = await unsigned(call)
    expect(await rpcError(call('signrawtransaction', [hex, null, null, 'EVERYTHING']))).toEqual({ code: -8, message: 'Invalid sighash param' })
    expect(await rpcError(call('signrawtransaction', [hex, null, null, null, 'zz']))).toEqual({ code: -1, message: 'zz is not a valid consensus branch id' })
    expect(await rpcError(call('signrawtransaction', ['0g']))).toEqual({ code: -8, message: "argument 1 must be hexadecimal string (not '0g')" })
    expect(await rpcError(call('signrawtransaction', ['00']))).toEqual({ code: -22, message: 'TX decode failed' })
    await c.close()
  })

  it('signs with privkeys instead of the wallet, and with prevtxs for outputs the node does not know', async () => {
    const { c, call } = await chain()
    const { coin, hex } = await unsigned(call)
    // The reader signs the miner's coin when given the miner's key (the seed's first miner key).
    const minerKey = keyFromSeed('rpc-methods', 'miner/0')
    expect(minerKey.address).toBe(coin.address)
    expect((await call('signrawtransaction', [hex], 'reader')).complete).toBe(false)
    expect((await call('signrawtransaction', [hex, null, [encodeWif(minerKey.priv)]], 'reader')).complete).toBe(true)
    expect(await rpcError(call('signrawtransaction', [hex, [], ['notakey']], 'reader'))).toEqual({ code: -5, message: 'Invalid private key' })
    const wrong = encodeWif(new Uint8Array(32).fill(7))
    const byWrongKey = await call('signrawtransaction', [hex, [], [wrong]], 'reader')
    expect(byWrongKey.complete).toBe(false)
    // prevtxs: a mismatching scriptPubKey is refused; an unknown output is signed with the amount given.
    expect(await rpcError(call('signrawtransaction', [hex, [{ txid: coin.txid, vout: coin.vout, scriptPubKey: '51' }]])))
      .toMatchObject({ code: -22, message: expect.stringMatching(/^Previous output scriptPubKey mismatch:\n/) })
    expect(await rpcError(call('signrawtransaction', [hex, [{ txid: coin.txid, vout: coin.vout }]]))).toEqual({ code: -3, message: 'Expected type string for scriptPubKey, got null' })
    const ghost = 'cd'.repeat(32)
    const to = await call('getnewaddress', [], 'reader')
    const ghostHex = await call('createrawtransaction', [[{ txid: ghost, vout: 0 }], { [to]: 1 }])
    const s = await call('signrawtransaction', [ghostHex, [{ txid: ghost, vout: 0, scriptPubKey: coin.scriptPubKey, amount: 2 }]])
    expect(s).toEqual({ hex: expect.any(String), complete: true })
    await c.close()
  })
})
