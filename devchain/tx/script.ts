/**
 * Scripts: builders for the standard forms, classification and komodod's `asm` text.
 * CC outputs (`<push condition> OP_CHECKCRYPTOCONDITION`) are classified here generically
 * (reference §3.3: the CC address is the P2PKH-style hash of the whole script); modules may refine.
 */
import { concatBytes as concat } from '@noble/hashes/utils.js'
import { hash160, toHex } from '../crypto/hash.ts'
import { encodeAddress, PUBKEY_ADDRESS, SCRIPT_ADDRESS, addressFromPubkey } from '../crypto/keys.ts'

export const OP = {
  OP_0: 0x00, OP_PUSHDATA1: 0x4c, OP_PUSHDATA2: 0x4d, OP_PUSHDATA4: 0x4e, OP_1NEGATE: 0x4f,
  OP_1: 0x51, OP_16: 0x60, OP_RETURN: 0x6a, OP_DUP: 0x76, OP_EQUAL: 0x87, OP_EQUALVERIFY: 0x88,
  OP_HASH160: 0xa9, OP_CHECKSIG: 0xac, OP_CHECKMULTISIG: 0xae, OP_CHECKCRYPTOCONDITION: 0xcc,
} as const

const OP_NAMES: Record<number, string> = {
  0x00: '0', 0x4f: '-1', 0x61: 'OP_NOP', 0x63: 'OP_IF', 0x64: 'OP_NOTIF', 0x67: 'OP_ELSE', 0x68: 'OP_ENDIF',
  0x69: 'OP_VERIFY', 0x6a: 'OP_RETURN', 0x75: 'OP_DROP', 0x76: 'OP_DUP', 0x87: 'OP_EQUAL', 0x88: 'OP_EQUALVERIFY',
  0xa8: 'OP_SHA256', 0xa9: 'OP_HASH160', 0xaa: 'OP_HASH256', 0xac: 'OP_CHECKSIG', 0xad: 'OP_CHECKSIGVERIFY',
  0xae: 'OP_CHECKMULTISIG', 0xaf: 'OP_CHECKMULTISIGVERIFY', 0xb1: 'OP_CHECKLOCKTIMEVERIFY', 0xcc: 'OP_CHECKCRYPTOCONDITION',
}

export function pushData(data: Uint8Array): Uint8Array {
  const n = data.length
  let head: number[]
  if (n < 0x4c) head = [n]
  else if (n <= 0xff) head = [0x4c, n]
  else if (n <= 0xffff) head = [0x4d, n & 0xff, n >> 8]
  else head = [0x4e, n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24]
  const out = new Uint8Array(head.length + n)
  out.set(head)
  out.set(data, head.length)
  return out
}

export { concat }

export function p2pk(pub: Uint8Array): Uint8Array {
  return concat(pushData(pub), Uint8Array.of(OP.OP_CHECKSIG))
}

export function p2pkh(h160: Uint8Array): Uint8Array {
  return concat(Uint8Array.of(OP.OP_DUP, OP.OP_HASH160, 20), h160, Uint8Array.of(OP.OP_EQUALVERIFY, OP.OP_CHECKSIG))
}

export function p2sh(h160: Uint8Array): Uint8Array {
  return concat(Uint8Array.of(OP.OP_HASH160, 20), h160, Uint8Array.of(OP.OP_EQUAL))
}

export function opReturn(data: Uint8Array): Uint8Array {
  return concat(Uint8Array.of(OP.OP_RETURN), pushData(data))
}

/** Script number encoding, used for the coinbase height push. */
export function scriptNum(n: number): Uint8Array {
  if (n === 0) return Uint8Array.of(OP.OP_0)
  if (n >= 1 && n <= 16) return Uint8Array.of(OP.OP_1 + n - 1)
  const bytes: number[] = []
  let v = n
  while (v > 0) {
    bytes.push(v & 0xff)
    v = Math.floor(v / 256)
  }
  if (bytes[bytes.length - 1] & 0x80) bytes.push(0)
  return pushData(Uint8Array.from(bytes))
}

export interface ScriptOp {
  op: number
  data?: Uint8Array
}

/** Parses a script into ops; null if a push runs past the end. */
export function parseScript(s: Uint8Array): ScriptOp[] | null {
  const ops: ScriptOp[] = []
  let i = 0
  while (i < s.length) {
    const op = s[i++]
    if (op > 0 && op <= OP.OP_PUSHDATA4) {
      let n = op
      if (op === OP.OP_PUSHDATA1) {
        if (i + 1 > s.length) return null
        n = s[i]
        i += 1
      } else if (op === OP.OP_PUSHDATA2) {
        if (i + 2 > s.length) return null
        n = s[i] | (s[i + 1] << 8)
        i += 2
      } else if (op === OP.OP_PUSHDATA4) {
        if (i + 4 > s.length) return null
        n = (s[i] | (s[i + 1] << 8) | (s[i + 2] << 16) | (s[i + 3] << 24)) >>> 0
        i += 4
      }
      if (i + n > s.length) return null
      ops.push({ op, data: s.subarray(i, i + n) })
      i += n
    } else {
      ops.push({ op })
    }
  }
  return ops
}

