/**
 * Crypto-conditions as komodod uses them (shared/reference/komodo-rpc.md §3.3): a tree of
 * threshold / secp256k1 / eval nodes, its DER condition binary (fingerprint, cost, subtypes), the CC
 * scriptPubKey `<push cond> OP_CHECKCRYPTOCONDITION` and the CC address Base58Check(60, HASH160(script)).
 */
import { derSort, derUint, tlv } from './der.ts'
import { EVAL } from '../../protocol/evalCodes.ts'
import { bytesToHex, concat, hash160, addressOf, R_ADDRESS_VERSION, sha256 } from './hashes.ts'

export const CC_TYPE = { threshold: 2, secp256k1: 5, eval: 15 } as const

export type Condition =
  | { type: 'secp256k1'; pubkey: Uint8Array; signature?: Uint8Array }
  | { type: 'eval'; code: Uint8Array }
  | { type: 'threshold'; threshold: number; subs: Condition[] }
  /** A branch known only by its condition (an unfulfilled threshold member). */
  | { type: 'anon'; typeId: number; fingerprint: Uint8Array; cost: number; subtypes: number }

export const OP_CHECKCRYPTOCONDITION = 0xcc

const SECP_COST = 131072
const EVAL_COST = 1048576
const PER_CHILD_COST = 1024

export function typeIdOf(c: Condition): number {
  return c.type === 'anon' ? c.typeId : CC_TYPE[c.type]
}

export function costOf(c: Condition): number {
  switch (c.type) {
    case 'secp256k1': return SECP_COST
    case 'eval': return EVAL_COST
    case 'anon': return c.cost
    case 'threshold': {
      const costs = c.subs.map(costOf).sort((a, b) => b - a)
      return costs.slice(0, c.threshold).reduce((s, x) => s + x, 0) + PER_CHILD_COST * c.subs.length
    }
  }
}

/** Bit mask of the types below this node (the threshold type itself is never listed). */
export function subtypesOf(c: Condition): number {
  switch (c.type) {
    case 'anon': return c.subtypes
    case 'threshold': {
      let mask = 0
      for (const s of c.subs) mask |= subtypesOf(s) | (1 << typeIdOf(s))
      return mask & ~(1 << CC_TYPE.threshold)
    }
    default: return 0
  }
}

export function fingerprintOf(c: Condition): Uint8Array {
  switch (c.type) {
    case 'secp256k1': return sha256(tlv(0x30, tlv(0x80, c.pubkey)))
    case 'eval': return sha256(c.code)
    case 'anon': return c.fingerprint
    case 'threshold':
      return sha256(tlv(0x30, tlv(0x80, derUint(c.threshold)), tlv(0xa1, ...derSort(c.subs.map(conditionBinary)))))
  }
}

/** DER BIT STRING content for a type mask: bit n is type id n, most significant bit first. */
export function subtypesBits(mask: number): Uint8Array {
  let high = -1
  for (let i = 0; i < 32; i++) if (mask & (1 << i)) high = i
  if (high < 0) return Uint8Array.of(0)
  const nbytes = (high >> 3) + 1
  const out = new Uint8Array(1 + nbytes)
  out[0] = nbytes * 8 - (high + 1)
  for (let i = 0; i <= high; i++) if (mask & (1 << i)) out[1 + (i >> 3)] |= 0x80 >> (i & 7)
  return out
}

export function parseSubtypesBits(content: Uint8Array): number {
  let mask = 0
  for (let i = 0; i < (content.length - 1) * 8; i++) if (content[1 + (i >> 3)] & (0x80 >> (i & 7))) mask |= 1 << i
  return mask
}

function isCompound(typeId: number): boolean {
  return typeId === 1 || typeId === CC_TYPE.threshold
}

export function conditionBinary(c: Condition): Uint8Array {
  const typeId = typeIdOf(c)
  const parts = [tlv(0x80, fingerprintOf(c)), tlv(0x81, derUint(costOf(c)))]
  if (isCompound(typeId)) parts.push(tlv(0x82, subtypesBits(subtypesOf(c))))
  return tlv(0xa0 | typeId, ...parts)
}

// ── the shapes komodod builds ─────────────────────────────────────────────────────────────────

export function evalNode(evalCode: number): Condition {
  return { type: 'eval', code: Uint8Array.of(evalCode) }
}

export function secpNode(pubkey: Uint8Array): Condition {
  return { type: 'secp256k1', pubkey }
}

/** `MakeCCcond1`: threshold 2 of { eval(E), threshold 1 of { secp256k1(P) } }. */
export function makeCCcond1(evalCode: number, pubkey: Uint8Array): Condition {
  return { type: 'threshold', threshold: 2, subs: [evalNode(evalCode), { type: 'threshold', threshold: 1, subs: [secpNode(pubkey)] }] }
}

