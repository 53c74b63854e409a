/**
 * The Assets CC module (eval 0xe3), komodod's on-chain order book for tokens, as data: eval code,
 * global key and addresses, the OP_RETURN codec of asks, bids, fills and cancels, komodod's fill
 * arithmetic, the order object `tokenorders` prints, and the catalog entries. Isomorphic: the
 * engine's rules, the panels and the decoder all read this file.
 *
 * Sources (KomodoPlatform/komodo, master 0adeeab):
 *  - src/cc/CCassetsCore.cpp: EncodeAssetOpRet, DecodeAssetTokenOpRet, Set/Validate*Fillamounts;
 *  - src/cc/CCtokenutils.cpp: EncodeTokenOpRet (the Assets payload rides inside a Tokens 't' opret
 *    as the blob with id OPRETID_ASSETSDATA = 0x12, src/cc/CCinclude.h);
 *  - src/cc/CCassetstx.cpp: AssetOrders (the order objects), CreateSell/CreateBuyOffer/Fill…/Cancel…;
 *  - src/wallet/rpcwallet.cpp: tokenask … mytokenorders (parameter parsing and error texts).
 */
import type { MethodSpec } from '../../protocol/catalog.ts'
import { EVAL } from '../../protocol/evalCodes.ts'
import { defineModule } from '../../protocol/module.ts'
import { bytesToHex as hex, concatBytes, hexToBytes as fromHex, PayloadReader, sizedBytes } from '../../protocol/opret.ts'
import type { HexResult } from '../../protocol/types.ts'
import type { AssetFuncId } from './spec/funcids.ts'
import type { AssetOrder } from './spec/orderRow.ts'
import { ASSETS_STRINGS } from './spec/strings.ts'

export { FUNCID, isAskFuncid, isBidFuncid, type AssetFuncId } from './spec/funcids.ts'
export type { AssetOrder } from './spec/orderRow.ts'
export { ASSETS_STRINGS } from './spec/strings.ts'

export const EVAL_ASSETS = EVAL.ASSETS
export const EVAL_TOKENS = EVAL.TOKENS
export const ASSETS_NAME = 'Assets'
/** src/cc/CCcustom.cpp AssetsCChexstr (reference §3.3). */
export const ASSETS_GLOBAL_PUBKEY = '02adf84e0e075cf90868bd4e3d34a03420e034719649c41f371fc70d8e33aa2702'
/** Single-eval CC address of the global pubkey: where bids lock their coins (reference §3.3). */
export const ASSETS_GLOBAL_CC_ADDRESS = 'RGKRjeTBw4LYFotSDLT6RWzMHbhXri6BG6'
export const COIN = 100_000_000
export const ASSETS_TXFEE = 10_000

/** Tokens opret blob id of the Assets payload (src/cc/CCinclude.h OPRETID_ASSETSDATA). */
export const OPRETID_ASSETSDATA = 0x12


export interface AssetOpret {
  /** Display (RPC) hex of the tokenid. */
  tokenid: string
  /** The token opret's "vout pubkeys": who the transaction's token outputs may belong to. */
  voutPubkeys: Uint8Array[]
  funcid: AssetFuncId
  /** 's'/'S': coins (sats) still asked for; 'b'/'B': token units still wanted; 0 for cancels. */
  price: number
  /** Owner of the order (empty for cancels, which carry no pubkey). */
  origpubkey: Uint8Array
  /** 'e'/'E' only (swaps, disabled in komodod). */
  assetid2?: string
}

// ── bytes ─────────────────────────────────────────────────────────────────────────────────────

function int64le(n: number): Uint8Array {
  let v = BigInt.asUintN(64, BigInt(n))
  const out = new Uint8Array(8)
  for (let i = 0; i < 8; i++, v >>= 8n) out[i] = Number(v & 0xffn)
  return out
}

const readInt64 = (r: PayloadReader): number => Number(BigInt.asIntN(64, r.bytes(8).reduceRight((n, x) => (n << 8n) | BigInt(x), 0n)))

// ── codec ─────────────────────────────────────────────────────────────────────────────────────