const SIGHASH_NAMES: Record<number, string> = {
  0x01: 'ALL', 0x02: 'NONE', 0x03: 'SINGLE', 0x81: 'ALL|ANYONECANPAY', 0x82: 'NONE|ANYONECANPAY', 0x83: 'SINGLE|ANYONECANPAY',
}

function looksLikeDerSig(d: Uint8Array): boolean {
  return d.length >= 9 && d.length <= 73 && d[0] === 0x30 && d[1] === d.length - 3
}

/**
 * komodod's ScriptToAsmStr: pushes ≤ 4 bytes print as numbers, others as hex; with
 * `decodeSighash` (scriptSigs) a trailing DER signature prints as `<hex>[ALL]`.
 */
export function scriptToAsm(s: Uint8Array, decodeSighash = false): string {
  const ops = parseScript(s)
  if (!ops) return '[error]'
  const out: string[] = []
  for (const { op, data } of ops) {
    if (data !== undefined) {
      if (data.length <= 4) {
        out.push(String(scriptNumValue(data)))
      } else if (decodeSighash && looksLikeDerSig(data) && SIGHASH_NAMES[data[data.length - 1]]) {
        out.push(toHex(data.subarray(0, data.length - 1)) + `[${SIGHASH_NAMES[data[data.length - 1]]}]`)
      } else {
        out.push(toHex(data))
      }
    } else if (op >= OP.OP_1 && op <= OP.OP_16) {
      out.push(String(op - OP.OP_1 + 1))
    } else {
      out.push(OP_NAMES[op] ?? (op === 0 ? '0' : `OP_UNKNOWN`))
    }
  }
  return out.join(' ')
}

function scriptNumValue(d: Uint8Array): number {
  if (d.length === 0) return 0
  let v = 0
  for (let i = 0; i < d.length; i++) v += d[i] * 2 ** (8 * i)
  const last = d[d.length - 1]
  if (last & 0x80) return -(v - 0x80 * 2 ** (8 * (d.length - 1)))
  return v
}

export type ScriptType = 'pubkey' | 'pubkeyhash' | 'scripthash' | 'multisig' | 'nulldata' | 'cryptocondition' | 'nonstandard'

export interface ScriptInfo {
  type: ScriptType
  /** Address(es) the address index files the output under (P2PK under the pubkey's R-address). */
  addresses: string[]
  reqSigs: number
  /** For pubkey outputs: the pubkey. */
  pubkey?: Uint8Array
  /** For pubkeyhash/scripthash: the 20-byte hash. */
  hash?: Uint8Array
  /** For cryptocondition: the condition binary. */
  condition?: Uint8Array
}

export function isCryptoCondition(s: Uint8Array): boolean {
  const ops = parseScript(s)
  return !!ops && ops.length >= 2 && ops[0].data !== undefined && ops[1].op === OP.OP_CHECKCRYPTOCONDITION
}

// Address derivation (RIPEMD-160 + Base58Check) dominates block connection when every coinbase
// pays the same pubkey; a bounded cache keyed by the script keeps it off the hot path.
const infoCache = new Map<string, ScriptInfo>()
const INFO_CACHE_MAX = 20_000

/** Classifies a scriptPubKey. The returned object is shared: do not mutate it. */
export function classifyScript(s: Uint8Array): ScriptInfo {
  const key = toHex(s)
  let info = infoCache.get(key)
  if (!info) {
    if (infoCache.size >= INFO_CACHE_MAX) infoCache.clear()
    info = classifyUncached(s)
    infoCache.set(key, info)
  }
  return info
}

function classifyUncached(s: Uint8Array): ScriptInfo {
  const n = s.length
  if (n === 25 && s[0] === OP.OP_DUP && s[1] === OP.OP_HASH160 && s[2] === 20 && s[23] === OP.OP_EQUALVERIFY && s[24] === OP.OP_CHECKSIG) {
    const hash = s.slice(3, 23)
    return { type: 'pubkeyhash', addresses: [encodeAddress(PUBKEY_ADDRESS, hash)], reqSigs: 1, hash }
  }
  if (n === 23 && s[0] === OP.OP_HASH160 && s[1] === 20 && s[22] === OP.OP_EQUAL) {
    const hash = s.slice(2, 22)
    return { type: 'scripthash', addresses: [encodeAddress(SCRIPT_ADDRESS, hash)], reqSigs: 1, hash }
  }
  if ((n === 35 && s[0] === 33 && (s[1] === 2 || s[1] === 3)) || (n === 67 && s[0] === 65 && s[1] === 4)) {
    if (s[n - 1] === OP.OP_CHECKSIG) {
      const pubkey = s.slice(1, n - 1)
      return { type: 'pubkey', addresses: [addressFromPubkey(pubkey)], reqSigs: 1, pubkey }
    }
  }
  if (n >= 1 && s[0] === OP.OP_RETURN) return { type: 'nulldata', addresses: [], reqSigs: 0 }
  const ops = parseScript(s)
  if (ops && ops.length >= 2 && ops[0].data && ops[1].op === OP.OP_CHECKCRYPTOCONDITION) {
    // komodod's CC address hashes the whole scriptPubKey (reference §3.3).
    return { type: 'cryptocondition', addresses: [encodeAddress(PUBKEY_ADDRESS, hash160(s))], reqSigs: 1, condition: ops[0].data }
  }
  return { type: 'nonstandard', addresses: [], reqSigs: 0 }
}
