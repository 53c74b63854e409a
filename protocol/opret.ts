/**
 * OP_RETURN bytes as komodod's CC modules write them (E_MARSHAL in src/cc/CCinclude.h): one push
 * after OP_RETURN; inside it, bytes then CompactSize-prefixed vectors and strings. Isomorphic and
 * dependency-free, so a module's spec (its codec) and the page's transaction decoder share it with
 * the engine.
 */
export const OP_RETURN = 0x6a

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}

export function hexToBytes(hex: string): Uint8Array {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) throw new Error(`not hex: ${hex.slice(0, 20)}`)
  const out = new Uint8Array(hex.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return out
}

export const bytesToHex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')

export function compactSize(n: number): Uint8Array {
  if (n < 0xfd) return Uint8Array.of(n)
  if (n <= 0xffff) return Uint8Array.of(0xfd, n & 0xff, n >> 8)
  return Uint8Array.of(0xfe, n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff)
}

/** A CompactSize-prefixed byte vector (E_MARSHAL's `ss << vec`). */
export const sizedBytes = (b: Uint8Array): Uint8Array => concatBytes(compactSize(b.length), b)

/** `OP_RETURN <one push of payload>`, with the push opcode komodod's CScript would choose. */
export function opReturnScript(payload: Uint8Array): Uint8Array {
  const n = payload.length
  const head = n < 0x4c ? Uint8Array.of(n)
    : n <= 0xff ? Uint8Array.of(0x4c, n)
    : Uint8Array.of(0x4d, n & 0xff, n >> 8)
  return concatBytes(Uint8Array.of(OP_RETURN), head, payload)
}

/** The payload of an `OP_RETURN <push>` script, or null. */
export function opReturnPayload(script: Uint8Array): Uint8Array | null {
  if (script.length < 2 || script[0] !== OP_RETURN) return null
  const op = script[1]
  let start: number
  let len: number
  if (op < 0x4c) [start, len] = [2, op]
  else if (op === 0x4c && script.length >= 3) [start, len] = [3, script[2]]
  else if (op === 0x4d && script.length >= 4) [start, len] = [4, script[2] | (script[3] << 8)]
  else return null
  return start + len === script.length ? script.subarray(start) : null
}

/** E_UNMARSHAL's reader: throws on truncation, so a decoder wraps it in try/catch and answers null. */
export class PayloadReader {
  private o = 0
  constructor(private readonly b: Uint8Array) {}
  byte(): number {
    if (this.o >= this.b.length) throw new Error('opret: truncated')
    return this.b[this.o++]
  }
  bytes(n: number): Uint8Array {
    if (this.o + n > this.b.length) throw new Error('opret: truncated')
    return this.b.subarray(this.o, (this.o += n))
  }
  size(): number {
    const first = this.byte()
    if (first < 0xfd) return first
    const raw = this.bytes(first === 0xfd ? 2 : first === 0xfe ? 4 : 8)
    let n = 0
    for (let i = raw.length - 1; i >= 0; i--) n = n * 256 + raw[i]
    return n
  }
  vec(): Uint8Array {
    return this.bytes(this.size())
  }
  get rest(): number {
    return this.b.length - this.o
  }
}

/** E_UNMARSHAL: `read` takes every field and nothing is left over (DeserializeF checks ss.eof()); null otherwise. */
export function unmarshalWhole<T>(payload: Uint8Array, read: (r: PayloadReader) => T): T | null {
  try {
    const r = new PayloadReader(payload)
    const v = read(r)
    return r.rest === 0 ? v : null
  } catch {
    return null
  }
}
