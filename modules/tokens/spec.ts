/**
 * The Tokens CC module (eval 0xf2), isomorphic part: keys, OP_RETURN codec, catalog entries, result
 * types and English strings. After komodod's src/cc/CCtokens.cpp, src/cc/CCtokenutils.cpp and
 * reference §5; the keys are the public constants of src/cc/CCcustom.cpp. The rules (TokensValidate,
 * tokencreate/tokentransfer) are in rules.ts, loaded by the engine only.
 *
 *   tokencreate    f2 'c' <vec pubkey33> <str name> <str description> [11 <vec NFT data>]
 *   tokentransfer  f2 't' <tokenid, display byte order> <count> <vec destpubkey33>…
 */
import { p, type MethodSpec } from '../../protocol/methodSpec.ts'
import { EVAL } from '../../protocol/evalCodes.ts'
import { defineModule, type DecodedOpReturn, type OpReturnView } from '../../protocol/module.ts'
import { bytesToHex, concatBytes, hexToBytes, PayloadReader, sizedBytes } from '../../protocol/opret.ts'
import type { CcSuccess, HexResult } from '../../protocol/types.ts'
import { TOKEN_STRINGS } from './spec/strings.ts'

export const TOKENS_FUNCID_CREATE = 0x63 // 'c'
export const TOKENS_FUNCID_TRANSFER = 0x74 // 't'
/** OPRETID_NONFUNGIBLEDATA: the tag of the NFT data blob after a creation's description. */
export const OPRETID_NONFUNGIBLEDATA = 0x11
const utf8 = new TextEncoder()
const fromUtf8 = new TextDecoder()

export interface TokenCreateOpret {
  creatorPubkey: Uint8Array
  name: string
  description: string
  nftData?: Uint8Array
}

export function encodeTokenCreate(o: TokenCreateOpret): Uint8Array {
  const parts = [Uint8Array.of(EVAL.TOKENS, TOKENS_FUNCID_CREATE), sizedBytes(o.creatorPubkey), sizedBytes(utf8.encode(o.name)), sizedBytes(utf8.encode(o.description))]
  if (o.nftData && o.nftData.length > 0) parts.push(Uint8Array.of(OPRETID_NONFUNGIBLEDATA), sizedBytes(o.nftData))
  return concatBytes(...parts)
}

export function decodeTokenCreate(payload: Uint8Array): TokenCreateOpret | null {
  try {
    const r = new PayloadReader(payload)
    if (r.byte() !== EVAL.TOKENS || r.byte() !== TOKENS_FUNCID_CREATE) return null
    const creatorPubkey = r.vec()
    const name = fromUtf8.decode(r.vec())
    const description = fromUtf8.decode(r.vec())
    let nftData: Uint8Array | undefined
    while (r.rest > 0) {
      const id = r.byte()
      const blob = r.vec()
      if (id === OPRETID_NONFUNGIBLEDATA) nftData = blob
    }
    if (creatorPubkey.length !== 33) return null
    return nftData ? { creatorPubkey, name, description, nftData } : { creatorPubkey, name, description }
  } catch {
    return null
  }
}

export interface TokenTransferOpret {
  /** Display (RPC) hex of the tokenid. */
  tokenid: string
  destPubkeys: Uint8Array[]
  /** Another module's payload riding along (decoded only; see firstBlob). */
  extra?: Uint8Array
}

export function encodeTokenTransfer(o: TokenTransferOpret): Uint8Array {
  // revuint256: the opret holds the tokenid in display order, i.e. the txid's internal bytes reversed.
  return concatBytes(Uint8Array.of(EVAL.TOKENS, TOKENS_FUNCID_TRANSFER), hexToBytes(o.tokenid), Uint8Array.of(o.destPubkeys.length), ...o.destPubkeys.map(sizedBytes))
}

export function decodeTokenTransfer(payload: Uint8Array): TokenTransferOpret | null {
  try {
    const r = new PayloadReader(payload)
    if (r.byte() !== EVAL.TOKENS || r.byte() !== TOKENS_FUNCID_TRANSFER) return null
    const tokenid = bytesToHex(r.bytes(32))
    const n = r.byte()
    const destPubkeys: Uint8Array[] = []
    for (let i = 0; i < n; i++) destPubkeys.push(r.vec())
    const extra = r.rest > 0 ? firstBlob(payload.subarray(payload.length - r.rest)) : null
    return extra ? { tokenid, destPubkeys, extra } : { tokenid, destPubkeys }
  } catch {
    return null
  }
}

/**
 * The first data blob after a transfer's pubkeys (DecodeTokenOpRetV1's oprets[0]): another module's
 * payload riding in the token opret, e.g. Assets' `e3 …`. Blobs are `<id> <vec>` pairs; the old
 * layout has one bare vector instead.
 */
function firstBlob(rest: Uint8Array): Uint8Array | null {
  // The old layout first, as DecodeTokenOpRetV1 does: one vector spanning the rest.
  for (const skip of [0, 1]) {
    try {
      const r = new PayloadReader(rest.subarray(skip))
      const blob = r.vec()
      if (skip === 1 || r.rest === 0) return blob
    } catch { /* try the other layout */ }
  }
  return null
}

/** Which function a Tokens payload carries ('c', 't'), or null. */
export function tokensFuncId(payload: Uint8Array): number | null {
  return payload.length >= 2 && payload[0] === EVAL.TOKENS ? payload[1] : null
}

