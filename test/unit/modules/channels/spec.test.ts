/**
 * The Channels codec and hash chain against transactions a komodod node made (developer-docs
 * antara-api/channels.md: a channelsopen of 1000 × 0.1 coin, its channelsinfo after a 21-payment
 * channelspayment, the channelsclose after it, and a token channelsopen), plus the seed derivation's
 * own consistency (komodod checks both sides of the curve25519 exchange agree).
 */
import { describe, expect, it } from 'vitest'
import { x25519 } from '@noble/curves/ed25519.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { parseTx } from '../../../../devchain/tx/transaction.ts'
import { hexToBytes } from '../../../../devchain/cc/hashes.ts'
import { opReturnPayload, opReturnScript } from '../../../../protocol/opret.ts'
import { decodeChannelsOpret, encodeChannelsOpret, FUNCID, ZERO_ID } from '../../../../modules/channels/spec/opret.ts'
import { channelSeed, hashchainOf, reachesHashchain, secretFor } from '../../../../modules/channels/hashchain.ts'
import { channels, decodeChannelsPayload, viewChannelsPayload } from '../../../../modules/channels/spec.ts'
import { decodeOpReturn } from '../../../../modules/decode.ts'

const SRC = '02d3431950c2f0f9654217b6ce3d44468d3a9ca7255741767fdeee7c5ec6b47567'
const DEST = '0257e1074b542c47cd6f603e3d78400045df0781875f698138e92cb03055286634'
const OPEN_TXID = '04ed7f0d7c90036bad2822ea32564e38cc517f2ac86c8c53a031543e7d8235d0'
// The OP_RETURN payloads of the recorded transactions (after `6a 4c 92`).
const OPEN_PAYLOAD = `eb4f${'00'.repeat(32)}21${SRC}21${DEST}e803000080969800000000009704b3bd04d351e193cdc4dc500253acb9d6c6db6562edbe101699b24df725bc`
const CLOSE_PAYLOAD = `eb43d035827d3e5431a0538c6cc82a7f51cc384e5632ea2228ad6b03907c0d7fed0421${SRC}21${DEST}d30300008096980000000000${'00'.repeat(32)}`
const TOKEN_OPEN_PAYLOAD = `f274916a6907e39cec679a6c832255c71b74e4941895d2d8775a6d2a0e8a322401ed0221${SRC}21${DEST}1492eb4f${'00'.repeat(32)}21${SRC}21${DEST}630000000100000000000000e613adac747c26e76f8db6ca9818032f3d678b1b7f608938516662d857b2980f`

describe('Channels OP_RETURN (EncodeChannelsOpRet / DecodeChannelsOpRet)', () => {
  it('reads the recorded open and writes it back byte for byte', () => {
    const o = decodeChannelsOpret(hexToBytes(OPEN_PAYLOAD))!
    expect(o).toEqual({
      funcid: FUNCID.open, opentxid: ZERO_ID, srcpub: SRC, destpub: DEST, param1: 1000, param2: 10_000_000n,
      param3: 'bc25f74db2991610beed6265dbc6d6b9ac530250dcc4cd93e151d304bdb30497', tokenid: ZERO_ID,
    })
    expect(Buffer.from(encodeChannelsOpret(o)).toString('hex')).toBe(OPEN_PAYLOAD)
  })

  it('reads the recorded close: the opentxid reversed, 979 payments left', () => {
    expect(decodeChannelsOpret(hexToBytes(CLOSE_PAYLOAD))).toMatchObject({ funcid: FUNCID.close, opentxid: OPEN_TXID, param1: 979, param3: ZERO_ID })
  })

  it('reads and writes the token wrapper (OPRETID_CHANNELSDATA)', () => {
    const o = decodeChannelsOpret(hexToBytes(TOKEN_OPEN_PAYLOAD))!
    expect(o).toMatchObject({ funcid: FUNCID.open, tokenid: '916a6907e39cec679a6c832255c71b74e4941895d2d8775a6d2a0e8a322401ed', param1: 99, param2: 1n })
    expect(Buffer.from(encodeChannelsOpret(o)).toString('hex')).toBe(TOKEN_OPEN_PAYLOAD)
  })

  it('refuses what komodod\'s E_UNMARSHAL refuses: trailing or missing bytes, another eval code', () => {
    expect(decodeChannelsOpret(hexToBytes(OPEN_PAYLOAD + '00'))).toBeNull()
    expect(decodeChannelsOpret(hexToBytes(OPEN_PAYLOAD.slice(0, -2)))).toBeNull()
    expect(decodeChannelsOpret(hexToBytes('ea' + OPEN_PAYLOAD.slice(2)))).toBeNull()
  })

  it('the recorded open transaction carries that payload', () => {
    const hex = '010000000121a212c73e8a6265d2b1babfc3a9fcc74101e14742db394785f3604151b27ed80000000049483045022100bad26378f61b2cc6e482b63ca7d098b0dc0c060929794ba1ce5bb8d0cadf5b6502206021b228cf942a863591e9b897c40292b68aa55dc90d4cd66bf37db5a575cadd01ffffffff0500e40b5402000000302ea22c80205a8d5650f7e869c80fbe5b5e9b04d909f86800a579e21a26404799a98c47e0ff81031210008203000401cc1027000000000000302ea22c8020928bb24f3e778e69a0fcec948892ddd7f2e33334a9e3ee602182056e648be0ec8103120c008203000401cc1027000000000000302ea22c8020fcfca0608f930c2b02e6b5a84a96815804f3ea22e7eab032b94ad5a377d281b18103120c008203000401ccff16772860c30200232102d3431950c2f0f9654217b6ce3d44468d3a9ca7255741767fdeee7c5ec6b47567ac0000000000000000956a4c92' + OPEN_PAYLOAD + '00000000'
    const tx = parseTx(hexToBytes(hex))
    expect(Buffer.from(opReturnPayload(tx.vout[4].script)!).toString('hex')).toBe(OPEN_PAYLOAD)
    expect(tx.vout[0].value).toBe(1000 * 10_000_000)
  })
})

