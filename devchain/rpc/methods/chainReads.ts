/**
 * Chain reads around raw transactions: gettxout, getblockheader, getmempoolinfo (src/rpc/blockchain.cpp)
 * and coinsupply (src/rpc/misc.cpp), with komodod's key order and parameter typing.
 */
import { RpcError, RpcCode } from '../../../protocol/jsonrpc.ts'
import { toHex, hashToHex } from '../../crypto/hash.ts'
import { Writer } from '../../tx/bytes.ts'
import { writeHeader } from '../../tx/block.ts'
import { EMPTY_SAPLING_ROOT } from '../../chain/ledger.ts'
import { scriptPubKeyJSON, chainValueAt, chainworkHex } from '../txjson.ts'
import { checkCount, requireString, requireInt, requireBool } from '../params.ts'
import { Amount } from '../amount.ts'
import type { MethodDef } from '../context.ts'

/** uint256S: a lenient hex read (non-hex ends it, short strings zero-extend), as gettxout and getblockheader use. */
export function uint256S(s: string): string {
  const hex = /^(?:0x)?([0-9a-fA-F]*)/.exec(s.trim())![1].toLowerCase()
  return hex.slice(-64).padStart(64, '0')
}

const USAGE_TXOUT = 'gettxout "txid" n ( includemempool )'
const USAGE_HEADER = 'getblockheader "hash" ( verbose )'

export const chainReadMethods: Record<string, MethodDef> = {
  gettxout: { category: 'blockchain', usage: USAGE_TXOUT, handler: (ctx, p) => {
    checkCount(p, 2, 3, USAGE_TXOUT)
    const txid = uint256S(requireString(p, 0))
    const n = requireInt(p, 1)
    const mempool = p.length > 2 ? requireBool(p, 2) : true
    const L = ctx.dc.ledger
    if (n < 0) return null
    // With the mempool: its outputs count and its spends hide outputs (pruneSpent); without: the chain only.
    const coin = mempool ? L.findCoin(txid, n) : L.utxos.get(`${txid}:${n}`)
    if (!coin) return null
    const conf = L.confirmations(coin.height)
    const rec = L.txs.get(txid)
    return {
      bestblock: L.tip.hash,
      confirmations: conf,
      rawconfirmations: conf,
      value: new Amount(coin.value),
      scriptPubKey: scriptPubKeyJSON(coin.script, ctx.dc.modules),
      version: rec?.tx.version ?? 4,
      coinbase: coin.coinbase,
    }
  } },

  getblockheader: { category: 'blockchain', usage: USAGE_HEADER, handler: (ctx, p) => {
    checkCount(p, 1, 2, USAGE_HEADER)
    const hash = uint256S(requireString(p, 0))
    const verbose = p.length > 1 ? requireBool(p, 1) : true
    const L = ctx.dc.ledger
    const height = L.blockByHash.get(hash)
    if (height === undefined) throw new RpcError(RpcCode.INVALID_ADDRESS_OR_KEY, 'Block not found')
    const b = L.block(height)!
    const h = b.header
    if (!verbose) {
      const w = new Writer()
      writeHeader(w, h)
      return toHex(w.finish())
    }
    const conf = L.confirmations(height)
    const e: Record<string, unknown> = {
      last_notarized_height: 0, hash: b.hash, confirmations: conf, rawconfirmations: conf, height, version: h.version,
      merkleroot: hashToHex(h.merkleRoot), finalsaplingroot: EMPTY_SAPLING_ROOT, time: h.time, nonce: hashToHex(h.nonce),
      solution: toHex(h.solution), bits: h.bits.toString(16).padStart(8, '0'), difficulty: 1, chainwork: chainworkHex(height),
      segid: -1,
    }
    if (height > 0) e.previousblockhash = L.block(height - 1)!.hash
    if (height < L.height) e.nextblockhash = L.block(height + 1)!.hash
    return e
  } },

  getmempoolinfo: { category: 'blockchain', usage: 'getmempoolinfo', handler: (ctx, p) => {
    checkCount(p, 0, 0, 'getmempoolinfo')
    const L = ctx.dc.ledger
    let bytes = 0
    for (const r of L.mempool.values()) bytes += r.raw.length
    // `usage` is komodod's DynamicMemoryUsage; the devchain reports its own estimate (bytes plus a
    // fixed per-entry overhead), not a measurement.
    const info: Record<string, unknown> = { size: L.mempool.size, bytes, usage: bytes + 512 * L.mempool.size }
    if (ctx.dc.params.regtest) info.fullyNotified = true
    return info
  } },

  coinsupply: { category: 'blockchain', usage: 'coinsupply <height>', handler: (ctx, p) => {
    checkCount(p, 0, 1, 'coinsupply <height>')
    const L = ctx.dc.ledger
    // atoi(params[0].get_str()): the height is a string, and text that is not a number reads as 0.
    const height = p.length ? parseInt(requireString(p, 0), 10) || 0 : L.height
    if (height < 0 || height > L.height) return { error: 'invalid height' }
    const supply = chainValueAt(L, height)
    if (supply <= 0) return { error: 'couldnt calculate supply' }
    const r: Record<string, unknown> = {
      result: 'success', coin: ctx.dc.params.name, height, supply: new Amount(supply), zfunds: new Amount(0),
      sprout: new Amount(0), total: new Amount(supply),
    }
    const perYear = Math.floor((24 * 3600 * 365) / ctx.dc.params.blocktime)
    if (height > perYear) {
      const [month, quarter, year] = [Math.floor(perYear / 12), Math.floor(perYear / 4), perYear].map((d) => chainValueAt(L, height - d))
      Object.assign(r, {
        lastmonth: new Amount(month), monthcoins: new Amount(supply - month), lastquarter: new Amount(quarter),
        quartercoins: new Amount(supply - quarter), lastyear: new Amount(year), yearcoins: new Amount(supply - year),
        inflation: 100 * (supply / year - 1), blocksperyear: perYear,
      })
    }
    return r
  } },
}
