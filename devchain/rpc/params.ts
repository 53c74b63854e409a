/**
 * komodod's parameter typing (reference §1.3): UniValue getters throw -1 with fixed texts, a
 * wrong parameter count answers -1 with the usage text.
 */
import { RpcError, RpcCode } from '../../protocol/jsonrpc.ts'

export const notString = (): RpcError => new RpcError(RpcCode.MISC_ERROR, 'JSON value is not a string as expected')
export const notInt = (): RpcError => new RpcError(RpcCode.MISC_ERROR, 'JSON value is not an integer as expected')
export const notBool = (): RpcError => new RpcError(RpcCode.MISC_ERROR, 'JSON value is not a boolean as expected')
export const notObject = (): RpcError => new RpcError(RpcCode.MISC_ERROR, 'JSON value is not an object as expected')

export function requireString(p: unknown[], i: number): string {
  const v = p[i]
  if (typeof v !== 'string') throw notString()
  return v
}

export function requireInt(p: unknown[], i: number): number {
  const v = p[i]
  if (typeof v !== 'number' || !Number.isInteger(v)) throw notInt()
  return v
}

export function requireBool(p: unknown[], i: number): boolean {
  const v = p[i]
  if (typeof v !== 'boolean') throw notBool()
  return v
}

/** The usage error komodod answers when the parameter count is out of range. */
export function checkCount(p: unknown[], min: number, max: number, usage: string): void {
  if (p.length < min || p.length > max) throw new RpcError(RpcCode.MISC_ERROR, usage.endsWith('\n') ? usage : usage + '\n')
}

/** RPCTypeCheck's message (sendrawtransaction, decoderawtransaction). */
export function typeCheckString(p: unknown[], i: number): string {
  const v = p[i]
  if (typeof v !== 'string') throw new RpcError(RpcCode.TYPE_ERROR, `Expected type string, got ${jsonTypeName(v)}`)
  return v
}

/** RPCTypeCheck with fAllowNull: each given, non-null parameter must have its JSON type (-3 otherwise). */
export function typeCheck(p: unknown[], types: readonly ('string' | 'number' | 'bool' | 'array' | 'object')[]): void {
  types.forEach((t, i) => {
    if (i >= p.length || p[i] === null) return
    const got = jsonTypeName(p[i])
    if (got !== t) throw new RpcError(RpcCode.TYPE_ERROR, `Expected type ${t}, got ${got}`)
  })
}

export function jsonTypeName(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'number') return 'number'
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'object') return 'object'
  return typeof v
}

/** ParseFixedPoint(s, 8): satoshis of a decimal text (sign, fraction and exponent allowed), null where komodod's parser says no. */
export function parseFixedPoint8(s: string): number | null {
  if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(s)) return null
  const exact = Number(s) * 1e8
  const sats = Math.round(exact)
  if (!Number.isFinite(exact) || Math.abs(exact - sats) > 1e-6 * Math.max(1, Math.abs(exact) / 1e8)) return null
  // ParseFixedPoint refuses a mantissa of 18 digits or more.
  return Math.abs(sats) < 1e18 ? sats : null
}

/** AmountFromValue: a JSON number or numeric string with at most 8 decimals (exponents allowed, as in ParseFixedPoint). */
export function amountFromValue(v: unknown): number {
  if (typeof v !== 'number' && typeof v !== 'string') throw new RpcError(RpcCode.TYPE_ERROR, 'Amount is not a number or string')
  const sats = parseFixedPoint8(typeof v === 'number' ? String(v) : v)
  if (sats === null) throw new RpcError(RpcCode.TYPE_ERROR, 'Invalid amount')
  if (sats < 0 || sats > 2e17) throw new RpcError(RpcCode.TYPE_ERROR, 'Amount out of range')
  return sats
}
