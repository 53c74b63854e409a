/**
 * komodod's transaction serialization. New transactions are Sapling v4 (overwintered, version
 * group 0x892f2085, expiry height, valueBalance 0, no shielded parts); v1–v3 transparent
 * transactions are decoded too. txid = double-SHA256 of the serialization, shown byte-reversed.
 */
import { Reader, Writer, DecodeError } from './bytes.ts'
import { sha256d, hashToHex } from '../crypto/hash.ts'

export const SAPLING_VERSION_GROUP_ID = 0x892f2085
export const OVERWINTER_VERSION_GROUP_ID = 0x03c48270
export const SAPLING_BRANCH_ID = 0x76b809bb
export const OVERWINTER_BRANCH_ID = 0x5ba81b19
export const SEQUENCE_FINAL = 0xffffffff
const NULL_HASH = new Uint8Array(32)

export interface TxIn {
  /** Internal byte order (as serialized). */
  prevHash: Uint8Array
  prevIndex: number
  script: Uint8Array
  sequence: number
}

export interface TxOut {
  value: number // satoshis
  script: Uint8Array
}

export interface Tx {
  version: number
  overwintered: boolean
  versionGroupId: number
  vin: TxIn[]
  vout: TxOut[]
  lockTime: number
  expiryHeight: number
  valueBalance: number
}

export function newTx(vin: TxIn[], vout: TxOut[], lockTime = 0, expiryHeight = 0): Tx {
  return { version: 4, overwintered: true, versionGroupId: SAPLING_VERSION_GROUP_ID, vin, vout, lockTime, expiryHeight, valueBalance: 0 }
}

export function isCoinbase(tx: Tx): boolean {
  return tx.vin.length === 1 && tx.vin[0].prevIndex === 0xffffffff && tx.vin[0].prevHash.every((b) => b === 0)
}

export function writeTx(w: Writer, tx: Tx): void {
  if (tx.overwintered) {
    w.u32((tx.version | 0x80000000) >>> 0)
    w.u32(tx.versionGroupId)
  } else {
    w.i32(tx.version)
  }
  w.varint(tx.vin.length)
  for (const i of tx.vin) w.bytes(i.prevHash).u32(i.prevIndex).varbytes(i.script).u32(i.sequence)
  w.varint(tx.vout.length)
  for (const o of tx.vout) w.i64(o.value).varbytes(o.script)
  w.u32(tx.lockTime)
  if (tx.overwintered) w.u32(tx.expiryHeight)
  const sapling = tx.overwintered && tx.version >= 4
  if (sapling) {
    w.i64(tx.valueBalance)
    w.varint(0) // vShieldedSpend
    w.varint(0) // vShieldedOutput
  }
  if (tx.version >= 2) w.varint(0) // vJoinSplit
}

export function serializeTx(tx: Tx): Uint8Array {
  const w = new Writer()
  writeTx(w, tx)
  return w.finish()
}

/**
 * Reads one transaction. Shielded parts are not supported (the devchain is transparent only):
 * a transaction carrying any is a decode failure, like any other malformed input.
 */
export function readTx(r: Reader): Tx {
  const header = r.u32()
  const overwintered = (header & 0x80000000) !== 0
  const version = overwintered ? header & 0x7fffffff : header | 0
  let versionGroupId = 0
  if (overwintered) {
    versionGroupId = r.u32()
    const ok = (version === 3 && versionGroupId === OVERWINTER_VERSION_GROUP_ID) || (version === 4 && versionGroupId === SAPLING_VERSION_GROUP_ID)
    if (!ok) throw new DecodeError('unknown tx version group')
  } else if (version < 1) {
    throw new DecodeError('bad version')
  }
  const nIn = r.varint()
  if (nIn > r.remaining / 41) throw new DecodeError('too many inputs')
  const vin: TxIn[] = []
  for (let k = 0; k < nIn; k++) vin.push({ prevHash: r.bytes(32), prevIndex: r.u32(), script: r.varbytes(), sequence: r.u32() })
  const nOut = r.varint()
  if (nOut > r.remaining / 9) throw new DecodeError('too many outputs')
  const vout: TxOut[] = []
  for (let k = 0; k < nOut; k++) vout.push({ value: r.i64(), script: r.varbytes() })
  const lockTime = r.u32()
  const expiryHeight = overwintered ? r.u32() : 0
  let valueBalance = 0
  if (overwintered && version >= 4) {
    valueBalance = r.i64()
    if (r.varint() !== 0 || r.varint() !== 0) throw new DecodeError('shielded spends/outputs are not supported')
  }
  if (version >= 2 && r.varint() !== 0) throw new DecodeError('joinsplits are not supported')
  return { version, overwintered, versionGroupId, vin, vout, lockTime, expiryHeight, valueBalance }
}

/** Decodes a whole hex/bytes transaction; throws DecodeError on any leftover or malformed byte. */
export function parseTx(raw: Uint8Array): Tx {
  const r = new Reader(raw)
  const tx = readTx(r)
  if (r.remaining !== 0) throw new DecodeError('trailing bytes')
  return tx
}

export function txidOf(raw: Uint8Array): string {
  return hashToHex(sha256d(raw))
}

export function coinbaseInput(script: Uint8Array): TxIn {
  return { prevHash: NULL_HASH, prevIndex: 0xffffffff, script, sequence: SEQUENCE_FINAL }
}
