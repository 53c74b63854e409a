/**
 * The Heir CC module (eval 0xea), isomorphic part: keys, OP_RETURN codec, catalog entries, result
 * types and English strings. After komodod's src/cc/heir.cpp, src/cc/heir_validate.h and the RPC
 * wrappers in src/wallet/rpcwallet.cpp; the keys are the public constants of src/cc/CCcustom.cpp.
 * The rules (HeirValidate and the builders) are in rules.ts, loaded by the engine only.
 *
 *   heirfund (coins)   ea 'F' <vec ownerpk> <vec heirpk> <int64 inactivity, LE> <str name> <str memo>
 *   heiradd/heirclaim  ea 'A'|'C' <fundingtxid, display byte order> <uint8 heir spending has begun>
 *   with a tokenid     the Tokens transfer payload (f2 't' …) carrying the above under opret id 0x15
 */
import { p, type MethodSpec } from '../../protocol/methodSpec.ts'
import { EVAL } from '../../protocol/evalCodes.ts'
import { defineModule, type DecodedOpReturn, type OpReturnView } from '../../protocol/module.ts'
import { bytesToHex, concatBytes, hexToBytes, PayloadReader, sizedBytes } from '../../protocol/opret.ts'
import type { CcSuccess, HexResult } from '../../protocol/types.ts'

export const HEIR_FUNCID = { FUND: 0x46, ADD: 0x41, CLAIM: 0x43 } as const // 'F', 'A', 'C'
/** OPRETID_HEIRDATA (src/cc/CCinclude.h): the tag of the Heir payload inside a Tokens OP_RETURN. */
export const OPRETID_HEIRDATA = 0x15
const utf8 = new TextEncoder()
const fromUtf8 = new TextDecoder()

/** What a plan's funding transaction ('F') says: EncodeHeirCreateOpRet. */
export interface HeirPlanData {
  ownerPubkey: Uint8Array
  heirPubkey: Uint8Array
  /** Seconds without an owner's spend before the heir may claim. */
  inactivityTime: bigint
  heirName: string
  memo: string
}

/** What an add ('A') or claim ('C') says: EncodeHeirOpRet. */
export interface HeirRefData {
  /** Display (RPC) hex of the plan's funding txid. */
  fundingtxid: string
  /** komodod's isHeirSpendingBegan byte, carried forward from the plan's latest owner transaction. */
  heirSpendingBegun: number
}

export type HeirPayload =
  | ({ funcId: typeof HEIR_FUNCID.FUND } & HeirPlanData)
  | ({ funcId: typeof HEIR_FUNCID.ADD | typeof HEIR_FUNCID.CLAIM } & HeirRefData)

function int64le(n: bigint): Uint8Array {
  const out = new Uint8Array(8)
  new DataView(out.buffer).setBigInt64(0, n, true)
  return out
}

export function encodeHeirPlan(d: HeirPlanData): Uint8Array {
  return concatBytes(Uint8Array.of(EVAL.HEIR, HEIR_FUNCID.FUND), sizedBytes(d.ownerPubkey), sizedBytes(d.heirPubkey), int64le(d.inactivityTime),
    sizedBytes(utf8.encode(d.heirName)), sizedBytes(utf8.encode(d.memo)))
}

export function encodeHeirRef(funcId: typeof HEIR_FUNCID.ADD | typeof HEIR_FUNCID.CLAIM, d: HeirRefData): Uint8Array {
  // revuint256 then uint256 serialization: the display hex, byte for byte.
  return concatBytes(Uint8Array.of(EVAL.HEIR, funcId), hexToBytes(d.fundingtxid), Uint8Array.of(d.heirSpendingBegun))
}

/** CPubKey's unserializer takes any length up to 65 (an invalid key is kept invalid, not refused). */
function pubkeyVec(r: PayloadReader): Uint8Array {
  const v = r.vec()
  if (v.length > 65) throw new Error('opret: pubkey too long')
  return v
}