/** EncodeAssetOpRet: `e3 <funcid>` for cancels, `e3 <funcid> <int64 price> <vec origpubkey>` for orders and fills. */
export function encodeAssetData(funcid: AssetFuncId, price: number, origpubkey: Uint8Array): Uint8Array {
  const f = funcid.charCodeAt(0)
  if (funcid === 'x' || funcid === 'o') return Uint8Array.of(EVAL_ASSETS, f)
  if ('sbSB'.includes(funcid)) return concatBytes(Uint8Array.of(EVAL_ASSETS, f), int64le(price), sizedBytes(origpubkey))
  throw new Error(`EncodeAssetOpRet: illegal funcid ${funcid}`)
}

/** The Assets part of DecodeAssetTokenOpRet: funcid, price and origpubkey, or null. */
export function decodeAssetData(blob: Uint8Array): Pick<AssetOpret, 'funcid' | 'price' | 'origpubkey' | 'assetid2'> | null {
  if (blob.length < 2 || blob[0] !== EVAL_ASSETS) return null
  const funcid = String.fromCharCode(blob[1]) as AssetFuncId
  try {
    const r = new PayloadReader(blob)
    r.bytes(2)
    // 'x'/'o': nothing may follow `e3 <funcid>`.
    if (funcid === 'x' || funcid === 'o') return blob.length === 2 ? { funcid, price: 0, origpubkey: new Uint8Array(0) } : null
    // E_UNMARSHAL (src/cc/utils.h) succeeds only when the reads consume every byte.
    if ('sbSB'.includes(funcid)) {
      const out = { funcid, price: readInt64(r), origpubkey: r.vec() }
      return r.rest === 0 ? out : null
    }
    if (funcid === 'e' || funcid === 'E') {
      const assetid2 = hex(r.bytes(32))
      const out = { funcid, assetid2, price: readInt64(r), origpubkey: r.vec() }
      return r.rest === 0 ? out : null
    }
  } catch {
    return null
  }
  return null
}

/**
 * The whole OP_RETURN payload of an Assets transaction: a Tokens transfer opret
 * `f2 't' <tokenid display order> <n> <vec pubkey>{n}` carrying the Assets data as blob 0x12
 * (EncodeTokenOpRet with OPRETID_ASSETSDATA).
 */
export function encodeAssetsOpret(o: AssetOpret): Uint8Array {
  if (o.voutPubkeys.length > 2) throw new Error('EncodeTokenOpRet supports at most 2 vout pubkeys')
  const blob = encodeAssetData(o.funcid, o.price, o.origpubkey)
  return concatBytes(
    Uint8Array.of(EVAL_TOKENS, 0x74), fromHex(o.tokenid), Uint8Array.of(o.voutPubkeys.length), ...o.voutPubkeys.map(sizedBytes),
    Uint8Array.of(OPRETID_ASSETSDATA), sizedBytes(blob),
  )
}

const OLD_STYLE_FUNCIDS = 'sbSBxo'

/**
 * DecodeAssetTokenOpRet over an OP_RETURN payload: DecodeTokenOpRet ('t' with its blobs, including
 * the old layout whose Assets data follows the pubkeys with no blob id), then the 0x12 blob.
 */
export function decodeAssetsOpret(payload: Uint8Array): AssetOpret | null {
  if (payload.length <= 2 || payload[0] !== EVAL_TOKENS || payload[1] !== 0x74) return null
  try {
    const r = new PayloadReader(payload)
    r.bytes(2)
    const tokenid = hex(r.bytes(32))
    const ccType = r.byte()
    if (ccType > 2) return null
    const voutPubkeys: Uint8Array[] = []
    for (let i = 0; i < ccType; i++) voutPubkeys.push(r.vec())
    const afterPubkeys = payload.length - r.rest
    const data = decodeAssetData(oldStyleBlob(payload.subarray(afterPubkeys)) ?? assetsBlob(payload.subarray(afterPubkeys)) ?? new Uint8Array(0))
    // CPubKey::IsValid: only 33- or 65-byte keys count as vout pubkeys.
    return data ? { tokenid, voutPubkeys: voutPubkeys.filter((k) => k.length === 33 || k.length === 65), ...data } : null
  } catch {
    return null
  }
}

