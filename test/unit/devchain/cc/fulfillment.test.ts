import { describe, expect, it } from 'vitest'
import { secp256k1 } from '@noble/curves/secp256k1.js'
import { conditionBinary, makeCCcond1, makeTokensCCcond1 } from '../../../../devchain/cc/condition.ts'
import { checkCCInput, ccScriptSig, decodeFulfillment, fulfillmentBinary, signCondition, singlePush } from '../../../../devchain/cc/fulfillment.ts'
import { EVAL } from '../../../../protocol/evalCodes.ts'
import { moduleById } from '../../../../modules/registry.ts'
import { bytesToHex, hexToBytes, sha256 } from '../../../../devchain/cc/hashes.ts'

const faucet = moduleById('faucet')!
const faucetPriv = hexToBytes(faucet.globalPrivkey!)
const faucetPub = hexToBytes(faucet.globalPubkey)

// A faucet spend recorded from komodod (test vector of the public pycctx library): its vin0
// scriptSig is komodod's CCSig of the faucet global condition.
const KOMODOD_FAUCET_SCRIPTSIG = '4c79a276a072a26ba067a565802103682b255c40d0cde8faee381a1a50bbb89980ff24539cb8518e294d3a63cefe128140b65222f7057268e48bb729ab43b7279e4eb22b82f8e6f0e559c05ff68ec4e3ed24f7d1c8095d04c21c9ce926a5bcb0b91da86e3614f46babd074c9776bc7978aa100af038001e4a10001'

describe('CC fulfillments', () => {
  it('module private keys match the published global pubkeys', () => {
    expect(bytesToHex(secp256k1.getPublicKey(faucetPriv, true))).toBe(faucet.globalPubkey)
    const tokens = moduleById('tokens')!
    expect(bytesToHex(secp256k1.getPublicKey(hexToBytes(tokens.globalPrivkey!), true))).toBe(tokens.globalPubkey)
  })

  it('decodes komodod\'s scriptSig to the faucet condition and re-encodes it byte for byte', () => {
    const push = singlePush(hexToBytes(KOMODOD_FAUCET_SCRIPTSIG))!
    expect(push[push.length - 1]).toBe(1)
    const tree = decodeFulfillment(push.subarray(0, push.length - 1))
    expect(bytesToHex(conditionBinary(tree))).toBe(bytesToHex(conditionBinary(makeCCcond1(EVAL.FAUCET, faucetPub))))
    expect(bytesToHex(fulfillmentBinary(tree))).toBe(bytesToHex(push.subarray(0, push.length - 1)))
  })

  it('our scriptSig has komodod\'s layout', () => {
    const sighash = sha256(Uint8Array.of(1, 2, 3))
    const sig = ccScriptSig(signCondition(makeCCcond1(EVAL.FAUCET, faucetPub), sighash, faucetPriv))
    expect(sig.length).toBe(KOMODOD_FAUCET_SCRIPTSIG.length / 2)
    const hex = bytesToHex(sig)
    expect(hex.slice(0, 32)).toBe(KOMODOD_FAUCET_SCRIPTSIG.slice(0, 32))
    expect(hex.slice(-20)).toBe(KOMODOD_FAUCET_SCRIPTSIG.slice(-20))
  })

  it('accepts a valid signature and rejects a wrong hash, key, condition or hash type', () => {
    const cond = makeCCcond1(EVAL.FAUCET, faucetPub)
    const sighash = sha256(Uint8Array.of(7))
    const sig = ccScriptSig(signCondition(cond, sighash, faucetPriv))
    const ok = checkCCInput(sig, conditionBinary(cond), sighash)
    expect(ok).toMatchObject({ ok: true, evalCodes: [EVAL.FAUCET] })
    expect(checkCCInput(sig, conditionBinary(cond), sha256(Uint8Array.of(8))).ok).toBe(false)
    expect(checkCCInput(sig, conditionBinary(makeCCcond1(EVAL.TOKENS, faucetPub)), sighash).ok).toBe(false)
    const otherPriv = sha256(Uint8Array.of(42))
    const forged = ccScriptSig(signCondition(makeCCcond1(EVAL.FAUCET, secp256k1.getPublicKey(otherPriv, true)), sighash, otherPriv))
    expect(checkCCInput(forged, conditionBinary(cond), sighash).ok).toBe(false)
    const noneType = Uint8Array.from(sig)
    noneType[noneType.length - 1] = 2
    expect(checkCCInput(noneType, conditionBinary(cond), sighash).ok).toBe(false)
    const flipped = Uint8Array.from(sig)
    flipped[60] ^= 1
    expect(checkCCInput(flipped, conditionBinary(cond), sighash).ok).toBe(false)
  })

  it('fulfils the three-child tokens condition with both eval codes', () => {
    const cond = makeTokensCCcond1(EVAL.ASSETS, faucetPub)
    const sighash = sha256(Uint8Array.of(9))
    const r = checkCCInput(ccScriptSig(signCondition(cond, sighash, faucetPriv)), conditionBinary(cond), sighash)
    expect(r.ok && [...r.evalCodes].sort()).toEqual([EVAL.ASSETS, EVAL.TOKENS])
  })

  it('an unsigned condition cannot be turned into a scriptSig', () => {
    expect(() => ccScriptSig(makeCCcond1(EVAL.FAUCET, faucetPub))).toThrow()
  })
})