/** _DecodeHeirOpRet: the payload must be consumed exactly (E_UNMARSHAL), and the funcid be F, A or C. */
export function decodeHeirPayload(payload: Uint8Array): HeirPayload | null {
  try {
    const r = new PayloadReader(payload)
    if (payload.length < 2 || r.byte() !== EVAL.HEIR) return null
    const funcId = r.byte()
    let out: HeirPayload | null = null
    if (funcId === HEIR_FUNCID.FUND) {
      const ownerPubkey = pubkeyVec(r)
      const heirPubkey = pubkeyVec(r)
      const inactivityTime = new DataView(r.bytes(8).slice().buffer).getBigInt64(0, true)
      const heirName = fromUtf8.decode(r.vec())
      const memo = fromUtf8.decode(r.vec())
      out = { funcId, ownerPubkey, heirPubkey, inactivityTime, heirName, memo }
    } else {
      const fundingtxid = bytesToHex(r.bytes(32))
      const heirSpendingBegun = r.byte()
      if (funcId === HEIR_FUNCID.ADD || funcId === HEIR_FUNCID.CLAIM) out = { funcId, fundingtxid, heirSpendingBegun }
    }
    return r.rest === 0 ? out : null
  } catch {
    return null
  }
}

export interface HeirInfo extends CcSuccess {
  fundingtxid: string
  name: string
  tokenid?: string
  owner: string
  heir: string
  type: 'coins' | 'tokens'
  /** Decimal strings: coins with 8 decimals, or token units. */
  lifetime: string
  available: string
  OwnerRemainderTokens?: string
  InactivityTimeSetting: string
  IsHeirSpendingAllowed: 'true' | 'false'
  /** Seconds since the owner's last spend; only while the heir may not spend yet. */
  InactivityTime?: string
  memo: string
}

declare module '../../protocol/types.ts' {
  interface ResultOf {
    heirfund: HexResult
    heiradd: HexResult
    heirclaim: HexResult
    heirinfo: HeirInfo
    heirlist: string[]
  }
}

const fundingtxid = p('fundingtxid', 'string', 'Txid of the plan\'s heirfund transaction.', { format: 'txid' })

const methods: readonly MethodSpec[] = [
  { name: 'heiraddress', category: 'heir', safety: 'cc-info', softErrors: true, summary: 'Heir CC addresses and balances, global, of a pubkey and yours.',
    params: [p('pubkey', 'string', 'Show the CC address of this pubkey (komodod requires it).', { format: 'pubkey' })],
    result: 'object: result, HeirCCAddress, HeirCCBalance, HeirNormalAddress, HeirNormalBalance, HeirCCTokensAddress, PubkeyCCaddress(Heir), …' },
  { name: 'heirfund', category: 'heir', safety: 'cc-build', softErrors: true, summary: 'Build a transaction that opens an inheritance plan.',
    params: [
      p('funds', 'string', 'Coins; token units when a tokenid is given.', { format: 'coins', example: '1' }),
      p('heirname', 'string', 'A name for the plan.', { example: 'docs-plan' }),
      p('heirpubkey', 'string', 'The heir\'s pubkey.', { format: 'pubkey' }),
      p('inactivitytime', 'string', 'Seconds without a spend by the owner before the heir may claim.', { format: 'integer', example: '3600' }),
      p('memo', 'string', 'A note kept in the plan.', { example: 'for the reader' }),
      p('tokenid', 'string', 'Leave tokens instead of coins.', { optional: true, format: 'txid' }),
    ],
    result: 'object: result, hex (not broadcast; its txid is the fundingtxid)' },
  { name: 'heiradd', category: 'heir', safety: 'cc-build', softErrors: true, summary: 'Build a transaction that adds the owner\'s funds to a plan.',
    params: [p('funds', 'string', 'Coins, or token units for a token plan.', { format: 'coins', example: '0.5' }), fundingtxid],
    result: 'object: result, hex (not broadcast)' },
  { name: 'heirclaim', category: 'heir', safety: 'cc-build', softErrors: true, summary: 'Build a transaction that spends from a plan, as its owner or its heir.',
    params: [p('funds', 'string', 'Coins, or token units for a token plan.', { format: 'coins', example: '0.5' }), fundingtxid],
    result: 'object: result, hex (not broadcast)' },
  { name: 'heirinfo', category: 'heir', safety: 'cc-info', softErrors: true, summary: 'A plan\'s owner, heir, funds and whether the heir may spend.',
    params: [fundingtxid],
    result: 'object: fundingtxid, name, [tokenid], owner, heir, type, lifetime, available, [OwnerRemainderTokens], InactivityTimeSetting, IsHeirSpendingAllowed, [InactivityTime], memo, result' },
  { name: 'heirlist', category: 'heir', safety: 'cc-info', heavy: true, summary: 'The fundingtxid of every plan on the chain.',
    params: [], result: 'array of fundingtxids' },
]

