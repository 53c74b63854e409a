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

import { EVAL } from '../../../protocol/evalCodes.ts'
import { bytesToHex, hexToBytes, PayloadReader, sizedBytes, unmarshalWhole } from '../../../protocol/opret.ts'

export const EVAL_ORACLES = EVAL.ORACLES
export const FUNCID = { create: 0x43, fund: 0x46, register: 0x52, subscribe: 0x53, data: 0x44 } as const

const utf8 = new TextEncoder()
const fromUtf8 = new TextDecoder()

const vec = (b: Uint8Array): number[] => [...sizedBytes(b)]

/** A display-order txid as the 32 bytes a uint256 serializes to. */
export const uint256Bytes = (txid: string): number[] => Array.from(hexToBytes(txid)).reverse()
const uint256Hex = (b: Uint8Array): string => bytesToHex(Uint8Array.from(b).reverse())

function int64le(v: bigint): number[] {
  let u = BigInt.asUintN(64, v)
  const out: number[] = []
  for (let i = 0; i < 8; i++) {
    out.push(Number(u & 0xffn))
    u >>= 8n
  }
  return out
}

function int64(r: PayloadReader): bigint {
  const b = r.bytes(8)
  let v = 0n
  for (let i = 7; i >= 0; i--) v = (v << 8n) | BigInt(b[i])
  return BigInt.asIntN(64, v)
}

const decodeWith = unmarshalWhole

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
  return Uint8Array.from([EVAL_ORACLES, o.funcid, ...uint256Bytes(o.oracletxid), ...vec(hexToBytes(o.pubkey)), ...int64le(o.num)])
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
    const pubkey = bytesToHex(r.vec())
    return { funcid: f, oracletxid, pubkey, num: int64(r) }
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
    EVAL_ORACLES, FUNCID.data, ...uint256Bytes(o.oracletxid), ...uint256Bytes(o.batontxid), ...vec(hexToBytes(o.publisher)), ...vec(o.data),
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
    const publisher = bytesToHex(r.vec())
    const data = Uint8Array.from(r.vec())
    return e === EVAL_ORACLES && f === FUNCID.data ? { oracletxid, batontxid, publisher, data } : null
  })
  return d ?? null
}
