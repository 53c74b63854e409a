/**
 * What every CC RPC shares: komodod's prerequisites check (ensure_CCrequirements), string-only
 * parameters, soft errors, balances read from the address indexes, and the building blocks of
 * FinalizeCCTx (normal inputs, P2PK change, signing normal and CC inputs).
 */
import { RpcError, RpcCode } from '../../protocol/jsonrpc.ts'
import { checkCount, requireString } from '../rpc/params.ts'
import type { CcContext } from '../modules.ts'
import type { Coin, LedgerView as Ledger } from '../chain/view.ts'
import type { Wallet } from '../chain/wallet.ts'
import { outpointKey } from '../chain/view.ts'
import { hexToHash } from '../crypto/hash.ts'
import { p2pk } from '../tx/script.ts'
import { signatureHash, SIGHASH_ALL } from '../tx/sighash.ts'
import { newTx, serializeTx, SEQUENCE_FINAL, type Tx, type TxOut } from '../tx/transaction.ts'
import { ccScriptSig, signCondition } from './fulfillment.ts'
import { type Condition } from './condition.ts'
import { bytesToHex, hash160, hexToBytes } from './hashes.ts'

export const CC_TXFEE = 10_000
export const COIN = 100_000_000

const REQUIREMENTS = 'to use CC contracts, you need to launch daemon with valid -pubkey= for an address in your wallet'

/** komodod's ensure_CCrequirements: CC on (-ac_cc, hence the indexes) and a -pubkey of this wallet. */
export function ensureCC(ctx: CcContext, variant: 'plain' | 'err' = 'plain'): { pubkey: Uint8Array; priv: Uint8Array } {
  const key = ctx.wallet.pubkeyKey
  if (!ctx.chain.params.cc || !ctx.wallet.pubkey || !key) {
    throw new RpcError(RpcCode.MISC_ERROR, variant === 'err' ? `${REQUIREMENTS}. ERR=-1\n` : `${REQUIREMENTS}\n`)
  }
  return { pubkey: key.pub, priv: key.priv }
}

export { checkCount, requireString }

export const softError = (error: string) => ({ result: 'error', error })

/** atof(): the longest leading decimal number, 0 when there is none ("abc" → 0). */
export function atof(s: string): number {
  const m = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(s)
  return m ? Number(m[0]) : 0
}

/** komodod's `atof(str) * COIN + 0.00000000499999` truncated to satoshis. */
export function coinsToSats(s: string): number {
  return Math.trunc(atof(s) * COIN + 0.00000000499999)
}

/** atoll(): leading integer, 0 when none; "1.5" → 1. */
export function atoll(s: string): number {
  const m = /^\s*[+-]?\d+/.exec(s)
  return m ? Number.parseInt(m[0], 10) : 0
}

/** Parseuint256 of a display hex string: zero (invalid) unless it is 64 hex chars. */
export function parseTxidParam(s: string): string | null {
  const h = s.trim().toLowerCase()
  if (!/^[0-9a-f]{64}$/.test(h) || /^0+$/.test(h)) return null
  return h
}

export function parsePubkeyParam(s: string): Uint8Array | null {
  if (!/^0[23][0-9a-fA-F]{64}$/.test(s)) return null
  return hexToBytes(s)
}

// ── index reads (confirmed outputs, as komodod's address indexes hold them) ───────────────────

export function ccUnspents(L: Ledger, address: string): Coin[] {
  return [...(L.ccUtxos.get(address)?.values() ?? [])]
}

/**
 * Unspent outputs in the order komodod's unspent index lists them (CAddressUnspentKey: the txid
 * as a uint256, then the output index), which decides which one a builder picks first.
 */
export function unspentIndexOrder(coins: Coin[]): Coin[] {
  const key = (c: Coin) => hexToBytes(c.txid).reverse()
  return coins.sort((a, b) => {
    const ka = key(a)
    const kb = key(b)
    for (let i = 0; i < 32; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i]
    return a.vout - b.vout
  })
}