const funcName: Record<number, string> = { [HEIR_FUNCID.FUND]: 'fund', [HEIR_FUNCID.ADD]: 'add', [HEIR_FUNCID.CLAIM]: 'claim' }
const short = (id: string): string => `${id.slice(0, 10)}…${id.slice(-8)}`

export const heir = defineModule({
  id: 'heir',
  name: 'Heir',
  evalCode: EVAL.HEIR,
  category: 'heir',
  globalPubkey: '03c91bef3d7cc59c3a89286833a3446b29e52a5e773f738a1ad2b09785e5f4179e',
  globalPrivkey: '9da1f8f7ba0a9136899a86306320d7dfaa35e399322b63c0669c93c45e9db9ce',
  globalAddress: 'RDVHcSekmXgeYBqRupNTmqo3Rn8QRXNduy',
  methods,
  reference: {
    title: 'Heir CC',
    intro: 'The Heir Custom Consensus module (eval code 0xea): funds in a 1-of-2 address that the owner may spend at any time and the heir after a period in which the owner spent nothing; coins or tokens.',
  },
  panels: [],
  strings: {
    heir: {
      tx: {
        fund: 'Heir plan “{name}” opened',
        add: 'Funds added to heir plan {fundingtxid}',
        claim: 'Spend from heir plan {fundingtxid}',
        owner: 'Owner pubkey',
        heir: 'Heir pubkey',
        inactivity: 'Inactivity time (seconds)',
        memo: 'Memo',
        begun: 'Heir spending has begun',
      },
    },
  },
  decodeOpReturn(payload: Uint8Array): DecodedOpReturn | null {
    const d = decodeHeirPayload(payload)
    if (!d) return null
    const base = { module: 'Heir', evalCode: EVAL.HEIR, kind: funcName[d.funcId] }
    return d.funcId === HEIR_FUNCID.FUND
      ? { ...base, owner: bytesToHex(d.ownerPubkey), heir: bytesToHex(d.heirPubkey), inactivityTime: String(d.inactivityTime), name: d.heirName, memo: d.memo }
      : { ...base, fundingtxid: d.fundingtxid, heirSpendingBegun: d.heirSpendingBegun }
  },
  viewOpReturn(d: DecodedOpReturn): OpReturnView | null {
    if (d.kind === 'fund') {
      return {
        summary: { key: 'heir.tx.fund', values: { name: String(d.name) } },
        details: [
          { key: 'heir.tx.owner', values: [String(d.owner)], code: true },
          { key: 'heir.tx.heir', values: [String(d.heir)], code: true },
          { key: 'heir.tx.inactivity', values: [String(d.inactivityTime)] },
          { key: 'heir.tx.memo', values: [String(d.memo)] },
        ],
      }
    }
    if (d.kind === 'add' || d.kind === 'claim') {
      return {
        summary: { key: `heir.tx.${d.kind}`, values: { fundingtxid: short(String(d.fundingtxid)) } },
        details: [{ key: 'heir.tx.begun', values: [d.heirSpendingBegun ? 'true' : 'false'], code: true }],
      }
    }
    return null
  },
})
