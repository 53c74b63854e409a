/** Wallet RPCs of a node: getnewaddress, getbalance, listunspent, sendtoaddress, gettransaction, getwalletinfo, setpubkey. */
import { RpcError, RpcCode } from '../../../protocol/jsonrpc.ts'
import { fromHex, hashToHex, toHex } from '../../crypto/hash.ts'
import { addressFromPubkey, isPubkeyHex, segidOf, decodeAddress } from '../../crypto/keys.ts'
import { classifyScript } from '../../tx/script.ts'
import { isCoinbase } from '../../tx/transaction.ts'
import { scriptForAddress, DEFAULT_FEE } from '../../chain/wallet.ts'
import { checkCount, requireString, requireInt, requireBool, amountFromValue, notString } from '../params.ts'
import { Amount } from '../amount.ts'
import { walletBalance } from './control.ts'
import type { MethodDef, MethodContext } from '../context.ts'
import type { Coin } from '../../chain/ledger.ts'

function def(usage: string, handler: MethodDef['handler']): MethodDef {
  return { usage, handler, category: 'wallet' }
}

function unspentJSON(ctx: MethodContext, c: Coin): Record<string, unknown> {
  const L = ctx.dc.ledger
  const rec = L.txs.get(c.txid)
  const key = c.address ? ctx.wallet.keyForAddress(c.address) : undefined
  const e: Record<string, unknown> = { txid: c.txid, vout: c.vout, generated: c.coinbase, address: c.address, segid: segidOf(c.address ?? '') }
  if (key?.labeled) e.account = ''
  e.amount = new Amount(c.value)
  if (rec && rec.tx.lockTime !== 0) e.interest = new Amount(0)
  e.scriptPubKey = toHex(c.script)
  const conf = L.confirmations(c.height)
  e.rawconfirmations = conf
  e.confirmations = conf
  e.spendable = true
  return e
}

/** ListTransactions' coinbase category (src/wallet/rpcwallet.cpp): orphan, immature, then generate. */
export function coinbaseCategory(ctx: MethodContext, conf: number): string {
  if (conf < 1) return 'orphan'
  return conf < ctx.dc.params.coinbaseMaturity ? 'immature' : 'generate'
}

/** komodod's wallet view of one transaction (gettransaction). */
export function walletTxJSON(ctx: MethodContext, txid: string): Record<string, unknown> | null {
  const L = ctx.dc.ledger
  const W = ctx.wallet
  const rec = L.txs.get(txid)
  if (!rec || rec.height === 0) return null
  const tx = rec.tx
  const coinbase = isCoinbase(tx)
  let debit = 0
  let inputsAllMine = !coinbase
  if (!coinbase) {
    for (const i of tx.vin) {
      const prev = L.txs.get(hashToHex(i.prevHash))
      const o = prev?.tx.vout[i.prevIndex]
      if (o && W.keyForScript(o.script)) debit += o.value
      else inputsAllMine = false
    }
  }
  let credit = 0
  const outMine = tx.vout.map((o) => !!W.keyForScript(o.script))
  tx.vout.forEach((o, n) => {
    if (outMine[n]) credit += o.value
  })
  if (debit === 0 && credit === 0) return null
  const fromMe = debit > 0
  const valueOut = tx.vout.reduce((a, o) => a + o.value, 0)
  const fee = fromMe && inputsAllMine ? valueOut - debit : 0 // negative, as komodod prints it
  const conf = L.confirmations(rec.height)
  const size = rec.raw.length
  const details: Record<string, unknown>[] = []
  tx.vout.forEach((o, n) => {
    const info = classifyScript(o.script)
    const address = info.addresses[0]
    // Change (own output of an own spend, not in the address book) is not listed, as in komodod.
    const key = outMine[n] ? W.keyForScript(o.script) : undefined
    const isChange = fromMe && !!key && !key.labeled
    if (fromMe && !isChange) {
      const d: Record<string, unknown> = { account: '' }
      if (address) d.address = address
      d.category = 'send'
      d.amount = new Amount(-o.value)
      d.vout = n
      d.fee = new Amount(fee)
      d.size = size
      details.push(d)
    }
    if (key && !isChange) {
      const d: Record<string, unknown> = { account: '', address, category: coinbase ? coinbaseCategory(ctx, conf) : 'receive' }
      if (d.category === 'immature') d.blockstomaturity = ctx.dc.params.coinbaseMaturity - conf
      Object.assign(d, { amount: new Amount(o.value), vout: n, size })
      details.push(d)
    }
  })
  const e: Record<string, unknown> = { amount: new Amount(credit - debit - fee) }
  if (fromMe) e.fee = new Amount(fee)
  e.rawconfirmations = conf
  if (coinbase) e.generated = true
  e.confirmations = conf
  if (rec.height >= 0) {
    const b = L.block(rec.height)!
    e.blockhash = b.hash
    e.blockindex = rec.index
    e.blocktime = b.time
    e.expiryheight = tx.expiryHeight // WalletTxToJSON prints it for confirmed transactions only
  }
  e.txid = txid
  e.walletconflicts = []
  e.time = rec.time
  e.timereceived = rec.time
  e.vjoinsplit = []
  e.details = details
  e.hex = toHex(rec.raw)
  return e
}

