import { describe, expect, it } from 'vitest'
import { blake2b } from '@noble/hashes/blake2.js'
// @ts-expect-error plain .mjs module without types (the worker's hasher)
import { blake2b256Into, blake2b256State } from '../../../../modules/faucet/blake2bPersonal.mjs'
// @ts-expect-error plain .mjs module without types (the browser worker's double SHA-256)
import { sha256dPrefixed } from '../../../../modules/faucet/sha256dPrefixed.mjs'
import { assertPublicModuleKey, listPowJobs, minePowTx } from '../../../../modules/faucet/pow.ts'
import { ccScript, conditionBinary, makeCCcond1 } from '../../../../devchain/cc/condition.ts'
import { checkCCInput } from '../../../../devchain/cc/fulfillment.ts'
import { opReturnPayload, opReturnScript } from '../../../../protocol/opret.ts'
import { decodeFaucetGet, encodeFaucetGet, faucet } from '../../../../modules/faucet/spec.ts'
import { hexToBytes, sha256 } from '../../../../devchain/cc/hashes.ts'
import { newTx, parseTx, txidOf } from '../../../../devchain/tx/transaction.ts'
import { signatureHash, SIGHASH_ALL } from '../../../../devchain/tx/sighash.ts'
import { p2pk } from '../../../../devchain/tx/script.ts'

const priv = hexToBytes(faucet.globalPrivkey!)
const cond = makeCCcond1(0xe4, hexToBytes(faucet.globalPubkey))
const script = ccScript(cond)
const AMOUNT = 1_000_000_000

function template() {
  return newTx(
    [{ prevHash: sha256(Uint8Array.of(1)), prevIndex: 0, script: new Uint8Array(0), sequence: 0xffffffff }],
    [
      { value: AMOUNT - 10_010_000, script },
      { value: 10_000_000, script: p2pk(hexToBytes('03fe754763c176e1339a3f62ee6b9484720e17ee4646b65a119e9f6370c7004abc')) },
      { value: 0, script: opReturnScript(encodeFaucetGet(0)) },
    ],
    1, 200,
  )
}

describe('the worker\'s BLAKE2b-256', () => {
  it('equals @noble/hashes with a personalisation, for every block boundary', () => {
    const personal = new TextEncoder().encode('ZcashOutputsHash')
    const state = blake2b256State(personal)
    for (const len of [0, 1, 100, 127, 128, 129, 256, 317, 1000]) {
      const data = Uint8Array.from({ length: len }, (_, i) => (i * 31 + len) & 0xff)
      const out = new Uint8Array(40)
      blake2b256Into(state, data, out, 8)
      expect(Buffer.from(out.subarray(8)).toString('hex')).toBe(Buffer.from(blake2b(data, { dkLen: 32, personalization: personal })).toString('hex'))
    }
  })
})

describe('the browser worker\'s double SHA-256 over a fixed prefix', () => {
  it('equals SHA-256 twice for every length and prefix, after the bytes past the prefix change', () => {
    for (const len of [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 300, 333, 1000]) {
      for (const fixed of [0, 1, 63, 64, 100, 128, len, len + 10]) {
        const data = Uint8Array.from({ length: len }, (_, i) => (i * 29 + len) & 0xff)
        const hash = sha256dPrefixed(data, fixed)
        expect(Buffer.from(hash()).toString('hex')).toBe(Buffer.from(sha256(sha256(data))).toString('hex'))
        for (let i = Math.min(fixed, len); i < len; i += 7) data[i] ^= 0x5a
        expect(Buffer.from(hash()).toString('hex'), `len ${len}, fixed ${fixed}`).toBe(Buffer.from(sha256(sha256(data))).toString('hex'))
      }
    }
  })
})

describe('faucetget proof-of-work in workers', () => {
  it('finds a txid starting and ending with 00, signed validly, the same on every run', { timeout: 120_000 }, async () => {
    const req = { tx: template(), inputs: [{ condition: cond, scriptCode: script, amount: AMOUNT }], privkey: priv, maxTries: 1_000_000, workers: 2, node: 'reader' }
    const a = await minePowTx(req)
    const b = await minePowTx({ ...req, workers: 1 })
    expect(a && b).toBeTruthy()
    const txid = txidOf(a!.raw)
    expect(txid).toMatch(/^00[0-9a-f]{60}00$/)
    expect(txidOf(b!.raw)).toBe(txid)
    const tx = parseTx(a!.raw)
    expect(decodeFaucetGet(opReturnPayload(tx.vout[2].script)!)).toEqual({ nonce: a!.nonce })
    const check = checkCCInput(tx.vin[0].script, conditionBinary(cond), signatureHash(tx, 0, script, AMOUNT, SIGHASH_ALL))
    expect(check.ok).toBe(true)
    expect(listPowJobs()[0]).toMatchObject({ state: 'found', txid, kind: 'faucetget' })
  })

  it('gives up after maxTries and says so', { timeout: 60_000 }, async () => {
    const r = await minePowTx({ tx: template(), inputs: [{ condition: cond, scriptCode: script, amount: AMOUNT }], privkey: priv, maxTries: 50, workers: 2, node: 'reader' })
    expect(r).toBeNull()
    expect(listPowJobs()[0]).toMatchObject({ state: 'exhausted', tries: 50, maxTries: 50 })
  })

  it('refuses to sign with a key that is not a published module key', () => {
    expect(() => assertPublicModuleKey(sha256(Uint8Array.of(5)), [faucet.globalPubkey])).toThrow()
    expect(() => assertPublicModuleKey(priv, [faucet.globalPubkey])).not.toThrow()
  })
})