/** The old layout: one bare vector, the rest of the payload, that starts with e3 and a known funcid. */
function oldStyleBlob(rest: Uint8Array): Uint8Array | null {
  try {
    const r = new PayloadReader(rest)
    const old = r.vec()
    return r.rest === 0 && old.length >= 2 && old[0] === EVAL_ASSETS && OLD_STYLE_FUNCIDS.includes(String.fromCharCode(old[1])) ? old : null
  } catch {
    return null
  }
}

/** The first blob tagged OPRETID_ASSETSDATA among `<id> <vec>` pairs (a lone trailing id is ignored, as komodod does). */
function assetsBlob(rest: Uint8Array): Uint8Array | null {
  const r = new PayloadReader(rest)
  let found: Uint8Array | null = null
  while (r.rest > 0) {
    const id = r.byte()
    if (r.rest === 0) break
    const b = r.vec()
    if (id === OPRETID_ASSETSDATA && !found) found = b
  }
  return found
}

// ── komodod's arithmetic (CCassetsCore.cpp), exact to the satoshi ─────────────────────────────

/** int64 division, truncating like C. */
const idiv = (a: number, b: number): number => Number(BigInt(a) / BigInt(b))
const imul = (a: number, b: number): number => Number(BigInt.asIntN(64, BigInt(a) * BigInt(b)))
/** A double converted to int64: truncation toward zero. */
const toInt64 = (d: number): number => Math.trunc(d)

/** rpcwallet.cpp tokenask/tokenbid: `(price * numtokens) * COIN + 0.0000000049999`, as int64. */
export function totalSats(price: number, numtokens: number): number {
  return toInt64(price * numtokens * COIN + 0.0000000049999)
}

/** ValidateBidRemainder: the coins a fill takes per token may not be below the bid's unit price (integer sats). */
export function validateBidRemainder(remainingUnits: number, remainingNValue: number, origNValue: number, receivedNValue: number, paidUnits: number, totalUnits: number): boolean {
  if (origNValue === 0 || receivedNValue === 0 || paidUnits === 0 || totalUnits === 0) return false
  if (totalUnits !== remainingUnits + paidUnits) return false
  if (origNValue !== remainingNValue + receivedNValue) return false
  return idiv(receivedNValue, paidUnits) >= idiv(origNValue, totalUnits)
}

/** ValidateAskRemainder: the coins paid per token may not be below the ask's unit price (integer sats). */
export function validateAskRemainder(remainingNValue: number, remainingAssetoshis: number, origAssetoshis: number, receivedAssetoshis: number, paidNValue: number, totalNValue: number): boolean {
  if (origAssetoshis === 0 || receivedAssetoshis === 0 || paidNValue === 0 || totalNValue === 0) return false
  if (totalNValue !== remainingNValue + paidNValue) return false
  if (origAssetoshis !== remainingAssetoshis + receivedAssetoshis) return false
  return idiv(paidNValue, receivedAssetoshis) >= idiv(totalNValue, origAssetoshis)
}

export interface BidFill {
  ok: boolean
  /** Coins the filler takes from the bid. */
  receivedNValue: number
  /** Token units the bid still wants afterwards. */
  remainingUnits: number
  /** Token units actually paid (clamped to what the bid wants). */
  paidUnits: number
}

/** SetBidFillamounts: a fill of `paidUnits` tokens against a bid locking `origNValue` coins for `totalUnits` tokens. */
export function setBidFillamounts(origNValue: number, paidUnits: number, totalUnits: number): BidFill {
  if (totalUnits === 0) return { ok: false, receivedNValue: 0, remainingUnits: 0, paidUnits: 0 }
  if (paidUnits >= totalUnits) return { ok: true, receivedNValue: origNValue, remainingUnits: 0, paidUnits: totalUnits }
  const remainingUnits = totalUnits - paidUnits
  const unitprice = idiv(origNValue, totalUnits)
  const receivedNValue = imul(paidUnits, unitprice)
  const ok = unitprice > 0 && receivedNValue > 0 && receivedNValue <= origNValue &&
    validateBidRemainder(remainingUnits, origNValue - receivedNValue, origNValue, receivedNValue, paidUnits, totalUnits)
  return { ok, receivedNValue, remainingUnits, paidUnits }
}

