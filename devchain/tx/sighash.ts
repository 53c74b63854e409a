/**
 * Signature hashes. v4 (Sapling) transactions use ZIP-243: BLAKE2b-256 personalised with
 * "ZcashSigHash" ‖ consensus branch id (LE). Pre-Overwinter transactions use the legacy
 * Bitcoin double-SHA256 algorithm (only needed to verify old-format spends).
 */
import { Writer } from './bytes.ts'
import { blake2b256, sha256d } from '../crypto/hash.ts'
import { SAPLING_BRANCH_ID, OVERWINTER_BRANCH_ID, writeTx, type Tx } from './transaction.ts'

export const SIGHASH_ALL = 0x01
export const SIGHASH_NONE = 0x02
export const SIGHASH_SINGLE = 0x03
export const SIGHASH_ANYONECANPAY = 0x80

const enc = new TextEncoder()
const P_PREVOUT = enc.encode('ZcashPrevoutHash')
const P_SEQUENCE = enc.encode('ZcashSequencHash')
const P_OUTPUTS = enc.encode('ZcashOutputsHash')
const ZERO32 = new Uint8Array(32)

function personal(branchId: number): Uint8Array {
  const p = new Uint8Array(16)
  p.set(enc.encode('ZcashSigHash'))
  new DataView(p.buffer).setUint32(12, branchId, true)
  return p
}

/**
 * Hash an input signs. `inputIndex` null = the "no input" variant (used by nothing here but
 * kept to the spec). `scriptCode` is the spent output's scriptPubKey, `amount` its value.
 */
export function signatureHash(tx: Tx, inputIndex: number, scriptCode: Uint8Array, amount: number, hashType: number): Uint8Array {
  if (!tx.overwintered) return legacySignatureHash(tx, inputIndex, scriptCode, hashType)
  const base = hashType & 0x1f
  const anyone = (hashType & SIGHASH_ANYONECANPAY) !== 0
  let hashPrevouts: Uint8Array = ZERO32
  let hashSequence: Uint8Array = ZERO32
  let hashOutputs: Uint8Array = ZERO32
  if (!anyone) {
    const w = new Writer()
    for (const i of tx.vin) w.bytes(i.prevHash).u32(i.prevIndex)
    hashPrevouts = blake2b256(w.finish(), P_PREVOUT)
  }
  if (!anyone && base !== SIGHASH_SINGLE && base !== SIGHASH_NONE) {
    const w = new Writer()
    for (const i of tx.vin) w.u32(i.sequence)
    hashSequence = blake2b256(w.finish(), P_SEQUENCE)
  }
  if (base !== SIGHASH_SINGLE && base !== SIGHASH_NONE) {
    const w = new Writer()
    for (const o of tx.vout) w.i64(o.value).varbytes(o.script)
    hashOutputs = blake2b256(w.finish(), P_OUTPUTS)
  } else if (base === SIGHASH_SINGLE && inputIndex < tx.vout.length) {
    const w = new Writer()
    const o = tx.vout[inputIndex]
    w.i64(o.value).varbytes(o.script)
    hashOutputs = blake2b256(w.finish(), P_OUTPUTS)
  }
  const w = new Writer()
  w.u32((tx.version | 0x80000000) >>> 0).u32(tx.versionGroupId)
  w.bytes(hashPrevouts).bytes(hashSequence).bytes(hashOutputs)
  w.bytes(ZERO32) // hashJoinSplits
  if (tx.version >= 4) w.bytes(ZERO32).bytes(ZERO32) // hashShieldedSpends, hashShieldedOutputs
  w.u32(tx.lockTime).u32(tx.expiryHeight)
  if (tx.version >= 4) w.i64(tx.valueBalance)
  w.u32(hashType)
  if (inputIndex >= 0) {
    const i = tx.vin[inputIndex]
    w.bytes(i.prevHash).u32(i.prevIndex).varbytes(scriptCode).i64(amount).u32(i.sequence)
  }
  const branch = tx.version >= 4 ? SAPLING_BRANCH_ID : OVERWINTER_BRANCH_ID
  return blake2b256(w.finish(), personal(branch))
}

function legacySignatureHash(tx: Tx, inputIndex: number, scriptCode: Uint8Array, hashType: number): Uint8Array {
  const base = hashType & 0x1f
  const one = new Uint8Array(32)
  one[0] = 1
  if (base === SIGHASH_SINGLE && inputIndex >= tx.vout.length) return one
  const anyone = (hashType & SIGHASH_ANYONECANPAY) !== 0
  const vin = (anyone ? [tx.vin[inputIndex]] : tx.vin).map((i, k) => ({
    ...i,
    script: (anyone ? true : k === inputIndex) ? scriptCode : new Uint8Array(0),
    sequence: !anyone && k !== inputIndex && (base === SIGHASH_NONE || base === SIGHASH_SINGLE) ? 0 : i.sequence,
  }))
  let vout = tx.vout
  if (base === SIGHASH_NONE) vout = []
  else if (base === SIGHASH_SINGLE) vout = tx.vout.slice(0, inputIndex + 1).map((o, k) => (k === inputIndex ? o : { value: -1, script: new Uint8Array(0) }))
  const w = new Writer()
  writeTx(w, { ...tx, vin, vout })
  w.u32(hashType)
  return sha256d(w.finish())
}
