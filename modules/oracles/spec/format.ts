/**
 * The data formats of an oracle, exactly as komodod reads them (src/cc/oracles.cpp: the format
 * comment, `oracle_parse_data_format` for what `oraclesdata` accepts, `oracle_format` and
 * `OracleFormat` for how `oraclessample(s)` print a datum). Isomorphic: the data-entry form encodes
 * with it, the devchain validates and decodes with it.
 *
 * One character per field, fields concatenated without separators:
 *   s  text, 1-byte length prefix      S  text, 2-byte little-endian length prefix
 *   d  bytes, 1-byte length prefix     D  bytes, 2-byte little-endian length prefix
 *   c/C  1-byte signed/unsigned        t/T  2-byte     i/I  4-byte     l/L  8-byte (little endian)
 *   h  32-byte hash: stored in uint256 byte order, printed (and typed) in display order, reversed
 * Texts must be bytes 32..127 (komodod refuses others), so a datum like "Ihh" (height, block hash,
 * merkle root — what Gateways' oraclefeed publishes) is 4 + 32 + 32 = 68 bytes.
 */

import { bytesToHex, hexToBytes } from '../../../protocol/opret.ts'

export const FORMAT_TYPES = ['s', 'S', 'd', 'D', 'c', 'C', 't', 'T', 'i', 'I', 'l', 'L', 'h'] as const
export type FormatType = (typeof FORMAT_TYPES)[number]

/** `oraclesdata` refuses more (`datasize N is too big`). */
export const MAX_DATA_SIZE = 8192
/** OracleCreate's limits. */
export const MAX_NAME = 32
export const MAX_DESCRIPTION = 4096
export const MAX_FORMAT = 4096

export const isFormatType = (c: string): c is FormatType => (FORMAT_TYPES as readonly string[]).includes(c)

interface IntType { bytes: 1 | 2 | 4 | 8; signed: boolean }
const INT_TYPES: Partial<Record<FormatType, IntType>> = {
  c: { bytes: 1, signed: true }, C: { bytes: 1, signed: false },
  t: { bytes: 2, signed: true }, T: { bytes: 2, signed: false },
  i: { bytes: 4, signed: true }, I: { bytes: 4, signed: false },
  l: { bytes: 8, signed: true }, L: { bytes: 8, signed: false },
}

/** The inclusive range of an integer type, as decimal bigints. */
export function intRange(type: FormatType): { min: bigint; max: bigint } | null {
  const t = INT_TYPES[type]
  if (!t) return null
  const bits = BigInt(t.bytes * 8)
  return t.signed ? { min: -(1n << (bits - 1n)), max: (1n << (bits - 1n)) - 1n } : { min: 0n, max: (1n << bits) - 1n }
}

/** What kind of value a field takes, for forms. */
export type FieldKind = 'text' | 'bytes' | 'integer' | 'hash'
export function fieldKind(type: FormatType): FieldKind {
  if (type === 's' || type === 'S') return 'text'
  if (type === 'd' || type === 'D') return 'bytes'
  if (type === 'h') return 'hash'
  return 'integer'
}

/** Longest text (characters) or byte string a length-prefixed field holds. */
export const maxLength = (type: FormatType): number => (type === 's' || type === 'd' ? 0xff : 0xffff)

/** OracleCreate's checks, in its order, as its error texts. */
export function formatError(name: string, description: string, format: string): string | null {
  const len = (s: string): number => new TextEncoder().encode(s).length
  if (len(name) > MAX_NAME) return `name.${len(name)} must be less then 32`
  if (len(description) > MAX_DESCRIPTION) return `description.${len(description)} must be less then 4096`
  if (len(format) > MAX_FORMAT) return `format.${len(format)} must be less then 4096`
  if (len(name) === 0) return 'name must not be empty'
  for (const c of format) if (!isFormatType(c)) return 'invalid format type'
  return null
}

// ── encoding a reader's values ────────────────────────────────────────────────────────────────

/** Why a typed value cannot be encoded; codes, so each page words them in its language. */
export type FieldIssueCode =
  | 'integer'     // not a base-10 integer
  | 'range'       // integer outside the type's range (see intRange)
  | 'ascii'       // text with a character outside 32..127
  | 'length'      // text or bytes longer than the prefix can say (see maxLength)
  | 'hex'         // bytes not given as even-length hex
  | 'hash'        // not 64 hex characters

export interface FieldIssue {
  index: number
  type: FormatType
  code: FieldIssueCode
}

const HEX = /^(?:[0-9a-fA-F]{2})*$/

function lengthPrefix(type: FormatType, n: number): number[] {
  return type === 's' || type === 'd' ? [n] : [n & 0xff, n >> 8]
}

function littleEndian(value: bigint, bytes: number): number[] {
  let v = BigInt.asUintN(bytes * 8, value)
  const out: number[] = []
  for (let i = 0; i < bytes; i++) {
    out.push(Number(v & 0xffn))
    v >>= 8n
  }
  return out
}