/**
 * Token outputs held for another module (`MakeTokensCCcond1`): every child required, threshold 3 of
 * { eval(E), eval(0xf2), threshold 1 of { secp256k1(P) } }; collapses to MakeCCcond1 when E is Tokens.
 */
export function makeTokensCCcond1(evalCode: number, pubkey: Uint8Array): Condition {
  return makeTokensCond(evalCode, 0, [pubkey])
}

/**
 * `MakeCCcond1of2` (src/cc/CCutils.cpp): threshold 2 of { eval(E), threshold 1 of { secp256k1(P1),
 * secp256k1(P2) } }; either key spends it. The members are sorted in the binary, so (P1, P2) and
 * (P2, P1) give one address: Channels and Heir share an output between two parties this way.
 */
export function makeCCcond1of2(evalCode: number, pk1: Uint8Array, pk2: Uint8Array): Condition {
  return { type: 'threshold', threshold: 2, subs: [evalNode(evalCode), { type: 'threshold', threshold: 1, subs: [secpNode(pk1), secpNode(pk2)] }] }
}

/**
 * `MakeTokensCCcond1of2` (src/cc/CCtokenutils.cpp): tokens held by two parties for module E, every
 * child required: { eval(E), eval(0xf2), threshold 1 of { P1, P2 } }; collapses to the 1of2 when E is Tokens.
 */
export function makeTokensCCcond1of2(evalCode: number, pk1: Uint8Array, pk2: Uint8Array): Condition {
  return makeTokensCond(evalCode, 0, [pk1, pk2])
}

/**
 * The general token output (`MakeTokensCCcond1`/`MakeTokensCCcond1of2` with two eval codes): every
 * child required — eval(E), eval(Tokens) unless E is Tokens, eval(E2) when given — and one signature
 * from any of `pubkeys`. With E = Tokens, no E2 and one pubkey it is makeCCcond1.
 */
export function makeTokensCond(evalCode: number, evalCode2: number, pubkeys: readonly Uint8Array[]): Condition {
  const subs: Condition[] = [evalNode(evalCode)]
  if (evalCode !== EVAL_TOKENS) subs.push(evalNode(EVAL_TOKENS))
  if (evalCode2 !== 0) subs.push(evalNode(evalCode2))
  subs.push({ type: 'threshold', threshold: 1, subs: pubkeys.map(secpNode) })
  return { type: 'threshold', threshold: subs.length, subs }
}

export const EVAL_TOKENS = EVAL.TOKENS

// ── scripts and addresses ─────────────────────────────────────────────────────────────────────

export function ccScript(cond: Condition | Uint8Array): Uint8Array {
  const bin = cond instanceof Uint8Array ? cond : conditionBinary(cond)
  if (bin.length >= 0x4c) throw new Error('condition too long for a direct push')
  return concat(Uint8Array.of(bin.length), bin, Uint8Array.of(OP_CHECKCRYPTOCONDITION))
}

/** The condition binary of a CC scriptPubKey, or null when the script is not one. */
export function conditionOfScript(script: Uint8Array): Uint8Array | null {
  if (script.length < 3 || script[script.length - 1] !== OP_CHECKCRYPTOCONDITION) return null
  const n = script[0]
  if (n < 1 || n >= 0x4c || n !== script.length - 2) return null
  const cond = script.subarray(1, 1 + n)
  return (cond[0] & 0xe0) === 0xa0 ? cond : null
}

export function isCCScript(script: Uint8Array): boolean {
  return conditionOfScript(script) !== null
}

export function ccAddressOfScript(script: Uint8Array): string {
  return addressOf(R_ADDRESS_VERSION, hash160(script))
}

/** CC address of (eval code, pubkey): what komodod's `GetCCaddress` prints. */
export function ccAddress(evalCode: number, pubkey: Uint8Array): string {
  return ccAddressOfScript(ccScript(makeCCcond1(evalCode, pubkey)))
}

export function ccTokensAddress(evalCode: number, pubkey: Uint8Array): string {
  return ccAddressOfScript(ccScript(makeTokensCCcond1(evalCode, pubkey)))
}

/**
 * How decoderawtransaction shows a CC output (§2.1): the condition hex followed by
 * OP_CHECKCRYPTOCONDITION, type "cryptocondition", one required signature, the CC address.
 */
export function describeCCScript(script: Uint8Array): { asm: string; type: 'cryptocondition'; reqSigs: 1; addresses: string[] } | null {
  const cond = conditionOfScript(script)
  if (!cond) return null
  return { asm: `${bytesToHex(cond)} OP_CHECKCRYPTOCONDITION`, type: 'cryptocondition', reqSigs: 1, addresses: [ccAddressOfScript(script)] }
}
