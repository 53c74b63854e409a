/**
 * Turns a request body into checked calls, the way komodod's JSONRequest::parse and its batch path
 * judge them (shared/reference/komodo-rpc.md §1.1), plus the gateway's own limits. Nothing of the
 * original bytes survives: a forwarded call is rebuilt from the parsed method, params and id.
 */
import type { GatewayError } from './errors.ts'
import { invalidRequest, parseError } from './errors.ts'

/** A call that passed the envelope checks. `id` is any JSON value, echoed as komodod does. */
export interface Call {
  method: string
  params: unknown[]
  id: unknown
}

export type ParsedItem = { call: Call; error?: undefined; id: unknown } | { call?: undefined; error: GatewayError; id: unknown }

export type ParsedBody =
  | { kind: 'error'; error: GatewayError }
  | { kind: 'single'; item: ParsedItem }
  | { kind: 'batch'; items: ParsedItem[] }

export interface ParseLimits {
  maxBatch: number
  /** Deepest array/object nesting accepted anywhere in the body (komodod's UniValue also caps depth). */
  maxDepth: number
}

const utf8 = new TextDecoder('utf-8', { fatal: true })
const hasOwn = Object.prototype.hasOwnProperty

/** Nesting depth of JSON text, counted outside strings; stops early once over `limit`. */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 92 /* \ */) i++
      else if (c === 34 /* " */) inString = false
    } else if (c === 34) inString = true
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > limit) return true
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--
  }
  return false
}

export function parseItem(value: unknown): ParsedItem {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { error: invalidRequest('Invalid Request object'), id: null }
  }
  const obj = value as Record<string, unknown>
  const id = hasOwn.call(obj, 'id') ? obj.id : null
  const method = hasOwn.call(obj, 'method') ? obj.method : undefined
  if (method === undefined || method === null) return { error: invalidRequest('Missing method'), id }
  if (typeof method !== 'string') return { error: invalidRequest('Method must be a string'), id }
  const params = hasOwn.call(obj, 'params') ? obj.params : null
  if (params !== null && !Array.isArray(params)) return { error: invalidRequest('Params must be an array'), id }
  return { call: { method, params: params ?? [], id }, id }
}

export function parseBody(body: Uint8Array, limits: ParseLimits): ParsedBody {
  let text: string
  try {
    text = utf8.decode(body)
  } catch {
    return { kind: 'error', error: parseError() }
  }
  if (jsonDepthExceeds(text, limits.maxDepth)) return { kind: 'error', error: parseError() }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { kind: 'error', error: parseError() }
  }
  if (Array.isArray(value)) {
    if (value.length > limits.maxBatch) {
      return { kind: 'error', error: invalidRequest(`Batch too long: ${value.length} calls (limit ${limits.maxBatch})`) }
    }
    return { kind: 'batch', items: value.map(parseItem) }
  }
  if (value !== null && typeof value === 'object') return { kind: 'single', item: parseItem(value) }
  return { kind: 'error', error: parseError('Top-level object parse error') }
}

/** The body sent upstream: rebuilt from parsed values, with komodod's accepted "jsonrpc":"1.0". */
export function serializeCall(call: Call): string {
  return JSON.stringify({ jsonrpc: '1.0', id: call.id, method: call.method, params: call.params })
}
