/**
 * Parameter checks against the catalog, run before a request leaves the page. Issues are codes,
 * not sentences, so each component words them in the reader's language.
 */
import { base58checkDecode } from './base58check.ts'
import type { MethodSpec, ParamFormat, ParamSpec, ParamType } from './catalog.ts'
import type { WireSpec } from './wireSpec.ts'
import { R_ADDRESS_VERSION } from './addressVersions.ts'

export type IssueCode =
  | 'required'      // a mandatory parameter is missing
  | 'type'          // wrong JSON type
  | 'format'        // right type, wrong content (see `format`)
  | 'json'          // form text is not valid JSON for an object/array parameter
  | 'too-many'      // more values than the method takes

export interface ParamIssue {
  /** Position in the positional list. */
  index: number
  param: string
  code: IssueCode
  expected?: ParamType
  format?: ParamFormat
}


const FORMAT_TESTS: Record<ParamFormat, (s: string) => boolean> = {
  txid: (s) => /^[0-9a-fA-F]{64}$/.test(s),
  hex: (s) => s.length > 0 && /^(?:[0-9a-fA-F]{2})+$/.test(s),
  pubkey: (s) => /^0[23][0-9a-fA-F]{64}$/.test(s),
  address: isRAddress,
  coins: (s) => /^\d+(?:\.\d{1,8})?$/.test(s),
  integer: (s) => /^\d+$/.test(s),
  'height-or-hash': (s) => /^\d+$/.test(s) || /^[0-9a-fA-F]{64}$/.test(s),
}

export function isRAddress(s: string): boolean {
  if (!/^R[1-9A-HJ-NP-Za-km-z]{25,34}$/.test(s)) return false
  const payload = base58checkDecode(s)
  return payload !== null && payload.length === 21 && payload[0] === R_ADDRESS_VERSION
}

export function matchesFormat(format: ParamFormat, value: unknown): boolean {
  if (typeof value === 'number') {
    // Amounts may travel as numbers (sendtoaddress); check the decimal text they stand for.
    return Number.isFinite(value) && value >= 0 && FORMAT_TESTS[format](String(value))
  }
  return typeof value === 'string' && FORMAT_TESTS[format](value)
}

function hasType(type: ParamType, v: unknown): boolean {
  switch (type) {
    case 'string': return typeof v === 'string'
    case 'int': return typeof v === 'number' && Number.isInteger(v)
    case 'bool': return typeof v === 'boolean'
    case 'number-or-string': return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))
    case 'object': return (v !== null && typeof v === 'object' && !Array.isArray(v)) || typeof v === 'string'
    case 'array': return Array.isArray(v)
    case 'any': return v !== undefined
  }
}

/** Checks typed params (what goes on the wire) against the method's catalog entry. */
export function validateParams(spec: WireSpec, params: readonly unknown[]): ParamIssue[] {
  const issues: ParamIssue[] = []
  if (params.length > spec.params.length) {
    issues.push({ index: spec.params.length, param: '', code: 'too-many' })
  }
  spec.params.forEach((p, index) => {
    const v = params[index]
    if (v === undefined) {
      // An optional parameter may be left out only when nothing after it is given.
      const laterGiven = params.slice(index + 1).some((x) => x !== undefined)
      if (!p.optional || laterGiven) issues.push({ index, param: p.name, code: 'required' })
      return
    }
    if (!hasType(p.type, v)) {
      issues.push({ index, param: p.name, code: 'type', expected: p.type })
      return
    }
    if (p.format && !matchesFormat(p.format, v)) issues.push({ index, param: p.name, code: 'format', format: p.format })
  })
  return issues
}

/** What a form field holds: text for most parameters, a checkbox for booleans. */
export type FieldValue = string | boolean | undefined

/**
 * Turns form fields into wire params: numbers for int positions, parsed JSON for objects and
 * arrays, strings elsewhere (every CC argument stays a string, as komodo-cli sends it).
 * Trailing empty optional fields are dropped.
 */
export function paramsFromFields(spec: MethodSpec, fields: readonly FieldValue[]): { params: unknown[]; issues: ParamIssue[] } {
  const params: unknown[] = []
  const issues: ParamIssue[] = []
  let last = -1
  spec.params.forEach((p, i) => {
    if (!isEmptyField(p, fields[i])) last = i
  })
  for (let i = 0; i <= last; i++) {
    const p = spec.params[i]
    const raw = fields[i]
    if (isEmptyField(p, raw)) {
      if (p.type === 'bool') params.push(false)
      else {
        issues.push({ index: i, param: p.name, code: 'required' })
        params.push(undefined)
      }
      continue
    }
    const converted = fieldToValue(p, raw)
    if (converted.issue) issues.push({ index: i, param: p.name, ...converted.issue })
    params.push(converted.value)
  }
  const seen = new Set(issues.map((x) => x.index))
  for (const issue of validateParams(spec, params)) if (!seen.has(issue.index)) issues.push(issue)
  return { params, issues }
}

function isEmptyField(p: ParamSpec, v: FieldValue): boolean {
  if (p.type === 'bool') return v !== true
  return v === undefined || v === false || (typeof v === 'string' && v.trim() === '')
}

function fieldToValue(p: ParamSpec, raw: FieldValue): { value: unknown; issue?: Omit<ParamIssue, 'index' | 'param'> } {
  if (typeof raw === 'boolean') return { value: raw }
  const text = (raw ?? '').trim()
  switch (p.type) {
    case 'int':
      return /^-?\d+$/.test(text) ? { value: Number(text) } : { value: text, issue: { code: 'type', expected: 'int' } }
    case 'bool':
      return { value: text === 'true' }
    case 'number-or-string':
      return { value: /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : text }
    case 'object':
    case 'array':
      try {
        return { value: JSON.parse(text) }
      } catch {
        return { value: text, issue: { code: 'json' } }
      }
    case 'any':
      try {
        return { value: JSON.parse(text) }
      } catch {
        return { value: text }
      }
    case 'string':
      return { value: text }
  }
}

/** The text a form field shows for a wire value (the inverse of paramsFromFields). */
export function fieldFromValue(p: ParamSpec, v: unknown): FieldValue {
  if (v === undefined || v === null) return p.type === 'bool' ? false : ''
  if (p.type === 'bool') return v === true
  if (typeof v === 'string') return v
  if (typeof v === 'number') return String(v)
  return JSON.stringify(v)
}
