import { describe, expect, it } from 'vitest'
import { decodeOpReturn, labelOutputs, opReturnPayload, bytesToHex } from '../../../modules/decode.ts'
import { opReturnScript } from '../../../protocol/opret.ts'
import { encodeFaucetGet } from '../../../modules/faucet/spec.ts'
import { encodeTokenCreate, encodeTokenTransfer } from '../../../modules/tokens/spec.ts'
import type { DecodedTx } from '../../../protocol/types.ts'

const pk = (b: string) => Uint8Array.from(Buffer.from('02' + b.repeat(32), 'hex'))
const script = (payload: Uint8Array) => bytesToHex(opReturnScript(payload))

describe('OP_RETURN decoding (checked against the devchain encoders)', () => {
  it('decodes a faucet claim nonce', () => {
    expect(decodeOpReturn(script(encodeFaucetGet(0x01020304)))).toEqual({ module: 'Faucet', evalCode: 0xe4, kind: 'claim', nonce: 0x01020304 })
  })

  it('decodes token creation, including a long description (PUSHDATA1/2)', () => {
    const description = 'd'.repeat(300)
    const d = decodeOpReturn(script(encodeTokenCreate({ creatorPubkey: pk('ab'), name: '<img src=x>', description })))
    expect(d).toEqual({ module: 'Tokens', evalCode: 0xf2, kind: 'create', creator: '02' + 'ab'.repeat(32), name: '<img src=x>', description })
  })

  it('decodes a token transfer', () => {
    const tokenid = '12'.repeat(32)
    const d = decodeOpReturn(script(encodeTokenTransfer({ tokenid, destPubkeys: [pk('cd')] })))
    expect(d).toEqual({ module: 'Tokens', evalCode: 0xf2, kind: 'transfer', tokenid, destinations: ['02' + 'cd'.repeat(32)] })
  })

  it('leaves unknown payloads alone', () => {
    expect(decodeOpReturn('6a0401020304')).toBeNull()
    expect(decodeOpReturn('76a914')).toBeNull()
    expect(decodeOpReturn('6a02e45a')).toMatchObject({ module: 'Faucet', kind: 'unknown', funcid: 'Z' })
    expect(opReturnPayload('6a05aa')).toBeNull()
  })

  it('labels CC outputs by global address, by the OP_RETURN eval code, and leaves normal outputs', () => {
    const cc = (addr: string) => ({ value: 1, n: 0, scriptPubKey: { asm: 'a22c OP_CHECKCRYPTOCONDITION', hex: '2ea2cc', type: 'cryptocondition', addresses: [addr] } })
    const fund: DecodedTx = { txid: 'a', version: 4, locktime: 0, vin: [], vout: [cc('R9zHrofhRbub7ER77B7NrVch3A63R39GuC'), { value: 1, n: 1, scriptPubKey: { asm: '', hex: '21ac', type: 'pubkey' } }] }
    expect(labelOutputs(fund)).toEqual([{ name: 'Faucet', evalCode: 0xe4 }, null])
    const create: DecodedTx = { txid: 'b', version: 4, locktime: 0, vin: [], vout: [cc('RsomeUserTokensAddress'), { value: 0, n: 1, scriptPubKey: { asm: 'OP_RETURN', hex: script(encodeTokenCreate({ creatorPubkey: pk('ab'), name: 'T', description: '' })), type: 'nulldata' } }] }
    expect(labelOutputs(create)).toEqual([{ name: 'Tokens', evalCode: 0xf2 }, null])
  })
})