/** Confirmed balance of an address, from the ledger's running totals (a miner's address holds a coin per block). */
export function ccBalance(L: Ledger, address: string): number {
  return L.utxoTotals.get(address) ?? 0
}

/** The same running totals cover normal addresses (the two indexes never share an address). */
export const normalBalance = ccBalance

export function spentInMempool(L: Ledger, c: Coin): boolean {
  return L.mempoolSpends.has(outpointKey(c.txid, c.vout))
}

/** CCduration (src/cc/CCutils.cpp): seconds from the block holding `txid` to the tip; 0 while unconfirmed or in the tip itself. */
export function ccDuration(L: Ledger, txid: string): number {
  const rec = L.txs.get(txid)
  if (!rec || rec.height <= 0) return 0
  const txtime = L.blockTimeAt(rec.height)
  if (txtime === undefined || L.tip.time < txtime || L.height <= rec.height) return 0
  return L.tip.time - txtime
}

// ── building ──────────────────────────────────────────────────────────────────────────────────

export interface CCInput {
  coin: Coin
  condition: Condition
  /** Signs the condition's secp256k1 node. */
  priv: Uint8Array
}

/** AddNormalinputs: wallet coins covering `target`, or null. */
export function normalInputs(wallet: Wallet, target: number): Coin[] | null {
  return wallet.selectCoins(target)
}

export function isPubkeyCoin(c: Coin, pubkey: Uint8Array): boolean {
  const hex = bytesToHex(c.script)
  return hex === bytesToHex(p2pk(pubkey)) || hex === `76a914${bytesToHex(hash160(pubkey))}88ac`
}

/**
 * FinalizeCCTx: the first normal input, the CC inputs, then the other normal inputs (komodod moves
 * every normal vin but vin0 behind the CC vins, src/cc/CCtx.cpp), the given outputs, P2PK change to
 * the node pubkey when at least a fee is left over, and the OP_RETURN last. Signs everything.
 */
export function finalizeCCTx(opts: {
  wallet: Wallet
  mypk: Uint8Array
  normal: Coin[]
  cc: CCInput[]
  outputs: TxOut[]
  opret?: Uint8Array
  fee?: number
  /** Sign even when the inputs do not cover outputs and fee, as komodod's FinalizeCCTx does. */
  allowDeficit?: boolean
}): { tx: Tx; raw: Uint8Array; hex: string } {
  const fee = opts.fee ?? CC_TXFEE
  const ccAt = opts.cc.length && opts.normal.length > 1 ? 1 : opts.normal.length
  const coins = [...opts.normal.slice(0, ccAt), ...opts.cc.map((x) => x.coin), ...opts.normal.slice(ccAt)]
  const inSum = coins.reduce((s, c) => s + c.value, 0)
  const outSum = opts.outputs.reduce((s, o) => s + o.value, 0)
  const change = inSum - outSum - fee
  if (change < 0 && !opts.allowDeficit) throw new Error('inputs do not cover outputs and fee')
  const vout = [...opts.outputs]
  if (change >= fee) vout.push({ value: change, script: p2pk(opts.mypk) })
  if (opts.opret) vout.push({ value: 0, script: opts.opret })
  const tx = newTx(coins.map((c) => ({ prevHash: hexToHash(c.txid), prevIndex: c.vout, script: new Uint8Array(0), sequence: SEQUENCE_FINAL })), vout)
  opts.wallet.signInputs(tx, coins)
  opts.cc.forEach((x, k) => {
    const i = ccAt + k
    const h = signatureHash(tx, i, x.coin.script, x.coin.value, SIGHASH_ALL)
    tx.vin[i].script = ccScriptSig(signCondition(x.condition, h, x.priv))
  })
  const raw = serializeTx(tx)
  return { tx, raw, hex: bytesToHex(raw) }
}
