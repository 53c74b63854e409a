/**
 * Fulfillments: what a CC input's scriptSig carries to spend a CC output. komodod's `CCSig` pushes the
 * DER fulfillment followed by one SIGHASH_ALL byte. A fulfillment restates the condition tree with the
 * secp256k1 public keys and their 64-byte (r‖s) ECDSA signatures over the input's sighash; an unfulfilled
 * threshold member is carried as its bare condition. Validation rebuilds the condition binary from the
 * fulfillment, compares it with the spent output's, and checks every signature.
 */
import { secp256k1 } from '@noble/curves/secp256k1.js'
import { derSort, readAll, readTlv, readUint, tlv } from './der.ts'
import { CC_TYPE, conditionBinary, parseSubtypesBits, type Condition } from './condition.ts'
import { bytesEqual, concat } from './hashes.ts'

export const SIGHASH_ALL = 1

function canFulfill(c: Condition): boolean {
  switch (c.type) {
    case 'secp256k1': return c.signature !== undefined
    case 'eval': return true
    case 'anon': return false
    case 'threshold': return c.subs.filter(canFulfill).length >= c.threshold
  }
}

export function fulfillmentBinary(c: Condition): Uint8Array {
  switch (c.type) {
    case 'secp256k1':
      if (!c.signature) throw new Error('secp256k1 node is not signed')
      return tlv(0xa5, tlv(0x80, c.pubkey), tlv(0x81, c.signature))
    case 'eval':
      return tlv(0xaf, tlv(0x80, c.code))
    case 'anon':
      throw new Error('an anonymous condition cannot be fulfilled')
    case 'threshold': {
      const fulfilled = c.subs.filter(canFulfill).slice(0, c.threshold)
      if (fulfilled.length < c.threshold) throw new Error('threshold not met')
      const rest = c.subs.filter((s) => !fulfilled.includes(s))
      return tlv(0xa2,
        tlv(0xa0, ...derSort(fulfilled.map(fulfillmentBinary))),
        tlv(0xa1, ...derSort(rest.map(conditionBinary))))
    }
  }
}

/** The scriptSig of a CC input: one push of fulfillment ‖ SIGHASH_ALL. */
export function ccScriptSig(c: Condition): Uint8Array {
  const data = concat(fulfillmentBinary(c), Uint8Array.of(SIGHASH_ALL))
  return concat(pushPrefix(data.length), data)
}

function pushPrefix(n: number): Uint8Array {
  if (n < 0x4c) return Uint8Array.of(n)
  if (n <= 0xff) return Uint8Array.of(0x4c, n)
  if (n <= 0xffff) return Uint8Array.of(0x4d, n & 0xff, n >> 8)
  throw new Error('push too long')
}

/** The single push of a scriptSig, or null. */
export function singlePush(script: Uint8Array): Uint8Array | null {
  if (script.length === 0) return null
  const op = script[0]
  let start: number
  let len: number
  if (op > 0 && op < 0x4c) { start = 1; len = op }
  else if (op === 0x4c && script.length >= 2) { start = 2; len = script[1] }
  else if (op === 0x4d && script.length >= 3) { start = 3; len = script[1] | (script[2] << 8) }
  else return null
  return start + len === script.length ? script.subarray(start) : null
}

function parseCondition(tag: number, content: Uint8Array): Condition {
  const parts = readAll(content)
  const fp = parts.find((p) => p.tag === 0x80)
  const cost = parts.find((p) => p.tag === 0x81)
  const sub = parts.find((p) => p.tag === 0x82)
  if (!fp || fp.content.length !== 32 || !cost) throw new Error('malformed condition')
  return { type: 'anon', typeId: tag & 0x1f, fingerprint: fp.content, cost: readUint(cost.content), subtypes: sub ? parseSubtypesBits(sub.content) : 0 }
}

