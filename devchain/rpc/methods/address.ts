/**
 * The address index (-addressindex): getaddressbalance, getaddressutxos, getaddresstxids,
 * getaddressdeltas, getaddressmempool, and the spent index's getspentinfo (src/rpc/misc.cpp).
 * A second parameter (any value, komodod's "ccvout") switches to the CC-output index.
 */
import { RpcError, RpcCode } from '../../../protocol/jsonrpc.ts'
import { decodeAddress } from '../../crypto/keys.ts'
import { toHex, hashToHex } from '../../crypto/hash.ts'
import { outpointKey } from '../../chain/ledger.ts'
import type { AddrEntry } from '../../chain/ledger.ts'
import { parseHash } from './rawtransactions.ts'
import type { MethodDef, MethodContext } from '../context.ts'
import { platform } from '#platform'

const invalid = (m: string): RpcError => new RpcError(RpcCode.INVALID_ADDRESS_OR_KEY, m)

function addressesFrom(p0: unknown): string[] {
  let list: unknown[]
  if (typeof p0 === 'string') list = [p0]
  else if (p0 && typeof p0 === 'object' && !Array.isArray(p0)) {
    const a = (p0 as Record<string, unknown>).addresses
    if (!Array.isArray(a)) throw invalid('Addresses is expected to be an array')
    list = a
  } else throw invalid('Invalid address')
  return list.map((a) => {
    if (typeof a !== 'string' || !decodeAddress(a)) throw invalid('Invalid address')
    return a
  })
}

function usageCheck(p: unknown[], usage: string): void {
  if (p.length < 1 || p.length > 2) throw new RpcError(RpcCode.MISC_ERROR, usage + '\n')
}

/** The entries an address has now: the list only grows, so its length is the snapshot. */
const snapshot = (list: readonly AddrEntry[] | undefined): readonly AddrEntry[] => (list ? list.slice() : [])

function indexes(ctx: MethodContext, p: unknown[]) {
  const cc = p.length > 1
  const L = ctx.dc.ledger
  return { entries: cc ? L.ccIndex : L.addrIndex, utxos: cc ? L.ccUtxos : L.addrUtxos }
}

/**
 * Longest stretch of index work, in ms, between two turns of the event loop. The miner's address on
 * an 80,000-block chain has 80,000 entries: walked in one go, that held every other call (a
 * `getblockcount` from another reader included) for 100–300 ms. Short slices, because on a shared
 * machine a millisecond of CPU can be five of wall time (4 ms slices gave another reader a p50 of
 * ~14 ms under load, 2 ms ~5 ms). The walks below snapshot what they read first (komodod answers
 * under cs_main), so a block connected during a pause is not half-seen.
 */
const INDEX_SLICE_MS = 2
/** Entries walked between two looks at the clock. */
const CLOCK_EVERY = 256

/**
 * Fewest bytes komodod's JSON prints for one entry besides its strings: the keys, quotes, colons,
 * braces, a one-digit number per numeric field and the comma between entries (replySize.ts).
 *   utxo   {"address":"","txid":"","outputIndex":0,"script":"","satoshis":0,"height":0},
 *   delta  {"satoshis":0,"txid":"","index":0,"blockindex":0,"height":0,"address":""},
 *   txid   "",
 */
const UTXO_FIXED = 77
const DELTA_FIXED = 74
const TXID_FIXED = 3

/** Paces a long walk over an index: `if (pace.due()) await pace.rest()` once per entry. */
function pacer(): { due(): boolean; rest(): Promise<void> } {
  let start = performance.now()
  let n = 0
  return {
    due: () => ++n % CLOCK_EVERY === 0 && performance.now() - start >= INDEX_SLICE_MS,
    rest: async () => {
      await platform.yieldToEventLoop()
      start = performance.now()
    },
  }
}

/** Index entries are appended block by block, so one address's list is already in height order. */
function byHeight<T extends { height: number }>(list: T[]): T[] {
  for (let i = 1; i < list.length; i++) {
    if (list[i].height < list[i - 1].height) return list.sort((x, y) => x.height - y.height)
  }
  return list
}

