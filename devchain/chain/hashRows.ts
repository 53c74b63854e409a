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

/** Elements a growing typed array holds at least: doubles, from a start size. */
function grownLength(have: number, need: number): number {
  let n = Math.max(have, 1024)
  while (n < need) n *= 2
  return n
}

/** `a` itself while it holds `need` elements, else a copy grown by doubling. */
export function grown<T extends Uint8Array | Int32Array | Uint32Array | Float64Array>(a: T, need: number): T {
  if (need <= a.length) return a
  const next = new (a.constructor as new (n: number) => T)(grownLength(a.length, need))
  next.set(a)
  return next
}

/** ASCII codes of the lowercase hex digits. */
const HEX_ASCII = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0))

/** Value of a lowercase hex digit's char code, or -1. */
function nibble(c: number): number {
  return c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1
}

export class HashRows {
  /** Scratch for a hash decoded from hex (lookups allocate nothing). */
  private readonly key = new Uint8Array(32)
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
    const bytes = grown(this.bytes, 32 * (row + 1))
    if (bytes !== this.bytes) {
      this.bytes = bytes
      this.view = new DataView(bytes.buffer)
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

  /**
   * Row of a hash as komodod displays it (byte-reversed, lowercase hex), or -1, also for a string
   * that is not 64 lowercase hex digits (like a Map keyed by komodod's own strings).
   */
  findHex(hex: string): number {
    return this.decodeHex(hex) ? this.find(this.key) : -1
  }

  /** `push` of a hash as komodod displays it; throws on a string that is not one. */
  pushHex(hex: string): number {
    if (!this.decodeHex(hex)) throw new Error(`not a hash: ${hex}`)
    return this.push(this.key)
  }

  /** Writes the hash at `row` as komodod displays it (64 lowercase hex digits, ASCII) into `out` at `at`. */
  hexInto(row: number, out: Uint8Array, at: number): void {
    const b = this.bytes
    for (let i = 32 * row + 31; i >= 32 * row; i--) {
      out[at++] = HEX_ASCII[b[i] >> 4]
      out[at++] = HEX_ASCII[b[i] & 15]
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

  /** Decodes a displayed hash into `key` (internal order); false when it is not 64 lowercase hex digits. */
  private decodeHex(hex: string): boolean {
    if (hex.length !== 64) return false
    for (let i = 0; i < 32; i++) {
      const hi = nibble(hex.charCodeAt(62 - 2 * i))
      const lo = nibble(hex.charCodeAt(63 - 2 * i))
      if (hi < 0 || lo < 0) return false
      this.key[i] = (hi << 4) | lo
    }
    return true
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