/** Txids touching the wallet (address index, then the mempool). */
export function walletTxids(ctx: MethodContext): Set<string> {
  const L = ctx.dc.ledger
  const ids = new Set<string>()
  for (const k of ctx.wallet.keys) for (const e of L.addrIndex.get(k.address) ?? []) ids.add(e.txid)
  for (const r of L.mempool.values()) {
    if (r.tx.vout.some((o) => ctx.wallet.keyForScript(o.script))) ids.add(r.txid)
    else if (ctx.wallet.isFromMe(r.txid)) ids.add(r.txid)
  }
  return ids
}

const walletTxCount = (ctx: MethodContext): number => walletTxids(ctx).size

export const walletMethods: Record<string, MethodDef> = {
  getnewaddress: def('getnewaddress ( "account" )', (ctx, p) => {
    checkCount(p, 0, 1, 'getnewaddress ( "account" )')
    if (p.length) {
      const acct = requireString(p, 0)
      if (acct !== '') throw new RpcError(RpcCode.WALLET_ERROR, 'Accounts are unsupported') // komodod warns the same way for non-empty accounts
    }
    return ctx.dc.newKey(ctx.node, true).address
  }),
  getbalance: def('getbalance ( "account" minconf includeWatchonly )', (ctx, p) => {
    checkCount(p, 0, 3, 'getbalance ( "account" minconf includeWatchonly )')
    if (p.length === 0) return new Amount(walletBalance(ctx))
    const acct = requireString(p, 0)
    const minconf = p.length > 1 ? requireInt(p, 1) : 1
    if (p.length > 2) requireBool(p, 2)
    if (acct !== '*' && acct !== '') throw new RpcError(RpcCode.WALLET_ERROR, 'Accounts are unsupported')
    return new Amount(ctx.wallet.balance({ minconf }))
  }),
  listunspent: def('listunspent ( minconf maxconf  ["address",...] )', (ctx, p) => {
    checkCount(p, 0, 3, 'listunspent ( minconf maxconf  ["address",...] )')
    const minconf = p.length > 0 ? requireInt(p, 0) : 1
    const maxconf = p.length > 1 ? requireInt(p, 1) : 9_999_999
    let filter: Set<string> | null = null
    if (p.length > 2) {
      if (!Array.isArray(p[2])) throw new RpcError(RpcCode.MISC_ERROR, 'JSON value is not an array as expected')
      filter = new Set()
      for (const a of p[2]) {
        if (typeof a !== 'string' || !decodeAddress(a)) throw new RpcError(RpcCode.INVALID_ADDRESS_OR_KEY, `Invalid Komodo address: ${String(a)}`)
        if (filter.has(a)) throw new RpcError(RpcCode.INVALID_PARAMETER, `Invalid parameter, duplicated address: ${a}`)
        filter.add(a)
      }
    }
    const coins = ctx.wallet.coins({ minconf, maxconf, addresses: filter ?? undefined })
    coins.sort((a, b) => (b.height < 0 ? 1e12 : b.height) - (a.height < 0 ? 1e12 : a.height) || (a.txid < b.txid ? -1 : 1) || a.vout - b.vout)
    return coins.map((c) => unspentJSON(ctx, c))
  }),
  sendtoaddress: def('sendtoaddress "komodoaddress" amount ( "comment" "comment-to" subtractfeefromamount )', async (ctx, p) => {
    checkCount(p, 2, 5, 'sendtoaddress "komodoaddress" amount ( "comment" "comment-to" subtractfeefromamount )')
    const address = requireString(p, 0)
    const script = decodeAddress(address) ? scriptForAddress(address) : null
    if (!script) throw new RpcError(RpcCode.INVALID_ADDRESS_OR_KEY, 'Invalid Komodo address')
    const sats = amountFromValue(p[1])
    if (sats <= 0) throw new RpcError(RpcCode.TYPE_ERROR, 'Invalid amount for send')
    if (p.length > 2 && p[2] !== null) requireString(p, 2)
    if (p.length > 3 && p[3] !== null) requireString(p, 3)
    const subtract = p.length > 4 ? requireBool(p, 4) : false
    const balance = walletBalance(ctx)
    if (sats > balance) throw new RpcError(RpcCode.WALLET_INSUFFICIENT_FUNDS, 'Insufficient funds')
    const built = await ctx.wallet.buildPayment([{ value: sats, script }], DEFAULT_FEE, subtract)
    if (built === 'too-large') throw new RpcError(RpcCode.WALLET_ERROR, 'Transaction too large')
    if (!built) {
      throw new RpcError(RpcCode.WALLET_ERROR, 'Error: This transaction requires a transaction fee of at least 0.0001 because of its amount, complexity, or use of recently received funds!')
    }
    return ctx.dc.submit(built.raw, built.tx, 'own')
  }),
  gettransaction: def('gettransaction "txid" ( includeWatchonly )', (ctx, p) => {
    checkCount(p, 1, 2, 'gettransaction "txid" ( includeWatchonly )')
    const txid = requireString(p, 0).toLowerCase()
    if (p.length > 1) requireBool(p, 1)
    const r = /^[0-9a-f]{64}$/.test(txid) ? walletTxJSON(ctx, txid) : null
    if (!r) throw new RpcError(RpcCode.INVALID_ADDRESS_OR_KEY, 'Invalid or non-wallet transaction id')
    return r
  }),
  getwalletinfo: def('getwalletinfo', (ctx, p) => {
    checkCount(p, 0, 0, 'getwalletinfo')
    const confirmed = ctx.wallet.balance({ minconf: 1 })
    const all = walletBalance(ctx)
    return {
      walletversion: 60000,
      balance: new Amount(all),
      unconfirmed_balance: new Amount(Math.max(0, ctx.wallet.balance({ minconf: 0 }) - Math.max(all, confirmed))),
      immature_balance: new Amount(ctx.wallet.immatureBalance()),
      txcount: walletTxCount(ctx),
      keypoololdest: ctx.dc.params.genesisTime,
      keypoolsize: 101,
      paytxfee: new Amount(0),
    }
  }),
  // src/wallet/rpcwallet.cpp setpubkey; where the devchain answers otherwise, protocol/differences.ts
  // (setpubkey-reply, setpubkey-keys) says so.
  setpubkey: def('setpubkey pubkey', (ctx, p) => {
    checkCount(p, 0, 1, 'setpubkey pubkey')
    if (p.length === 0) {
      // komodod reads params[0] anyway: a node without a pubkey fails get_str(); one with a pubkey
      // (every devchain node) gets the "once" error with its current address and pubkey.
      const current = ctx.wallet.pubkey
      if (!current) throw notString()
      return { error: 'Can only set pubkey once, to change it you need to restart your daemon.', address: addressFromPubkey(fromHex(current)), pubkey: current }
    }
    const pub = requireString(p, 0)
    // komodod checks only the length; 66 characters that are hex but no curve point are just a key
    // that is not in the wallet. (Non-hex ones komodod would decode into some bytes; refused here.)
    if (pub.length !== 66 || !/^[0-9a-fA-F]{66}$/.test(pub)) return { error: 'pubkey is wrong length, must be 66 char hex string.' }
    const address = addressFromPubkey(fromHex(pub))
    // komodod sets a key it cannot sign with anyway; the devchain keeps the node's pubkey.
    if (!isPubkeyHex(pub) || !ctx.wallet.keyForPubkey(pub)) return { WARNING: 'privkey for this pubkey is not imported to wallet!', address, pubkey: pub }
    // komodod sets the pubkey once per run; devchain nodes start with one preset, so the devchain
    // lets setpubkey replace it (to one of the node's own keys only).
    ctx.dc.setPubkey(ctx.node, pub.toLowerCase())
    return { address, ismine: true, pubkey: pub }
  }),
}
