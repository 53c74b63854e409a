/**
 * The OP_RETURN payloads and plan names of the Rewards module, as komodod writes and reads them
 * (src/cc/rewards.cpp: EncodeRewardsFundingOpRet, EncodeRewardsOpRet, DecodeRewardsFundingOpRet,
 * DecodeRewardsOpRet; src/cc/CCutilbits.cpp: stringbits, unstringbits):
 *   createfunding  e5 'F' <u64 sbits> <u64 APR> <u64 minseconds> <u64 maxseconds> <u64 mindeposit>
 *   addfunding     e5 'A' <u64 sbits> <fundingtxid>
 *   lock           e5 'L' <u64 sbits> <fundingtxid>
 *   unlock         e5 'U' <u64 sbits> <fundingtxid>
 * Integers are little endian; the fundingtxid is a uint256 (the display hex reversed). A plan's name
 * travels as `sbits`: its first eight bytes packed little endian into a uint64. Decoding follows
 * E_UNMARSHAL: every field there and nothing after it.
 */
import { EVAL } from '../../../protocol/evalCodes.ts'
import { bytesToHex, hexToBytes, PayloadReader, unmarshalWhole } from '../../../protocol/opret.ts'

export const FUNCID = { fund: 0x46, add: 0x41, lock: 0x4c, unlock: 0x55 } as const
export type RewardsFuncid = (typeof FUNCID)[keyof typeof FUNCID]

/** PLAN_NAME_MAX in src/wallet/rpcwallet.cpp: VALID_PLAN_NAME is strlen(name) <= 8. */
export const PLAN_NAME_MAX = 8

const utf8 = new TextEncoder()

/** The bytes komodod sees of a name: its UTF-8, up to the first NUL (a C string). */
export function planNameBytes(name: string): Uint8Array {
  const b = utf8.encode(name)
  const nul = b.indexOf(0)
  return nul < 0 ? b : b.subarray(0, nul)
}

export const validPlanName = (name: string): boolean => planNameBytes(name).length <= PLAN_NAME_MAX

/** stringbits: the first eight bytes of the name, the first one lowest. */
export function stringbits(name: string): bigint {
  const b = planNameBytes(name).subarray(0, 8)
  let bits = 0n
  for (let i = b.length - 1; i >= 0; i--) bits = (bits << 8n) | BigInt(b[i])
  return bits
}

/** unstringbits: the bytes of `sbits` up to the first zero byte, as text. */
export function unstringbits(sbits: bigint): string {
  const out: number[] = []
  for (let i = 0, v = BigInt.asUintN(64, sbits); i < 8; i++, v >>= 8n) {
    const c = Number(v & 0xffn)
    if (c === 0) break
    out.push(c)
  }
  return new TextDecoder().decode(Uint8Array.from(out))
}

function u64le(v: bigint): number[] {
  let u = BigInt.asUintN(64, v)
  const out: number[] = []
  for (let i = 0; i < 8; i++, u >>= 8n) out.push(Number(u & 0xffn))
  return out
}

function u64(r: PayloadReader): bigint {
  const b = r.bytes(8)
  let v = 0n
  for (let i = 7; i >= 0; i--) v = (v << 8n) | BigInt(b[i])
  return v
}

const uint256Bytes = (txid: string): number[] => Array.from(hexToBytes(txid)).reverse()
const uint256Hex = (b: Uint8Array): string => bytesToHex(Uint8Array.from(b).reverse())

/** A plan's terms, as its funding transaction carries them (satoshis, seconds; APR in COIN per percent). */
export interface RewardsPlanTerms {
  sbits: bigint
  APR: bigint
  minseconds: bigint
  maxseconds: bigint
  mindeposit: bigint
}

export function encodeRewardsFunding(t: RewardsPlanTerms): Uint8Array {
  return Uint8Array.from([
    EVAL.REWARDS, FUNCID.fund, ...u64le(t.sbits), ...u64le(t.APR), ...u64le(t.minseconds), ...u64le(t.maxseconds), ...u64le(t.mindeposit),
  ])
}

export function encodeRewardsOpret(funcid: RewardsFuncid, sbits: bigint, fundingtxid: string): Uint8Array {
  return Uint8Array.from([EVAL.REWARDS, funcid, ...u64le(sbits), ...uint256Bytes(fundingtxid)])
}

const readTerms = (r: PayloadReader): { e: number; f: number } & RewardsPlanTerms => {
  const e = r.byte()
  const f = r.byte()
  return { e, f, sbits: u64(r), APR: u64(r), minseconds: u64(r), maxseconds: u64(r), mindeposit: u64(r) }
}

/** DecodeRewardsFundingOpRet: the terms of an 'F' payload, or null. */
export function decodeRewardsFunding(payload: Uint8Array): RewardsPlanTerms | null {
  if (payload.length <= 2) return null
  const d = unmarshalWhole(payload, readTerms)
  if (!d || d.e !== EVAL.REWARDS || d.f !== FUNCID.fund) return null
  const { sbits, APR, minseconds, maxseconds, mindeposit } = d
  return { sbits, APR, minseconds, maxseconds, mindeposit }
}

export interface RewardsOpret {
  funcid: RewardsFuncid
  sbits: bigint
  /** The plan's funding txid; for an 'F' payload, the txid of the transaction that carries it. */
  fundingtxid: string
}

/**
 * DecodeRewardsOpRet(txid, …): 'F' with all its terms (the fundingtxid is the carrying tx's own),
 * or 'A'/'L'/'U' with sbits and fundingtxid; null for anything else.
 */
export function decodeRewardsOpret(txid: string, payload: Uint8Array): RewardsOpret | null {
  if (payload.length <= 2 || payload[0] !== EVAL.REWARDS) return null
  if (payload[1] === FUNCID.fund) {
    const t = unmarshalWhole(payload, readTerms)
    return t ? { funcid: FUNCID.fund, sbits: t.sbits, fundingtxid: txid } : null
  }
  const d = unmarshalWhole(payload, (r) => ({ e: r.byte(), f: r.byte(), sbits: u64(r), fundingtxid: uint256Hex(r.bytes(32)) }))
  if (!d || d.e !== EVAL.REWARDS || (d.f !== FUNCID.add && d.f !== FUNCID.lock && d.f !== FUNCID.unlock)) return null
  return { funcid: d.f as RewardsFuncid, sbits: d.sbits, fundingtxid: d.fundingtxid }
}
