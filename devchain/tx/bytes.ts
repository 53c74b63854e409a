/** Bitcoin-style little-endian serialization: a growable writer and a bounds-checked reader. */

export class DecodeError extends Error {}

export class Writer {
  protected buf: Uint8Array
  protected view: DataView
  len = 0

  constructor(size = 128) {
    this.buf = new Uint8Array(size)
    this.view = new DataView(this.buf.buffer)
  }

  /** Makes room for `n` more bytes (a subclass may hand what it holds on instead: snapshot.ts). */
  protected grow(n: number): void {
    if (this.len + n <= this.buf.length) return
    let size = this.buf.length * 2
    while (size < this.len + n) size *= 2
    const next = new Uint8Array(size)
    next.set(this.buf.subarray(0, this.len))
    this.buf = next
    this.view = new DataView(next.buffer)
  }

  u8(v: number): this {
    this.grow(1)
    this.buf[this.len++] = v
    return this
  }

  u32(v: number): this {
    this.grow(4)
    this.view.setUint32(this.len, v >>> 0, true)
    this.len += 4
    return this
  }

  i32(v: number): this {
    this.grow(4)
    this.view.setInt32(this.len, v, true)
    this.len += 4
    return this
  }

  /** 64-bit signed amount; satoshi values stay far below 2^53. */
  i64(v: number): this {
    this.grow(8)
    this.view.setBigInt64(this.len, BigInt(v), true)
    this.len += 8
    return this
  }

  varint(n: number): this {
    if (n < 0xfd) return this.u8(n)
    if (n <= 0xffff) {
      this.u8(0xfd)
      this.grow(2)
      this.view.setUint16(this.len, n, true)
      this.len += 2
      return this
    }
    if (n <= 0xffffffff) return this.u8(0xfe).u32(n)
    this.u8(0xff)
    this.grow(8)
    this.view.setBigUint64(this.len, BigInt(n), true)
    this.len += 8
    return this
  }

  bytes(b: Uint8Array): this {
    this.grow(b.length)
    this.buf.set(b, this.len)
    this.len += b.length
    return this
  }

  varbytes(b: Uint8Array): this {
    return this.varint(b.length).bytes(b)
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.len)
  }

  /** What was written, without a copy (for a writer that is done with: later writes may change it). */
  written(): Uint8Array {
    return this.buf.subarray(0, this.len)
  }
}

export class Reader {
  pos = 0
  private view: DataView
  constructor(readonly buf: Uint8Array) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength)
  }

  private need(n: number): void {
    if (this.pos + n > this.buf.length) throw new DecodeError('read past end')
  }

  get remaining(): number {
    return this.buf.length - this.pos
  }

  u8(): number {
    this.need(1)
    return this.buf[this.pos++]
  }

  u32(): number {
    this.need(4)
    const v = this.view.getUint32(this.pos, true)
    this.pos += 4
    return v
  }

  i32(): number {
    this.need(4)
    const v = this.view.getInt32(this.pos, true)
    this.pos += 4
    return v
  }

  i64(): number {
    this.need(8)
    const v = this.view.getBigInt64(this.pos, true)
    this.pos += 8
    return Number(v)
  }

  varint(): number {
    const b = this.u8()
    if (b < 0xfd) return b
    if (b === 0xfd) {
      this.need(2)
      const v = this.view.getUint16(this.pos, true)
      this.pos += 2
      return v
    }
    if (b === 0xfe) return this.u32()
    this.need(8)
    const v = Number(this.view.getBigUint64(this.pos, true))
    this.pos += 8
    return v
  }

  bytes(n: number): Uint8Array {
    this.need(n)
    // A view, not a copy: parsed transactions share the block buffer the ledger keeps anyway.
    const out = this.buf.subarray(this.pos, this.pos + n)
    this.pos += n
    return out
  }

  varbytes(): Uint8Array {
    return this.bytes(this.varint())
  }
}