export interface TokenInfo extends CcSuccess {
  tokenid: string
  owner: string
  name: string
  /** Integer token units (satoshis). */
  supply: number
  description: string
  data?: string
}

export interface TokenBalance extends CcSuccess {
  CCaddress: string
  tokenid: string
  balance: number
}

declare module '../../protocol/types.ts' {
  interface ResultOf {
    tokencreate: HexResult
    tokentransfer: HexResult
    tokeninfo: TokenInfo
    tokenlist: string[]
    tokenbalance: TokenBalance
  }
}

const methods: readonly MethodSpec[] = [
  { name: 'tokenaddress', category: 'tokens', safety: 'cc-info', softErrors: true, summary: 'Tokens CC addresses and balances, global and yours.',
    params: [p('pubkey', 'string', 'Also show the CC address of this pubkey.', { optional: true, format: 'pubkey' })],
    result: 'object: result, TokensCCAddress, TokensCCBalance, TokensNormalAddress, TokensNormalBalance, …' },
  { name: 'tokencreate', category: 'tokens', safety: 'cc-build', softErrors: true, summary: 'Build a transaction that creates a token.',
    params: [
      p('name', 'string', 'Up to 32 characters.', { example: 'DOCS' }),
      p('supply', 'string', 'Supply in coins; 1 token = 1 satoshi.', { format: 'coins', example: '0.001' }),
      p('description', 'string', 'Up to 4096 characters.', { optional: true, example: 'A token made in the docs' }),
      p('data', 'string', 'Non-fungible data as hex (supply must be 0.00000001).', { optional: true, format: 'hex' }),
    ],
    result: 'object: result, hex (not broadcast; its txid is the tokenid)' },
  { name: 'tokeninfo', category: 'tokens', safety: 'cc-info', softErrors: true, summary: 'Owner, name, supply and description of a token.',
    params: [p('tokenid', 'string', 'Txid of the creation.', { format: 'txid' })],
    result: 'object: result, tokenid, owner, name, supply (int units), description, [data]' },
  { name: 'tokenlist', category: 'tokens', safety: 'cc-info', heavy: true, summary: 'Every tokenid on the chain.',
    params: [], result: 'array of tokenids' },
  { name: 'tokenbalance', category: 'tokens', safety: 'cc-info', softErrors: true, summary: 'Token units held by a pubkey (yours by default).',
    params: [
      p('tokenid', 'string', 'Txid of the creation.', { format: 'txid' }),
      p('pubkey', 'string', 'Holder pubkey.', { optional: true, format: 'pubkey' }),
    ],
    result: 'object: result, CCaddress, tokenid, balance (int units)' },
  { name: 'tokentransfer', category: 'tokens', safety: 'cc-build', softErrors: true, summary: 'Build a transaction that sends token units to a pubkey.',
    params: [
      p('tokenid', 'string', 'Txid of the creation.', { format: 'txid' }),
      p('destpubkey', 'string', 'Recipient pubkey.', { format: 'pubkey' }),
      p('amount', 'string', 'Integer token units, as a string.', { format: 'integer', example: '1000' }),
    ],
    result: 'object: result, hex (not broadcast)' },
]

export const tokens = defineModule({
  id: 'tokens',
  name: 'Tokens',
  evalCode: EVAL.TOKENS,
  category: 'tokens',
  globalPubkey: '03e6191c70c9c9a28f9fd87089b9488d0e6c02fb629df64979c9cdb6b2b4a68d95',
  globalPrivkey: '1d0d0dce2dd2e19df5b626d5ada0f00add7a727d1735b5e32c6ca9a203164bcf',
  globalAddress: 'RAMvUfoyURBRxAdVeTMHxn3giJZCFWeha2',
  methods,
  reference: {
    title: 'Tokens CC',
    intro: 'The Tokens Custom Consensus module (eval code 0xf2): create, inspect and transfer tokens; 1 token = 1 satoshi.',
  },
  panels: ['TokenPanel'],
  strings: { token: TOKEN_STRINGS },
  decodeOpReturn(payload: Uint8Array): DecodedOpReturn | null {
    const f = tokensFuncId(payload)
    if (f === TOKENS_FUNCID_CREATE) {
      const c = decodeTokenCreate(payload)
      return c && {
        module: 'Tokens', evalCode: EVAL.TOKENS, kind: 'create', creator: bytesToHex(c.creatorPubkey), name: c.name, description: c.description,
        ...(c.nftData ? { data: bytesToHex(c.nftData) } : {}),
      }
    }
    if (f === TOKENS_FUNCID_TRANSFER) {
      const t = decodeTokenTransfer(payload)
      return t && { module: 'Tokens', evalCode: EVAL.TOKENS, kind: 'transfer', tokenid: t.tokenid, destinations: t.destPubkeys.map(bytesToHex) }
    }
    return null
  },
  viewOpReturn(d: DecodedOpReturn): OpReturnView | null {
    if (d.kind === 'create') {
      return {
        summary: { key: 'token.tx.create', values: { name: String(d.name) } },
        details: [{ key: 'token.tx.description', values: [String(d.description)] }, { key: 'token.tx.creator', values: [String(d.creator)], code: true }],
      }
    }
    if (d.kind === 'transfer') {
      const id = String(d.tokenid)
      return {
        summary: { key: 'token.tx.transfer', values: { tokenid: `${id.slice(0, 10)}…${id.slice(-8)}` } },
        details: [{ key: 'token.tx.to', values: (d.destinations as string[]) ?? [], code: true }],
      }
    }
    return null
  },
})
