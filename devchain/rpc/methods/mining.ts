/** getmininginfo, generate, setgenerate, getgenerate, setmocktime and the devchain_* control methods. */
import { RpcError, RpcCode } from '../../../protocol/jsonrpc.ts'
import { checkCount, requireInt, requireBool, requireString, typeCheck } from '../params.ts'
import type { MethodDef } from '../context.ts'
import type { MiningState } from '../../chain/mining.ts'

export const MAX_GENERATE = 1_000_000

const SETMOCKTIME_USAGE = 'setmocktime timestamp\n\nSet the local time to given timestamp (-regtest only)\n\nArguments:\n'
  + '1. timestamp  (integer, required) Unix seconds-since-epoch timestamp\n   Pass 0 to go back to using the system time.'

export const miningMethods: Record<string, MethodDef> = {
  getmininginfo: { category: 'mining', usage: 'getmininginfo', handler: (ctx, p) => {
    checkCount(p, 0, 0, 'getmininginfo')
    const L = ctx.dc.ledger
    const m = ctx.dc.mining
    return {
      blocks: L.height, currentblocksize: 0, currentblocktx: 0, difficulty: 1, errors: '',
      genproclimit: m.genproclimit, localsolps: 0, networksolps: 0, networkhashps: 0,
      pooledtx: L.mempool.size, testnet: false, chain: ctx.dc.params.regtest ? 'regtest' : 'main',
      staking: false, generate: m.generate, numthreads: m.genproclimit,
    }
  } },
  generate: { category: 'generating', usage: 'generate numblocks', handler: async (ctx, p) => {
    checkCount(p, 1, 1, 'generate numblocks')
    const n = requireInt(p, 0)
    // Deviation: komodod only mines with generate on -regtest; the devchain always does (that is its job).
    if (n < 0 || n > MAX_GENERATE) throw new RpcError(RpcCode.INVALID_PARAMETER, `Invalid number of blocks (0 to ${MAX_GENERATE})`)
    return ctx.dc.generate(ctx.node, n, ctx.signal)
  } },
  // src/rpc/misc.cpp. Deviation: komodod keeps the mock time until told otherwise and refuses off
  // -regtest; the devchain takes it on every chain, for the next block only (protocol/differences.ts).
  setmocktime: { category: 'hidden', usage: SETMOCKTIME_USAGE, handler: (ctx, p) => {
    checkCount(p, 1, 1, SETMOCKTIME_USAGE)
    typeCheck(p, ['number'])
    const time = requireInt(p, 0)
    if (time < 0 || time > 0xffffffff) throw new RpcError(RpcCode.INVALID_PARAMETER, 'Timestamp out of range')
    ctx.dc.ledger.setMockTime(time)
    return null
  } },
  getgenerate: { category: 'generating', usage: 'getgenerate', handler: (ctx, p) => {
    checkCount(p, 0, 0, 'getgenerate')
    return ctx.dc.mining.generate
  } },
  setgenerate: { category: 'generating', usage: 'setgenerate generate ( genproclimit )', handler: (ctx, p) => {
    checkCount(p, 1, 2, 'setgenerate generate ( genproclimit )')
    const on = requireBool(p, 0)
    const limit = p.length > 1 ? requireInt(p, 1) : -1
    if (ctx.dc.params.regtest) throw new RpcError(RpcCode.METHOD_NOT_FOUND, 'Use the generate method instead of setgenerate on this network')
    const gen = on && limit !== 0
    ctx.dc.setMining(gen
      ? { mode: 'interval', seconds: ctx.dc.params.blocktime, generate: true, genproclimit: limit }
      : { mode: 'manual', seconds: 0, generate: false, genproclimit: limit })
    return null
  } },
}

export const devchainMethods: Record<string, MethodDef> = {
  devchain_info: { category: 'devchain', usage: 'devchain_info', handler: (ctx, p) => {
    checkCount(p, 0, 0, 'devchain_info')
    const { dc } = ctx
    const P = dc.params
    return {
      kind: 'devchain',
      chain: {
        name: P.name, supply: P.supply, reward: P.reward, cc: P.cc, blocktime: P.blocktime, regtest: P.regtest,
        magic: P.magic, p2pport: P.p2pport, rpcport: P.rpcport, height: dc.ledger.height, deterministic: true,
        persistent: P.datadir !== null,
      },
      nodes: dc.nodes.map((n) => {
        const w = dc.wallet(n)
        return { name: n, pubkey: w.pubkey, address: w.pubkeyKey?.address ?? w.keys[0]?.address ?? null }
      }),
      mining: { mode: dc.mining.mode, seconds: dc.mining.seconds },
      capabilities: ['generate', 'automine', 'interval', 'persistence', 'deterministic', 'addressindex', 'spentindex', ...dc.modules.map((m) => m.name.toLowerCase())],
    }
  } },
  devchain_setmining: { category: 'devchain', usage: 'devchain_setmining "manual|automine|interval" ( seconds )', handler: (ctx, p) => {
    checkCount(p, 1, 2, 'devchain_setmining "manual|automine|interval" ( seconds )')
    const mode = requireString(p, 0)
    if (mode !== 'manual' && mode !== 'automine' && mode !== 'interval') throw new RpcError(RpcCode.INVALID_PARAMETER, 'mode must be "manual", "automine" or "interval"')
    let seconds = 0
    if (mode === 'interval') {
      seconds = p.length > 1 ? requireInt(p, 1) : 5
      if (seconds < 1 || seconds > 86_400) throw new RpcError(RpcCode.INVALID_PARAMETER, 'seconds must be between 1 and 86400')
    }
    const state: MiningState = { mode, seconds, generate: mode === 'interval', genproclimit: mode === 'interval' ? 1 : -1 }
    ctx.dc.setMining(state)
    return { mode, seconds }
  } },
}
