/**
 * Rows of 32-byte hashes (block hashes, txids) packed into one growing byte array, with an
 * open-addressing index from hash to row. At 100,000 blocks a hex string per hash (≈80 bytes), a
 * record object per block or transaction and a Map entry for each cost several hundred bytes a
 * block; here a hash costs its 32 bytes and two 4-byte index slots.
 *
 * Hashes are kept in internal byte order (as sha256d returns them). Their bytes are uniformly
 * distributed, so a hash's first four bytes are its bucket; a probe compares the whole 32 bytes.
 */
import { hashToHex } from '../crypto/hash.ts'

/** Bytes a growing typed array holds at least: doubles, from a start size. */
export function grownLength(have: number, need: number): number {
  let n = Math.max(have, 1024)
  while (n < need) n *= 2
  return n
}

export class HashRows {
  private bytes = new Uint8Array(32 * 1024)
  private view = new DataView(this.bytes.buffer)
  /** Row + 1 per slot (0: empty); its length is a power of two, at least twice the row count. */
  private slots = new Int32Array(2048)
  private rows = 0

  get count(): number {
    return this.rows
  }

  /** Appends a hash (internal order) and returns its row. A hash already present is added again: the earlier row keeps answering `find`. */
  push(hash: Uint8Array): number {
    const row = this.rows
    if (32 * (row + 1) > this.bytes.length) {
      const next = new Uint8Array(grownLength(this.bytes.length, 32 * (row + 1)))
      next.set(this.bytes)
      this.bytes = next
      this.view = new DataView(next.buffer)
    }
    this.bytes.set(hash.subarray(0, 32), 32 * row)
    this.rows++
    if (2 * this.rows > this.slots.length) this.rehash(this.slots.length * 2)
    else this.place(row)
    return row
  }

  /** Keeps only the first `rows` rows (a block that failed half-way through connecting). */
  truncate(rows: number): void {
    if (rows >= this.rows) return
    this.rows = rows
    this.rehash(this.slots.length)
  }

  /** Row of a hash (internal order), or -1. */
  find(hash: Uint8Array): number {
    const mask = this.slots.length - 1
    const b = this.bytes
    for (let i = (hash[0] | (hash[1] << 8) | (hash[2] << 16) | (hash[3] << 24)) >>> 0 & mask; ; i = (i + 1) & mask) {
      const s = this.slots[i]
      if (s === 0) return -1
      const at = 32 * (s - 1)
      let k = 0
      while (k < 32 && b[at + k] === hash[k]) k++
      if (k === 32) return s - 1
    }
  }

  /** The hash at `row` as komodod displays it. */
  hex(row: number): string {
    return hashToHex(this.bytes.subarray(32 * row, 32 * row + 32))
  }

  /** The hash at `row`, internal order (a view: copy it to keep it). */
  at(row: number): Uint8Array {
    return this.bytes.subarray(32 * row, 32 * row + 32)
  }

  private place(row: number): void {
    const mask = this.slots.length - 1
    let i = this.view.getUint32(32 * row, true) & mask
    while (this.slots[i] !== 0) i = (i + 1) & mask
    this.slots[i] = row + 1
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size)
    // Earlier rows first: of two equal hashes, the first one found is the earlier.
    for (let row = 0; row < this.rows; row++) this.place(row)
  }
}