export interface AskFill {
  ok: boolean
  /** Token units the filler receives. */
  receivedAssetoshis: number
  /** Coins the ask still wants afterwards. */
  remainingNValue: number
  /** Coins actually paid (clamped to what the ask wants). */
  paidNValue: number
}

/** SMALLVAL in src/cc/CCinclude.h. */
const SMALLVAL = 0.000000000000001

/** SetAskFillamounts, in komodod's double arithmetic: paying `paidNValue` against an ask of `origAssetoshis` for `totalNValue`. */
export function setAskFillamounts(origAssetoshis: number, paidNValue: number, totalNValue: number): AskFill {
  if (totalNValue === 0) return { ok: false, receivedAssetoshis: 0, remainingNValue: 0, paidNValue: 0 }
  if (paidNValue >= totalNValue) return { ok: true, receivedAssetoshis: origAssetoshis, remainingNValue: 0, paidNValue: totalNValue }
  const remainingNValue = totalNValue - paidNValue
  const dunitprice = totalNValue / origAssetoshis
  const receivedAssetoshis = toInt64(paidNValue / dunitprice)
  const ok = Math.abs(dunitprice) > SMALLVAL && receivedAssetoshis > 0 && receivedAssetoshis <= origAssetoshis &&
    validateAskRemainder(remainingNValue, origAssetoshis - receivedAssetoshis, origAssetoshis, receivedAssetoshis, paidNValue, totalNValue)
  return { ok, receivedAssetoshis, remainingNValue, paidNValue }
}

/** FillSell: the coins a filler pays for `fillUnits` tokens, `dprice * fillunits` with dprice = total / remaining tokens. */
export function askFillPayment(origAssetoshis: number, totalNValue: number, fillUnits: number): number {
  return toInt64((totalNValue / origAssetoshis) * fillUnits)
}

// ── what tokenorders prints (AssetOrders) ─────────────────────────────────────────────────────


/** sprintf("%.8f") of a double. */
export const fixed8 = (d: number): string => d.toFixed(8)


// ── catalog ───────────────────────────────────────────────────────────────────────────────────

const tokenidParam = { name: 'tokenid', type: 'string', format: 'txid', summary: 'Txid of the token creation.' } as const

