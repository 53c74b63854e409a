/** Just enough DER (X.690) for crypto-conditions: tag-length-value with short and long lengths. */
import { concat } from './hashes.ts'

export function derLength(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n)
  const bytes: number[] = []
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff)
  return Uint8Array.of(0x80 | bytes.length, ...bytes)
}

export function tlv(tag: number, ...content: Uint8Array[]): Uint8Array {
  const body = concat(...content)
  return concat(Uint8Array.of(tag), derLength(body.length), body)
}

/** Minimal big-endian unsigned INTEGER content (a leading 0 when the top bit is set). */
export function derUint(n: number): Uint8Array {
  const bytes: number[] = []
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff)
  if (bytes.length === 0) bytes.push(0)
  if (bytes[0] & 0x80) bytes.unshift(0)
  return Uint8Array.from(bytes)
}

export function readUint(content: Uint8Array): number {
  let n = 0
  for (const b of content) n = n * 256 + b
  return n
}

/** DER sorts SET OF members by their encodings, compared as octet strings. */
export function derSort(items: Uint8Array[]): Uint8Array[] {
  return [...items].sort((a, b) => {
    const n = Math.min(a.length, b.length)
    for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i]
    return a.length - b.length
  })
}

export interface Tlv {
  tag: number
  content: Uint8Array
  /** Bytes the whole element took, header included. */
  size: number
}

export function readTlv(buf: Uint8Array, offset = 0): Tlv {
  if (offset + 2 > buf.length) throw new Error('DER: truncated header')
  const tag = buf[offset]
  let len = buf[offset + 1]
  let head = 2
  if (len & 0x80) {
    const n = len & 0x7f
    if (n === 0 || n > 3 || offset + 2 + n > buf.length) throw new Error('DER: bad length')
    len = 0
    for (let i = 0; i < n; i++) len = len * 256 + buf[offset + 2 + i]
    head += n
  }
  if (offset + head + len > buf.length) throw new Error('DER: truncated content')
  return { tag, content: buf.subarray(offset + head, offset + head + len), size: head + len }
}

/** Every element of a constructed value's content, in order. */
export function readAll(content: Uint8Array): Tlv[] {
  const out: Tlv[] = []
  for (let o = 0; o < content.length; ) {
    const t = readTlv(content, o)
    out.push(t)
    o += t.size
  }
  return out
}
