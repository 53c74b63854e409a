/** help, getinfo, stop, validateaddress. */
import { decodeAddress, segidOf } from '../../crypto/keys.ts'
import { toHex } from '../../crypto/hash.ts'
import { scriptForAddress } from '../../chain/wallet.ts'
import { checkCount, requireString } from '../params.ts'
import { Amount } from '../amount.ts'
import type { MethodDef, MethodContext } from '../context.ts'
import { peersOf, CLIENT_VERSION, PROTOCOL_VERSION } from './network.ts'

export const ZERO_HASH = '0'.repeat(64)

export function walletBalance(ctx: MethodContext): number {
  return ctx.wallet.balance({ trustedMempool: true })
}

export const controlMethods: Record<string, MethodDef> = {
  getinfo: { category: 'control', usage: 'getinfo', handler: (ctx, p) => {
    checkCount(p, 0, 0, 'getinfo')
    const { dc, wallet } = ctx
    const P = dc.params
    const L = dc.ledger
    const keytime = P.genesisTime
    const info: Record<string, unknown> = {
      version: CLIENT_VERSION, protocolversion: PROTOCOL_VERSION, KMDversion: '0.8.1', synced: true,
      notarized: 0, prevMoMheight: 0, notarizedhash: ZERO_HASH, notarizedtxid: ZERO_HASH,
      notarizedtxid_height: 'mempool', KMDnotarized_height: 0, notarized_confirms: 0,
      walletversion: 60000, balance: new Amount(walletBalance(ctx)),
      blocks: L.height, longestchain: L.height, tiptime: L.tip.time, difficulty: 1,
      keypoololdest: keytime, keypoolsize: 101, paytxfee: new Amount(0), sapling: 1,
      timeoffset: 0, connections: peersOf(ctx).length, proxy: '', testnet: false, relayfee: new Amount(100), errors: '',
    }
    if (wallet.pubkey) info.pubkey = wallet.pubkey
    if (P.cc) info.CCid = P.cc
    info.name = P.name
    info.p2pport = P.p2pport
    info.rpcport = P.rpcport
    info.magic = P.magic
    info.premine = P.supply
    if (P.rewardSet) {
      // src/rpc/misc.cpp: one comma-separated string per field, one entry per era.
      const eras = (v: bigint[]) => v.slice(0, P.flags.eras).join(',')
      if (P.flags.eras > 1) info.eras = P.flags.eras
      info.reward = eras(P.flags.reward)
      info.halving = eras(P.flags.halving)
      info.decay = eras(P.flags.decay)
      info.endsubsidy = eras(P.flags.end)
      info.notarypay = eras(P.flags.notarypay)
    }
    if (P.staked) info.staked = P.staked
    return info
  } },
  stop: { category: 'control', usage: 'stop', handler: (ctx, p) => {
    checkCount(p, 0, 0, 'stop')
    ctx.dc.requestStop()
    return `${ctx.dc.params.name} server stopping`
  } },
  validateaddress: { category: 'util', usage: 'validateaddress "komodoaddress"', handler: (ctx, p) => {
    checkCount(p, 1, 1, 'validateaddress "komodoaddress"')
    const address = requireString(p, 0)
    const d = decodeAddress(address)
    const script = d && scriptForAddress(address)
    if (!d || !script) return { isvalid: false }
    const key = ctx.wallet.keyForAddress(address)
    const r: Record<string, unknown> = {
      isvalid: true, address, scriptPubKey: toHex(script), segid: segidOf(address),
      ismine: !!key, iswatchonly: false, isscript: d.version === 85,
    }
    if (key) {
      r.pubkey = key.pubHex
      r.iscompressed = true
      r.account = ''
    }
    return r
  } },
}
