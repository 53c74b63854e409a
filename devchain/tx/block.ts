/**
 * Block serialization in komodod's layout: header (version 4, prev hash, merkle root,
 * final sapling root, time, bits, 32-byte nonce, equihash solution) then the transactions.
 * The devchain's proof of work is a real nonce search against the header's `bits` (at regtest's
 * 0x200f0f0f, about 17 tries); the equihash solution is not computed, it is filler of the right place.
 */
import { Reader, Writer } from './bytes.ts'
import { sha256d, hashToHex } from '../crypto/hash.ts'
import { readTx, writeTx, type Tx } from './transaction.ts'

export interface BlockHeader {
  version: number
  prevHash: Uint8Array // internal order
  merkleRoot: Uint8Array
  finalSaplingRoot: Uint8Array
  time: number
  bits: number
  nonce: Uint8Array // 32 bytes
  solution: Uint8Array
}

export function writeHeader(w: Writer, h: BlockHeader): void {
  w.i32(h.version).bytes(h.prevHash).bytes(h.merkleRoot).bytes(h.finalSaplingRoot)
  w.u32(h.time).u32(h.bits).bytes(h.nonce).varbytes(h.solution)
}

export function readHeader(r: Reader): BlockHeader {
  return {
    version: r.i32(), prevHash: r.bytes(32), merkleRoot: r.bytes(32), finalSaplingRoot: r.bytes(32),
    time: r.u32(), bits: r.u32(), nonce: r.bytes(32), solution: r.varbytes(),
  }
}

export function headerHash(h: BlockHeader): Uint8Array {
  const w = new Writer()
  writeHeader(w, h)
  return sha256d(w.finish())
}

/** Offset of the 32-byte nonce in a serialized header (version, prev, merkle, sapling root, time, bits). */
const NONCE_OFFSET = 4 + 32 + 32 + 32 + 4 + 4

/** The 256-bit target of a compact `bits` value (arith_uint256::SetCompact, src/arith_uint256.cpp). */
export function targetFromBits(bits: number): bigint {
  const exponent = bits >>> 24
  const mantissa = BigInt(bits & 0x007fffff)
  return exponent <= 3 ? mantissa >> BigInt(8 * (3 - exponent)) : mantissa << BigInt(8 * (exponent - 3))
}

/** The target as 32 little-endian bytes, like a hash in internal order. */
function targetBytes(bits: number): Uint8Array {
  const out = new Uint8Array(32)
  let t = targetFromBits(bits)
  for (let i = 0; i < 32 && t > 0n; i++, t >>= 8n) out[i] = Number(t & 0xffn)
  return out
}

/** Compares from the most significant byte (the last one in internal order). */
function atMost(hash: Uint8Array, target: Uint8Array): boolean {
  for (let i = 31; i >= 0; i--) if (hash[i] !== target[i]) return hash[i] < target[i]
  return true
}

/** CheckProofOfWork's test: the hash, read as a little-endian number, is at most the target. */
export function hashMeetsBits(hash: Uint8Array, bits: number): boolean {
  return atMost(hash, targetBytes(bits))
}

/**
 * Searches nonces (counting up from the header's own, in its first 8 bytes) until the header's
 * hash meets its bits. Returns the header with the nonce found. Deterministic: same header in,
 * same block out, so a replayed log rebuilds the same hashes.
 */
export function mineHeader(h: BlockHeader): BlockHeader {
  const w = new Writer()
  writeHeader(w, h)
  const bytes = w.finish()
  const target = targetBytes(h.bits)
  const view = new DataView(bytes.buffer, bytes.byteOffset + NONCE_OFFSET, 8)
  while (!atMost(sha256d(bytes), target)) view.setBigUint64(0, view.getBigUint64(0, true) + 1n, true)
  return { ...h, nonce: bytes.slice(NONCE_OFFSET, NONCE_OFFSET + 32) }
}

/** Serializes a block from its header and already-serialized transactions (no re-encoding). */
export function serializeBlock(h: BlockHeader, rawTxs: Uint8Array[]): Uint8Array {
  const w = new Writer()
  writeHeader(w, h)
  w.varint(rawTxs.length)
  for (const t of rawTxs) w.bytes(t)
  return w.finish()
}

export interface ParsedBlock {
  header: BlockHeader
  /** Length of the serialized header: the block hash is sha256d(raw[0, headerLen)). */
  headerLen: number
  txs: { tx: Tx; raw: Uint8Array }[]
}

/** A serialized block's hash (display order) from its header alone, without parsing its transactions. */
export function rawBlockHash(raw: Uint8Array): string {
  const r = new Reader(raw)
  readHeader(r)
  return hashToHex(sha256d(raw.subarray(0, r.pos)))
}

export function parseBlock(raw: Uint8Array): ParsedBlock {
  const r = new Reader(raw)
  const header = readHeader(r)
  const headerLen = r.pos
  const n = r.varint()
  const txs: { tx: Tx; raw: Uint8Array }[] = []
  for (let k = 0; k < n; k++) {
    const start = r.pos
    const tx = readTx(r)
    txs.push({ tx, raw: raw.subarray(start, r.pos) })
  }
  return { header, headerLen, txs }
}

/** Bitcoin merkle root over internal-order txid hashes (last one duplicated on odd levels). */
export function merkleRoot(hashes: Uint8Array[]): Uint8Array {
  if (hashes.length === 0) return new Uint8Array(32)
  let level = hashes
  while (level.length > 1) {
    const next: Uint8Array[] = []
    for (let i = 0; i < level.length; i += 2) {
      const a = level[i]
      const b = level[i + 1] ?? a
      const buf = new Uint8Array(64)
      buf.set(a)
      buf.set(b, 32)
      next.push(sha256d(buf))
    }
    level = next
  }
  return level[0]
}

export function writeTxTo(w: Writer, tx: Tx): void {
  writeTx(w, tx)
}

export { hashToHex }
