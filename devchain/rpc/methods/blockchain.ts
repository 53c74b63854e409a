/** Chain reads and raw transactions: getblock*, getrawtransaction, decode/sendrawtransaction. */
import { RpcError, RpcCode } from '../../../protocol/jsonrpc.ts'
import { hashToHex, toHex } from '../../crypto/hash.ts'
import { Ledger } from '../../chain/ledger.ts'
import { blockJSON, txJSON, chainValueAt, chainworkHex } from '../txjson.ts'
import { checkCount, requireInt, requireString, typeCheckString, notBool } from '../params.ts'
import { Amount } from '../amount.ts'
import type { MethodDef, MethodContext } from '../context.ts'

const blockNotFound = (): RpcError => new RpcError(RpcCode.INVALID_ADDRESS_OR_KEY, 'Block not found')

function def(usage: string, handler: MethodDef['handler']): MethodDef {
  return { usage, handler, category: 'blockchain' }
}

function resolveBlock(ctx: MethodContext, ref: string) {
  const L = ctx.dc.ledger
  // komodod treats a short all-digit string as a height (getblock "1").
  if (ref.length < 64 && /^-?\d+$/.test(ref)) {
    const h = Number(ref)
    if (h < 0 || h > L.height) throw new RpcError(RpcCode.INVALID_PARAMETER, 'Block height out of range')
    return L.block(h)!
  }
  const idx = L.blockByHash.get(ref.toLowerCase())
  if (idx === undefined) throw blockNotFound()
  return L.block(idx)!
}

export const blockchainMethods: Record<string, MethodDef> = {
  getblockcount: def('getblockcount', (ctx, p) => {
    checkCount(p, 0, 0, 'getblockcount')
    return ctx.dc.ledger.height
  }),
  getbestblockhash: def('getbestblockhash', (ctx, p) => {
    checkCount(p, 0, 0, 'getbestblockhash')
    return ctx.dc.ledger.tip.hash
  }),
  getblockhash: def('getblockhash index', (ctx, p) => {
    checkCount(p, 1, 1, 'getblockhash index')
    const h = requireInt(p, 0)
    if (h < 0 || h > ctx.dc.ledger.height) throw new RpcError(RpcCode.INVALID_PARAMETER, 'Block height out of range')
    return ctx.dc.ledger.block(h)!.hash
  }),
  getblock: def('getblock "hash|height" ( verbosity )', (ctx, p) => {
    checkCount(p, 1, 2, 'getblock "hash|height" ( verbosity )')
    const ref = requireString(p, 0)
    let verbosity = 1
    if (p.length > 1) {
      const v = p[1]
      if (typeof v === 'number') {
        if (!Number.isInteger(v)) throw new RpcError(RpcCode.MISC_ERROR, 'JSON value is not an integer as expected')
        verbosity = v
      } else if (typeof v === 'boolean') verbosity = v ? 1 : 0
      else throw notBool()
    }
    if (verbosity < 0 || verbosity > 2) throw new RpcError(RpcCode.INVALID_PARAMETER, 'Verbosity must be in range from 0 to 2')
    const b = resolveBlock(ctx, ref)
    if (verbosity === 0) return toHex(b.raw)
    return blockJSON(ctx.dc.ledger, b, verbosity, ctx.dc.modules)
  }),
  getblockchaininfo: def('getblockchaininfo', (ctx, p) => {
    checkCount(p, 0, 0, 'getblockchaininfo')
    const L = ctx.dc.ledger
    const value = chainValueAt(L, L.height)
    const pool = (id: string, v: number) => ({ id, monitored: true, chainValue: new Amount(v), chainValueZat: v })
    return {
      chain: ctx.dc.params.regtest ? 'regtest' : 'main',
      blocks: L.height,
      synced: true,
      headers: L.height,
      bestblockhash: L.tip.hash,
      difficulty: 1,
      verificationprogress: 1,
      chainwork: chainworkHex(L.height),
      pruned: false,
      commitments: 0,
      chainSupply: { monitored: true, chainValue: new Amount(value), chainValueZat: value },
      valuePools: [pool('transparent', value), pool('sprout', 0), pool('sapling', 0), pool('burned', 0)],
      softforks: [
        { id: 'bip34', version: 2, enforce: { status: true, found: 4, required: 4, window: 4 }, reject: { status: true, found: 4, required: 4, window: 4 } },
        { id: 'bip66', version: 3, enforce: { status: true, found: 4, required: 4, window: 4 }, reject: { status: true, found: 4, required: 4, window: 4 } },
        { id: 'bip65', version: 4, enforce: { status: true, found: 4, required: 4, window: 4 }, reject: { status: true, found: 4, required: 4, window: 4 } },
      ],
      upgrades: {
        '5ba81b19': { name: 'Overwinter', activationheight: 1, status: 'active', info: 'See https://z.cash/upgrade/overwinter.html for details.' },
        '76b809bb': { name: 'Sapling', activationheight: 1, status: 'active', info: 'See https://z.cash/upgrade/sapling.html for details.' },
      },
      consensus: { chaintip: '76b809bb', nextblock: '76b809bb' },
    }
  }),
  getrawmempool: def('getrawmempool ( verbose )', (ctx, p) => {
    checkCount(p, 0, 1, 'getrawmempool ( verbose )')
    if (p.length && typeof p[0] !== 'boolean') throw notBool()
    const L = ctx.dc.ledger
    if (!p[0]) return [...L.mempool.keys()]
    const out: Record<string, unknown> = {}
    for (const r of L.mempool.values()) {
      out[r.txid] = {
        size: r.raw.length, fee: new Amount(r.fee), time: r.time, height: L.height,
        startingpriority: 0, currentpriority: 0,
        depends: [...new Set(r.tx.vin.map((i) => hashToHex(i.prevHash)).filter((id) => L.mempool.has(id)))],
      }
    }
    return out
  }),
}