export const addressMethods: Record<string, MethodDef> = {
  getaddressbalance: { category: 'addressindex', usage: 'getaddressbalance', handler: async (ctx, p) => {
    usageCheck(p, 'getaddressbalance')
    const addrs = addressesFrom(p[0])
    const { entries } = indexes(ctx, p)
    const lists = addrs.map((a) => snapshot(entries.get(a)))
    const pace = pacer()
    let balance = 0
    let received = 0
    for (const list of lists) {
      for (const e of list) {
        if (pace.due()) await pace.rest()
        balance += e.satoshis
        if (e.satoshis > 0) received += e.satoshis
      }
    }
    return { balance, received }
  } },
  getaddressutxos: { category: 'addressindex', usage: 'getaddressutxos', handler: async (ctx, p) => {
    usageCheck(p, 'getaddressutxos')
    const addrs = addressesFrom(p[0])
    const chainInfo = !!(p[0] && typeof p[0] === 'object' && (p[0] as Record<string, unknown>).chainInfo === true)
    const { utxos } = indexes(ctx, p)
    // A snapshot of the index and the tip first (komodod answers under cs_main), then the reply is
    // built in slices with turns of the event loop between them: an address with 80,000 coins would
    // otherwise hold every other call for most of a second.
    const L = ctx.dc.ledger
    const tip = { hash: L.tip.hash, height: L.height }
    const coins = addrs.map((a) => Array.from(utxos.get(a)?.values() ?? []))
    const list: { address: string; txid: string; outputIndex: number; script: string; satoshis: number; height: number }[] = []
    const pace = pacer()
    // An address's coins share one script object (Ledger.sharedScript): its hex is printed once.
    let script: Uint8Array | null = null
    let hex = ''
    for (let k = 0; k < addrs.length; k++) {
      const address = addrs[k]
      for (const c of coins[k]) {
        if (pace.due()) await pace.rest()
        if (c.script !== script) {
          script = c.script
          hex = toHex(c.script)
        }
        ctx.replySize.add(UTXO_FIXED + address.length + c.txid.length + hex.length)
        list.push({ address, txid: c.txid, outputIndex: c.vout, script: hex, satoshis: c.value, height: c.height })
      }
    }
    byHeight(list)
    if (!chainInfo) return list
    return { utxos: list, hash: tip.hash, height: tip.height }
  } },
  getaddresstxids: { category: 'addressindex', usage: 'getaddresstxids', handler: async (ctx, p) => {
    usageCheck(p, 'getaddresstxids')
    const addrs = addressesFrom(p[0])
    let start = 0
    let end = 0
    if (p[0] && typeof p[0] === 'object') {
      const o = p[0] as Record<string, unknown>
      if (typeof o.start === 'number' && typeof o.end === 'number') {
        start = o.start
        end = o.end
        if (end < start) throw new RpcError(RpcCode.INVALID_ADDRESS_OR_KEY, 'End value is expected to be greater than start')
      }
    }
    const { entries } = indexes(ctx, p)
    const lists = addrs.map((a) => snapshot(entries.get(a)))
    const pace = pacer()
    const found: AddrEntry[] = []
    for (const list of lists) {
      for (const e of list) {
        if (pace.due()) await pace.rest()
        if (start && end && (e.height < start || e.height > end)) continue
        found.push(e)
      }
    }
    byHeight(found)
    const seen = new Set<string>()
    const out: string[] = []
    for (const f of found) {
      if (pace.due()) await pace.rest()
      if (!seen.has(f.txid)) {
        ctx.replySize.add(TXID_FIXED + f.txid.length)
        seen.add(f.txid)
        out.push(f.txid)
      }
    }
    return out
  } },
  getaddressdeltas: { category: 'addressindex', usage: 'getaddressdeltas', handler: async (ctx, p) => {
    if (p.length < 1 || p.length > 2 || !p[0] || typeof p[0] !== 'object' || Array.isArray(p[0])) throw new RpcError(RpcCode.MISC_ERROR, 'getaddressdeltas\n')
    const o = p[0] as Record<string, unknown>
    const chainInfo = o.chainInfo === true
    let start = 0
    let end = 0
    if (typeof o.start === 'number' && typeof o.end === 'number') {
      start = o.start
      end = o.end
      if (start <= 0 || end <= 0) throw invalid('Start and end is expected to be greater than zero')
      if (end < start) throw invalid('End value is expected to be greater than start')
    }
    const addrs = addressesFrom(o)
    const L = ctx.dc.ledger
    // Checked before the walk (the walk may stop at the caller's cap): the same error either way.
    if (chainInfo && start > 0 && (start > L.height || end > L.height)) throw invalid('Start or end is outside chain range')
    const { entries } = indexes(ctx, p)
    const lists = addrs.map((a) => snapshot(entries.get(a)))
    const pace = pacer()
    const deltas: Record<string, unknown>[] = []
    for (let k = 0; k < addrs.length; k++) {
      const a = addrs[k]
      for (const e of lists[k]) {
        if (pace.due()) await pace.rest()
        if (start > 0 && (e.height < start || e.height > end)) continue
        ctx.replySize.add(DELTA_FIXED + e.txid.length + a.length)
        deltas.push({ satoshis: e.satoshis, txid: e.txid, index: e.index, blockindex: L.txs.get(e.txid)?.index ?? 0, height: e.height, address: a })
      }
    }
    if (!(chainInfo && start > 0)) return deltas
    // Again: a rewind during one of the walk's pauses may have taken the range away.
    if (start > L.height || end > L.height) throw invalid('Start or end is outside chain range')
    return { deltas, start: { hash: L.block(start)!.hash, height: start }, end: { hash: L.block(end)!.hash, height: end } }
  } },
  getaddressmempool: { category: 'addressindex', usage: 'getaddressmempool', handler: (ctx, p) => {
    usageCheck(p, 'getaddressmempool')
    const want = new Set(addressesFrom(p[0]))
    const cc = p.length > 1
    const L = ctx.dc.ledger
    const out: Record<string, unknown>[] = []
    for (const r of L.mempool.values()) {
      r.tx.vin.forEach((input, i) => {
        const prevtxid = hashToHex(input.prevHash)
        const coin = L.viewCoin(prevtxid, input.prevIndex)
        if (coin && coin.address && coin.cc === cc && want.has(coin.address)) {
          out.push({ address: coin.address, txid: r.txid, index: i, satoshis: -coin.value, timestamp: r.time, prevtxid, prevout: input.prevIndex })
        }
      })
      r.tx.vout.forEach((_, n) => {
        const coin = L.mempoolCoins.get(outpointKey(r.txid, n))
        if (coin && coin.address && coin.cc === cc && want.has(coin.address)) {
          out.push({ address: coin.address, txid: r.txid, index: n, satoshis: coin.value, timestamp: r.time })
        }
      })
    }
    return out.sort((a, b) => (a.timestamp as number) - (b.timestamp as number))
  } },
  getspentinfo: { category: 'addressindex', usage: 'getspentinfo {"txid": "txid", "index": n}', handler: (ctx, p) => {
    if (p.length !== 1 || !p[0] || typeof p[0] !== 'object' || Array.isArray(p[0])) throw new RpcError(RpcCode.MISC_ERROR, 'getspentinfo {"txid": "txid", "index": n}\n')
    const o = p[0] as Record<string, unknown>
    if (typeof o.txid !== 'string' || typeof o.index !== 'number') throw invalid('Invalid txid or index')
    const txid = parseHash(o.txid, 'txid')
    if (!Number.isInteger(o.index)) throw new RpcError(RpcCode.MISC_ERROR, 'JSON value is not an integer as expected')
    const L = ctx.dc.ledger
    const key = outpointKey(txid, o.index)
    // The mempool's spent index first (height -1), then the chain's, as GetSpentIndex does.
    const spender = L.mempoolSpends.get(key)
    if (spender) {
      const index = L.mempool.get(spender)!.tx.vin.findIndex((i) => outpointKey(hashToHex(i.prevHash), i.prevIndex) === key)
      return { txid: spender, index, height: -1 }
    }
    const info = L.spentIndex.get(key)
    if (!info) throw invalid('Unable to get spent info')
    return { txid: info.txid, index: info.index, height: info.height }
  } },
}
