/**
 * listtransactions and sendmany, following src/wallet/rpcwallet.cpp (ListTransactions' entry order,
 * the newest-first window of `count` entries after `from`, sendmany's pubkey keys and its errors).
 */
import { RpcError, RpcCode } from '../../../protocol/jsonrpc.ts'
import { decodeAddress, isPubkeyHex } from '../../crypto/keys.ts'
import { p2pk } from '../../tx/script.ts'
import { fromHex } from '../../crypto/hash.ts'
import { scriptForAddress, DEFAULT_FEE } from '../../chain/wallet.ts'
import { checkCount, requireString, requireInt, requireBool, amountFromValue } from '../params.ts'
import { walletTxJSON, walletTxids } from './wallet.ts'
import type { MethodDef, MethodContext } from '../context.ts'
import type { TxOut } from '../../tx/transaction.ts'

const USAGE_LIST = 'listtransactions ( "account" count from includeWatchonly)'
const USAGE_SENDMANY = 'sendmany "fromaccount" {"address":amount,...} ( minconf "comment" ["address",...] )'
/** WalletTxToJSON's keys, which follow each ListTransactions entry's own keys. */
const WTX_KEYS = ['rawconfirmations', 'generated', 'confirmations', 'blockhash', 'blockindex', 'blocktime', 'expiryheight', 'txid', 'walletconflicts', 'time', 'timereceived', 'vjoinsplit']

/**
 * The wallet's transactions in the order the wallet saw them (nOrderPos): by block, a block's coinbase
 * after the transactions it confirms (they reached the wallet first, through the mempool), then the mempool.
 */
function ordered(ctx: MethodContext): string[] {
  const L = ctx.dc.ledger
  const pos = (id: string) => {
    const r = L.txs.get(id)!
    return r.height < 0 ? [Number.MAX_SAFE_INTEGER, r.time] : [r.height, r.index === 0 ? Number.MAX_SAFE_INTEGER : r.index]
  }
  return [...walletTxids(ctx)].filter((id) => L.txs.get(id)).sort((a, b) => {
    const [ha, ia] = pos(a)
    const [hb, ib] = pos(b)
    return ha - hb || ia - ib
  })
}

function entries(ctx: MethodContext, txid: string, account: string): Record<string, unknown>[] {
  const wtx = walletTxJSON(ctx, txid)
  if (!wtx) return []
  const out: Record<string, unknown>[] = []
  for (const d of wtx.details as Record<string, unknown>[]) {
    if (account !== '*' && account !== d.account) continue
    const { size, ...own } = d
    const e: Record<string, unknown> = { ...own }
    for (const k of WTX_KEYS) if (k in wtx) e[k] = wtx[k]
    e.size = size
    out.push(e)
  }
  return out
}

export const walletHistoryMethods: Record<string, MethodDef> = {
  listtransactions: { category: 'wallet', usage: USAGE_LIST, handler: (ctx, p) => {
    checkCount(p, 0, 4, USAGE_LIST)
    const account = p.length > 0 ? requireString(p, 0) : '*'
    const count = p.length > 1 ? requireInt(p, 1) : 10
    const from = p.length > 2 ? requireInt(p, 2) : 0
    if (p.length > 3) requireBool(p, 3)
    if (count < 0) throw new RpcError(RpcCode.INVALID_PARAMETER, 'Negative count')
    if (from < 0) throw new RpcError(RpcCode.INVALID_PARAMETER, 'Negative from')
    // Newest transaction first until count + from entries are collected, then the window, oldest first.
    const ret: Record<string, unknown>[] = []
    const txids = ordered(ctx)
    for (let i = txids.length - 1; i >= 0 && ret.length < count + from; i--) ret.push(...entries(ctx, txids[i], account).reverse())
    const start = Math.min(from, ret.length)
    return ret.slice(start, start + Math.min(count, ret.length - start)).reverse()
  } },

  sendmany: { category: 'wallet', usage: USAGE_SENDMANY, handler: async (ctx, p) => {
    checkCount(p, 2, 5, USAGE_SENDMANY)
    const account = requireString(p, 0)
    if (account === '*') throw new RpcError(RpcCode.WALLET_INVALID_ACCOUNT_NAME, 'Invalid account name')
    if (!p[1] || typeof p[1] !== 'object' || Array.isArray(p[1])) throw new RpcError(RpcCode.MISC_ERROR, 'JSON value is not an object as expected')
    const minconf = p.length > 2 && p[2] !== null ? requireInt(p, 2) : 1
    if (p.length > 3 && p[3] !== null) requireString(p, 3)
    let subtract: string[] = []
    if (p.length > 4 && p[4] !== null) {
      if (!Array.isArray(p[4])) throw new RpcError(RpcCode.MISC_ERROR, 'JSON value is not an array as expected')
      subtract = (p[4] as unknown[]).map((a) => {
        if (typeof a !== 'string') throw new RpcError(RpcCode.MISC_ERROR, 'JSON value is not a string as expected')
        return a
      })
    }
    const outputs: TxOut[] = []
    const subtractFrom: number[] = []
    let total = 0
    for (const [name, value] of Object.entries(p[1] as Record<string, unknown>)) {
      // An address, or a pubkey (paid P2PK), as komodod's sendmany accepts.
      const script = decodeAddress(name) ? scriptForAddress(name) : isPubkeyHex(name) ? p2pk(fromHex(name)) : null
      if (!script) throw new RpcError(RpcCode.INVALID_ADDRESS_OR_KEY, `Invalid Komodo address or pubkey: ${name}`)
      const sats = amountFromValue(value)
      if (sats <= 0) throw new RpcError(RpcCode.TYPE_ERROR, 'Invalid amount for send')
      total += sats
      if (subtract.includes(name)) subtractFrom.push(outputs.length)
      outputs.push({ value: sats, script })
    }
    const balance = ctx.wallet.balance({ minconf, trustedMempool: minconf > 0 })
    if (total > balance) throw new RpcError(RpcCode.WALLET_INSUFFICIENT_FUNDS, 'Account has insufficient funds')
    const built = await ctx.wallet.buildPayment(outputs, DEFAULT_FEE, subtractFrom)
    if (built === 'too-large') throw new RpcError(RpcCode.WALLET_INSUFFICIENT_FUNDS, 'Transaction too large')
    if (!built) throw new RpcError(RpcCode.WALLET_INSUFFICIENT_FUNDS, 'Insufficient funds')
    return ctx.dc.submit(built.raw, built.tx, 'own')
  } },
}
