/**
 * The OP_RETURN payloads of the Oracles module, as komodod's E_MARSHAL writes them
 * (src/cc/oracles.cpp: EncodeOraclesCreateOpRet, EncodeOraclesOpRet, EncodeOraclesData):
 *   oraclescreate     ec 'C' <str name> <str format> <str description>      (format before description)
 *   oraclesfund       ec 'F' <oracletxid> <vec pubkey33> <int64 LE 10000>
 *   oraclesregister   ec 'R' <oracletxid> <vec publisher33> <int64 LE datafee>
 *   oraclessubscribe  ec 'S' <oracletxid> <vec subscriber33> <int64 LE amount>
 *   oraclesdata       ec 'D' <oracletxid> <prev batontxid> <vec publisher33> <vec data>
 * Txids are uint256s, so the bytes are the display hex reversed. Decoding follows E_UNMARSHAL:
 * every field must be there and nothing may follow (DeserializeF checks ss.eof()).
 */

export const EVAL_ORACLES = 0xec
export const FUNCID = { create: 0x43, fund: 0x46, register: 0x52, subscribe: 0x53, data: 0x44 } as const

const utf8 = new TextEncoder()
const fromUtf8 = new TextDecoder()

function compactSize(n: number): number[] {
  if (n < 0xfd) return [n]
  if (n <= 0xffff) return [0xfd, n & 0xff, n >> 8]
  return [0xfe, n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff]
}

const vec = (b: Uint8Array | readonly number[]): number[] => [...compactSize(b.length), ...b]

function fromHex(hex: string): Uint8Array {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) throw new Error('not hex')
  const out = new Uint8Array(hex.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16)
  return out
}

const hexOf = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')

/** A display-order txid as the 32 bytes a uint256 serializes to. */
export const uint256Bytes = (txid: string): number[] => Array.from(fromHex(txid)).reverse()
const uint256Hex = (b: Uint8Array): string => hexOf(Uint8Array.from(b).reverse())

function int64le(v: bigint): number[] {
  let u = BigInt.asUintN(64, v)
  const out: number[] = []
  for (let i = 0; i < 8; i++) {
    out.push(Number(u & 0xffn))
    u >>= 8n
  }
  return out
}

class Reader {
  private o = 0
  constructor(private readonly b: Uint8Array) {}
  byte(): number {
    if (this.o >= this.b.length) throw new Error('truncated')
    return this.b[this.o++]
  }
  bytes(n: number): Uint8Array {
    if (this.o + n > this.b.length) throw new Error('truncated')
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
  vec(): Uint8Array { return this.bytes(this.size()) }
  int64(): bigint {
    const b = this.bytes(8)
    let v = 0n
    for (let i = 7; i >= 0; i--) v = (v << 8n) | BigInt(b[i])
    return BigInt.asIntN(64, v)
  }
  end(): boolean { return this.o === this.b.length }
}

function decodeWith<T>(payload: Uint8Array, read: (r: Reader) => T): T | null {
  try {
    const r = new Reader(payload)
    const v = read(r)
    return r.end() ? v : null
  } catch {
    return null
  }
}

// ── create ────────────────────────────────────────────────────────────────────────────────────

export interface OracleCreateOpret { name: string; description: string; format: string }

export function encodeOracleCreate(o: OracleCreateOpret): Uint8Array {
  return Uint8Array.from([EVAL_ORACLES, FUNCID.create, ...vec(utf8.encode(o.name)), ...vec(utf8.encode(o.format)), ...vec(utf8.encode(o.description))])
}

/** DecodeOraclesCreateOpRet: only 'C' with all three strings. */
export function decodeOracleCreate(payload: Uint8Array): OracleCreateOpret | null {
  if (payload.length <= 2 || payload[0] !== EVAL_ORACLES || payload[1] !== FUNCID.create) return null
  return decodeWith(payload, (r) => {
    r.byte(); r.byte()
    const name = fromUtf8.decode(r.vec())
    const format = fromUtf8.decode(r.vec())
    const description = fromUtf8.decode(r.vec())
    return { name, description, format }
  })
}

// ── fund / register / subscribe ───────────────────────────────────────────────────────────────

export type OracleOpretFuncid = typeof FUNCID.fund | typeof FUNCID.register | typeof FUNCID.subscribe

export interface OracleOpret {
  funcid: OracleOpretFuncid
  oracletxid: string
  /** Hex of the pubkey field (33 bytes when komodod wrote it). */
  pubkey: string
  /** 'F': 10000; 'R': the datafee in satoshis; 'S': the amount in satoshis. */
  num: bigint
}

export function encodeOracleOpret(o: OracleOpret): Uint8Array {
  return Uint8Array.from([EVAL_ORACLES, o.funcid, ...uint256Bytes(o.oracletxid), ...vec(fromHex(o.pubkey)), ...int64le(o.num)])
}

/**
 * DecodeOraclesOpRet: the fields of an 'F', 'R' or 'S' payload. komodod's version returns the
 * funcid byte even when it cannot read the rest; `oraclesFuncid` gives that byte.
 */
export function decodeOracleOpret(payload: Uint8Array): OracleOpret | null {
  if (payload.length <= 2 || payload[0] !== EVAL_ORACLES) return null
  const f = payload[1]
  if (f !== FUNCID.fund && f !== FUNCID.register && f !== FUNCID.subscribe) return null
  return decodeWith(payload, (r) => {
    r.byte(); r.byte()
    const oracletxid = uint256Hex(r.bytes(32))
    const pubkey = hexOf(r.vec())
    return { funcid: f, oracletxid, pubkey, num: r.int64() }
  })
}

/** The funcid byte of an Oracles payload (the second byte after the eval code), or null. */
export function oraclesFuncid(payload: Uint8Array): number | null {
  return payload.length > 2 && payload[0] === EVAL_ORACLES ? payload[1] : null
}

// ── data ──────────────────────────────────────────────────────────────────────────────────────

export interface OracleDataOpret {
  oracletxid: string
  /** The baton this datum's transaction spent (the registration, then each previous datum). */
  batontxid: string
  publisher: string
  data: Uint8Array
}

export function encodeOracleData(o: OracleDataOpret): Uint8Array {
  return Uint8Array.from([
    EVAL_ORACLES, FUNCID.data, ...uint256Bytes(o.oracletxid), ...uint256Bytes(o.batontxid), ...vec(fromHex(o.publisher)), ...vec(o.data),
  ])
}

/** DecodeOraclesData: unmarshal first, then require eval code and 'D' (as komodod does). */
export function decodeOracleData(payload: Uint8Array): OracleDataOpret | null {
  if (payload.length <= 2) return null
  const d = decodeWith(payload, (r) => {
    const e = r.byte()
    const f = r.byte()
    const oracletxid = uint256Hex(r.bytes(32))
    const batontxid = uint256Hex(r.bytes(32))
    const publisher = hexOf(r.vec())
    const data = Uint8Array.from(r.vec())
    return e === EVAL_ORACLES && f === FUNCID.data ? { oracletxid, batontxid, publisher, data } : null
  })
  return d ?? null
}