describe('the hash chain', () => {
  it('the recorded 21-payment secret (979 left) hashes to the recorded open\'s hashchain in 21 steps', () => {
    const hashchain = decodeChannelsOpret(hexToBytes(OPEN_PAYLOAD))!.param3
    const secret = '570fd06eb542eb0dcb163c42467860194a0a998dfccee047724067f5aab7490e'
    expect(reachesHashchain(secret, 1000 - 979, hashchain)).toBe(true)
    expect(reachesHashchain(secret, 20, hashchain)).toBe(false)
    expect(reachesHashchain(secret, 0, hashchain)).toBe(false)
  })

  it('secrets count down from the seed: SHA256^left(seed), the seed itself when none is left', () => {
    const seed = sha256(Uint8Array.of(1, 2, 3))
    expect(secretFor(seed, 0)).toBe(Buffer.from(Uint8Array.from(seed).reverse()).toString('hex'))
    expect(reachesHashchain(secretFor(seed, 7), 3, hashchainOf(seed, 10))).toBe(true)
    expect(reachesHashchain(secretFor(seed, 0), 10, hashchainOf(seed, 10))).toBe(true)
  })

  it('the seed is the shared curve25519 secret of the outpoint key and the node key, hashed twice', () => {
    const priv = sha256(new TextEncoder().encode('a node key'))
    const txid = '04ed7f0d7c90036bad2822ea32564e38cc517f2ac86c8c53a031543e7d8235d0'
    // The other side of komodod's exchange: the outpoint's private key with the node's public one.
    const txidpriv = hexToBytes(txid).reverse()
    txidpriv[1] ^= 3
    const other = x25519.getSharedSecret(txidpriv, x25519.getPublicKey(sha256(priv)))
    expect(channelSeed(priv, txid, 3)).toEqual(sha256(sha256(other)))
    expect(channelSeed(priv, txid, 3)).not.toEqual(channelSeed(priv, txid, 4))
    expect(channelSeed(priv, txid, 3)).not.toEqual(channelSeed(sha256(priv), txid, 3))
  })
})

describe('transaction views', () => {
  it('the decoder names a payment and shows its secret', () => {
    const payload = encodeChannelsOpret({
      funcid: FUNCID.payment, opentxid: OPEN_TXID, srcpub: SRC, destpub: DEST, param1: 979, param2: 21n,
      param3: '570fd06eb542eb0dcb163c42467860194a0a998dfccee047724067f5aab7490e', tokenid: ZERO_ID,
    })
    const d = decodeOpReturn(Buffer.from(opReturnScript(payload)).toString('hex'))!
    expect(d).toMatchObject({ module: 'Channels', kind: 'payment', param1: 979, param2: '21' })
    const view = viewChannelsPayload(d)!
    expect(view.summary).toEqual({ key: 'channel.tx.payment', values: { opentxid: '04ed7f0d7c…7d8235d0', released: '21', left: 979 } })
    expect(view.details![0]).toEqual({ key: 'channel.tx.secret', values: ['570fd06eb542eb0dcb163c42467860194a0a998dfccee047724067f5aab7490e'], code: true })
    expect(decodeChannelsPayload(hexToBytes(CLOSE_PAYLOAD))).toMatchObject({ kind: 'close', param1: 979 })
  })

  it('every method is a CC call with string parameters; the builders are cc-build, the reads cc-info', () => {
    for (const m of channels.methods) {
      expect(m.params.every((x) => x.type === 'string'), m.name).toBe(true)
      expect(m.safety, m.name).toBe(/open|payment|close|refund/.test(m.name) ? 'cc-build' : 'cc-info')
    }
  })
})