export const rawtxMethods: Record<string, MethodDef> = {
  getrawtransaction: { category: 'rawtransactions', usage: 'getrawtransaction "txid" ( verbose )', handler: (ctx, p) => {
    checkCount(p, 1, 2, 'getrawtransaction "txid" ( verbose )')
    const txid = requireString(p, 0)
    let verbose = 0
    if (p.length > 1) verbose = requireInt(p, 1)
    if (!/^[0-9a-fA-F]{64}$/.test(txid)) throw new RpcError(RpcCode.INVALID_PARAMETER, `parameter 1 must be hexadecimal string (not '${txid}')`)
    const L = ctx.dc.ledger
    const rec = L.txs.get(txid.toLowerCase())
    if (!rec || rec.height === 0) throw new RpcError(RpcCode.INVALID_ADDRESS_OR_KEY, 'No information available about transaction')
    const hex = toHex(rec.raw)
    if (!verbose) return hex
    return txJSON(rec.tx, rec.txid, { ledger: L, modules: ctx.dc.modules, expanded: true, hex })
  } },
  decoderawtransaction: { category: 'rawtransactions', usage: 'decoderawtransaction "hexstring"', handler: (ctx, p) => {
    checkCount(p, 1, 1, 'decoderawtransaction "hexstring"')
    const hex = typeCheckString(p, 0)
    const { tx, raw } = Ledger.decodeHex(hex)
    return txJSON(tx, txidFromRaw(raw), { modules: ctx.dc.modules })
  } },
  sendrawtransaction: { category: 'rawtransactions', usage: 'sendrawtransaction "hexstring" ( allowhighfees )', handler: (ctx, p) => {
    checkCount(p, 1, 2, 'sendrawtransaction "hexstring" ( allowhighfees )')
    const hex = typeCheckString(p, 0)
    if (p.length > 1 && typeof p[1] !== 'boolean') throw new RpcError(RpcCode.TYPE_ERROR, `Expected type bool, got ${typeof p[1] === 'number' ? 'number' : typeof p[1]}`)
    const { tx, raw } = Ledger.decodeHex(hex)
    return ctx.dc.submit(raw, tx)
  } },
}

import { txidOf } from '../../tx/transaction.ts'
const txidFromRaw = txidOf
