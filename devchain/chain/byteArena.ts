/**
 * Block bytes packed end to end into large shared buffers. A buffer of its own per block cost more
 * than the block: a typed array and an ArrayBuffer on the heap, a backing store and its bookkeeping
 * outside it (≈300 bytes for a 300-byte block at 100,000 blocks). Records keep (buffer, start, end)
 * and cut a view only when asked.
 */
const CHUNK = 1 << 20

export interface Span {
  bytes: Uint8Array
  start: number
}

export class ByteArena {
  private chunk = new Uint8Array(CHUNK)
  private used = 0

  /** Copies `bytes` in and says where they are; a block bigger than a quarter chunk gets a buffer of its own. */
  put(bytes: Uint8Array): Span {
    if (bytes.length > CHUNK / 4) return { bytes: bytes.slice(), start: 0 }
    if (this.used + bytes.length > CHUNK) {
      this.chunk = new Uint8Array(CHUNK)
      this.used = 0
    }
    const start = this.used
    this.chunk.set(bytes, start)
    this.used += bytes.length
    return { bytes: this.chunk, start }
  }
}