/** One field's bytes, or why the value does not fit the type. */
export function encodeField(type: FormatType, value: string): number[] | FieldIssueCode {
  const kind = fieldKind(type)
  if (kind === 'integer') {
    const v = value.trim()
    if (!/^[+-]?\d+$/.test(v)) return 'integer'
    const n = BigInt(v)
    const r = intRange(type)!
    if (n < r.min || n > r.max) return 'range'
    return littleEndian(n, INT_TYPES[type]!.bytes)
  }
  if (kind === 'hash') {
    const v = value.trim()
    if (!/^[0-9a-fA-F]{64}$/.test(v)) return 'hash'
    return Array.from(hexToBytes(v)).reverse()
  }
  if (kind === 'bytes') {
    const v = value.trim()
    if (!HEX.test(v)) return 'hex'
    const b = hexToBytes(v)
    if (b.length > maxLength(type)) return 'length'
    return [...lengthPrefix(type, b.length), ...b]
  }
  const codes = Array.from(value, (ch) => ch.codePointAt(0)!)
  if (codes.some((c) => c < 32 || c > 127)) return 'ascii'
  if (codes.length > maxLength(type)) return 'length'
  return [...lengthPrefix(type, codes.length), ...codes]
}

/**
 * The datum for `oraclesdata`: one value per format character, in order. Returns the hex, or the
 * issues of every field that does not fit (and `size` when the whole exceeds MAX_DATA_SIZE).
 */
export function encodeData(format: string, values: readonly string[]): { hex: string } | { issues: FieldIssue[]; size?: number } {
  const issues: FieldIssue[] = []
  const bytes: number[] = []
  Array.from(format).forEach((c, index) => {
    if (!isFormatType(c)) return
    const r = encodeField(c, values[index] ?? '')
    if (typeof r === 'string') issues.push({ index, type: c, code: r })
    else bytes.push(...r)
  })
  if (issues.length) return { issues }
  if (bytes.length > MAX_DATA_SIZE) return { issues, size: bytes.length }
  return { hex: bytesToHex(Uint8Array.from(bytes)) }
}

// ── komodod's readers ─────────────────────────────────────────────────────────────────────────

/**
 * oracle_parse_data_format: the datum is exactly the fields of `format`, lengths in range, texts
 * of bytes 32..127. True when `oraclesdata` accepts it.
 */
export function matchesDataFormat(data: Uint8Array, format: string): boolean {
  let offset = 0
  for (const c of format) {
    if (!isFormatType(c)) return false
    let len: number
    if (c === 's' || c === 'd') len = data[offset++] ?? 0
    else if (c === 'S' || c === 'D') { len = data[offset] ?? 0; len |= (data[offset + 1] ?? 0) << 8; offset += 2 }
    else len = c === 'h' ? 32 : INT_TYPES[c]!.bytes
    // komodod reads the prefix even past the end; the length check below then fails.
    if (offset > data.length || len > data.length - offset) return false
    if (c === 's' || c === 'S') {
      for (let j = offset; j < offset + len; j++) if (data[j] < 32 || data[j] > 127) return false
    }
    offset += len
  }
  return offset === data.length && offset !== 0
}

/** komodod's IGUANA_MAXSCRIPTSIZE: longer texts and byte strings are not printed. */
const IGUANA_MAXSCRIPTSIZE = 10001

/**
 * OracleFormat / oracle_format: a datum as the strings `oraclessample(s)` print, one per field.
 * Integers in decimal, `d`/`D` and `h` as hex, texts as they are. Like komodod it stops after a
 * field it cannot read (printing "" for it) and when the data runs out — including at an empty
 * text or byte string, which komodod cannot tell from a missing one.
 */
export function decodeData(data: Uint8Array, format: string): string[] {
  const out: string[] = []
  let j = 0
  for (let i = 0; i < format.length && j < data.length; i++) {
    const r = readField(format[i], data, j)
    out.push(r ? r.text : '')
    if (!r) break
    j = r.offset
    if (j >= data.length) break
  }
  return out
}

function readField(fmt: string, data: Uint8Array, start: number): { text: string; offset: number } | null {
  if (!isFormatType(fmt)) return null
  let offset = start
  let slen = 0
  let dlen = 0
  if (fmt === 's') slen = data[offset++] ?? 0
  else if (fmt === 'S') { slen = (data[offset] ?? 0) | ((data[offset + 1] ?? 0) << 8); offset += 2 }
  else if (fmt === 'd') dlen = data[offset++] ?? 0
  else if (fmt === 'D') { dlen = (data[offset] ?? 0) | ((data[offset + 1] ?? 0) << 8); offset += 2 }
  const n = slen || dlen
  if (n !== 0) {
    if (n >= IGUANA_MAXSCRIPTSIZE || offset + n > data.length) return null
    const bytes = data.subarray(offset, offset + n)
    return { text: slen ? String.fromCharCode(...bytes) : bytesToHex(bytes), offset: offset + n }
  }
  if (fmt === 's' || fmt === 'S' || fmt === 'd' || fmt === 'D') return null
  const len = fmt === 'h' ? 32 : INT_TYPES[fmt]!.bytes
  if (offset + len > data.length) return null
  const bytes = data.subarray(offset, offset + len)
  if (fmt === 'h') return { text: bytesToHex(Uint8Array.from(bytes).reverse()), offset: offset + len }
  let v = 0n
  for (let k = len - 1; k >= 0; k--) v = (v << 8n) | BigInt(bytes[k])
  const t = INT_TYPES[fmt]!
  return { text: (t.signed ? BigInt.asIntN(len * 8, v) : v).toString(), offset: offset + len }
}