/** Every CC argument is a JSON string (src/rpc/client.cpp lists none of these methods). */
export const ASSETS_METHODS: readonly MethodSpec[] = [
  { name: 'assetsaddress', category: 'assets', safety: 'cc-info', softErrors: true,
    summary: 'Assets CC addresses and balances: the global order book, a pubkey\'s and yours.',
    params: [{ name: 'pubkey', type: 'string', optional: true, format: 'pubkey', summary: 'Also show the Assets CC address of this pubkey.' }],
    result: 'object: result, AssetsCCAddress, AssetsCCBalance, AssetsNormalAddress, AssetsNormalBalance, AssetsCCTokensAddress, [PubkeyCCaddress(Assets), PubkeyCCbalance(Assets)], myCCAddress(Assets), myCCbalance(Assets), myaddress, mybalance' },
  { name: 'tokenorders', category: 'assets', safety: 'cc-info',
    summary: 'Open asks and bids, for one token or for all.',
    params: [{ ...tokenidParam, optional: true, summary: 'Only this token\'s orders.' }],
    result: 'array of {funcid, txid, vout, amount, bidamount|askamount, origaddress, origtokenaddress, tokenid, totalrequired, price}' },
  { name: 'mytokenorders', category: 'assets', safety: 'cc-info',
    summary: 'Your open asks (komodod lists asks only).',
    params: [{ name: 'evalcode', type: 'string', optional: true, summary: 'Also list asks of non-fungible tokens with this eval code (e.g. "0xf7").' }],
    result: 'array of orders, as tokenorders' },
  { name: 'tokenask', category: 'assets', safety: 'cc-build', softErrors: true,
    summary: 'Build a transaction that offers token units for coins.',
    params: [
      { name: 'numtokens', type: 'string', format: 'integer', summary: 'Token units to sell.', example: '500' },
      tokenidParam,
      { name: 'price', type: 'string', format: 'coins', summary: 'Coins per token unit.', example: '0.0001' },
    ],
    result: 'object: result, hex (not broadcast; its txid is the asktxid)' },
  { name: 'tokenbid', category: 'assets', safety: 'cc-build', softErrors: true,
    summary: 'Build a transaction that locks coins to buy token units.',
    params: [
      { name: 'numtokens', type: 'string', format: 'integer', summary: 'Token units wanted.', example: '100' },
      tokenidParam,
      { name: 'price', type: 'string', format: 'coins', summary: 'Coins per token unit.', example: '0.0001' },
    ],
    result: 'object: result, hex (not broadcast; its txid is the bidtxid)' },
  { name: 'tokenfillask', category: 'assets', safety: 'cc-build', softErrors: true,
    summary: 'Build a transaction that buys units from an ask.',
    params: [
      tokenidParam,
      { name: 'asktxid', type: 'string', format: 'txid', summary: 'The ask, or the last fill of it.' },
      { name: 'fillunits', type: 'string', format: 'integer', summary: 'Token units to buy.', example: '200' },
    ],
    result: 'object: result, hex (not broadcast)' },
  { name: 'tokenfillbid', category: 'assets', safety: 'cc-build', softErrors: true,
    summary: 'Build a transaction that sells units into a bid.',
    params: [
      tokenidParam,
      { name: 'bidtxid', type: 'string', format: 'txid', summary: 'The bid, or the last fill of it.' },
      { name: 'fillamount', type: 'string', format: 'integer', summary: 'Token units to sell.', example: '100' },
    ],
    result: 'object: result, hex (not broadcast)' },
  { name: 'tokencancelask', category: 'assets', safety: 'cc-build', softErrors: true,
    summary: 'Build a transaction that takes the rest of your ask back.',
    params: [tokenidParam, { name: 'asktxid', type: 'string', format: 'txid', summary: 'The ask, or the last fill of it.' }],
    result: 'object: result, hex (not broadcast)' },
  { name: 'tokencancelbid', category: 'assets', safety: 'cc-build', softErrors: true,
    summary: 'Build a transaction that unlocks the rest of your bid\'s coins.',
    params: [tokenidParam, { name: 'bidtxid', type: 'string', format: 'txid', summary: 'The bid, or the last fill of it.' }],
    result: 'object: result, hex (not broadcast)' },
]

declare module '../../protocol/types.ts' {
  interface ResultOf {
    tokenask: HexResult
    tokenbid: HexResult
    tokenfillask: HexResult
    tokenfillbid: HexResult
    tokencancelask: HexResult
    tokencancelbid: HexResult
    tokenorders: AssetOrder[]
    mytokenorders: AssetOrder[]
  }
}

/**
 * komodod's help lists these methods under `== Tokens ==` (the engine's rules keep that category);
 * the catalog gives them their own reference page, so the Tokens page stays the Tokens module's.
 */
export const assets = defineModule({
  id: 'assets',
  name: ASSETS_NAME,
  evalCode: EVAL.ASSETS,
  category: 'assets',
  globalPubkey: ASSETS_GLOBAL_PUBKEY,
  globalPrivkey: '9b1766e58266acb6ba438374f763113bf0f3506fd96b6785f97af0544db13077',
  globalAddress: ASSETS_GLOBAL_CC_ADDRESS,
  methods: ASSETS_METHODS,
  reference: {
    title: 'Assets CC',
    intro: 'The Assets Custom Consensus module (eval code 0xe3): an on-chain order book for tokens; asks lock units, bids lock coins, fills and cancels are checked by consensus.',
  },
  panels: ['OrderBook'],
  strings: { assets: ASSETS_STRINGS },
})