function parseFulfillment(tag: number, content: Uint8Array, depth: number): Condition {
  if (depth > 8) throw new Error('fulfillment nested too deep')
  const parts = readAll(content)
  switch (tag & 0x1f) {
    case CC_TYPE.secp256k1: {
      const [pk, sig] = parts
      if (!pk || !sig || pk.tag !== 0x80 || sig.tag !== 0x81 || pk.content.length !== 33 || sig.content.length !== 64) {
        throw new Error('malformed secp256k1 fulfillment')
      }
      return { type: 'secp256k1', pubkey: pk.content, signature: sig.content }
    }
    case CC_TYPE.eval: {
      const [code] = parts
      if (!code || code.tag !== 0x80) throw new Error('malformed eval fulfillment')
      return { type: 'eval', code: code.content }
    }
    case CC_TYPE.threshold: {
      const [ffs, conds] = parts
      if (!ffs || !conds || ffs.tag !== 0xa0 || conds.tag !== 0xa1) throw new Error('malformed threshold fulfillment')
      const fulfilled = readAll(ffs.content).map((t) => parseFulfillment(t.tag, t.content, depth + 1))
      const rest = readAll(conds.content).map((t) => parseCondition(t.tag, t.content))
      // The threshold is not stored: it is the number of fulfilled members.
      return { type: 'threshold', threshold: fulfilled.length, subs: [...fulfilled, ...rest] }
    }
    default:
      throw new Error(`unsupported fulfillment type ${tag & 0x1f}`)
  }
}

/** Parse a fulfillment binary (without the trailing sighash byte). Throws on malformed input. */
export function decodeFulfillment(bin: Uint8Array): Condition {
  const t = readTlv(bin)
  if (t.size !== bin.length) throw new Error('trailing bytes after fulfillment')
  return parseFulfillment(t.tag, t.content, 0)
}

function walk(c: Condition, visit: (c: Condition) => void): void {
  visit(c)
  if (c.type === 'threshold') for (const s of c.subs) walk(s, visit)
}

export type FulfillmentCheck =
  | { ok: true; evalCodes: number[]; signers: Uint8Array[] }
  | { ok: false; reason: string }

/**
 * Check a CC input: its scriptSig must fulfil exactly the spent output's condition, with valid
 * low-S signatures over `sighash`. The eval codes found are for the caller to dispatch to modules.
 */
export function checkCCInput(scriptSig: Uint8Array, spentCondition: Uint8Array, sighash: Uint8Array): FulfillmentCheck {
  const push = singlePush(scriptSig)
  if (!push || push.length < 2) return { ok: false, reason: 'scriptSig is not one push' }
  if (push[push.length - 1] !== SIGHASH_ALL) return { ok: false, reason: 'hash type must be SIGHASH_ALL' }
  let tree: Condition
  try {
    tree = decodeFulfillment(push.subarray(0, push.length - 1))
  } catch (e) {
    return { ok: false, reason: (e as Error).message }
  }
  if (!bytesEqual(conditionBinary(tree), spentCondition)) return { ok: false, reason: 'fulfillment does not match the condition' }
  const evalCodes: number[] = []
  const signers: Uint8Array[] = []
  let bad = false
  walk(tree, (n) => {
    if (n.type === 'eval') { if (n.code.length === 1) evalCodes.push(n.code[0]); else bad = true }
    if (n.type === 'secp256k1') {
      if (!n.signature || !secp256k1.verify(n.signature, sighash, n.pubkey, { prehash: false, lowS: true })) bad = true
      else signers.push(n.pubkey)
    }
  })
  if (bad) return { ok: false, reason: 'invalid signature' }
  return { ok: true, evalCodes, signers }
}

/** Sign every secp256k1 node whose pubkey matches `privkey` (RFC 6979, low-S, 64-byte r‖s). */
export function signCondition(c: Condition, sighash: Uint8Array, privkey: Uint8Array): Condition {
  const pub = secp256k1.getPublicKey(privkey, true)
  const sign = (n: Condition): Condition => {
    if (n.type === 'secp256k1' && bytesEqual(n.pubkey, pub)) {
      return { ...n, signature: secp256k1.sign(sighash, privkey, { prehash: false, lowS: true }) }
    }
    if (n.type === 'threshold') return { ...n, subs: n.subs.map(sign) }
    return n
  }
  return sign(c)
}
