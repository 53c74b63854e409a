/** Method table: core methods, devchain_* methods and the registered CC modules' methods. */
import { RpcError, RpcCode } from '../../protocol/jsonrpc.ts'
import { blockchainMethods, rawtxMethods } from './methods/blockchain.ts'
import { controlMethods } from './methods/control.ts'
import { walletMethods } from './methods/wallet.ts'
import { miningMethods, devchainMethods } from './methods/mining.ts'
import { addressMethods } from './methods/address.ts'
import { rawtransactionMethods } from './methods/rawtransactions.ts'
import { chainReadMethods } from './methods/chainReads.ts'
import { walletHistoryMethods } from './methods/walletHistory.ts'
import { messageMethods } from './methods/message.ts'
import { networkMethods } from './methods/network.ts'
import { checkpointMethods } from './methods/checkpoints.ts'
import type { CallOptions, Engine, MethodDef, MethodContext } from './context.ts'
import { replySize } from './replySize.ts'

const CORE: Record<string, MethodDef> = {
  ...controlMethods, ...blockchainMethods, ...rawtxMethods, ...walletMethods, ...miningMethods, ...addressMethods, ...devchainMethods,
  ...rawtransactionMethods, ...chainReadMethods, ...walletHistoryMethods, ...messageMethods, ...networkMethods,
  ...checkpointMethods,
}

const tables = new WeakMap<Engine, Map<string, MethodDef>>()

export function methodTable(dc: Engine): Map<string, MethodDef> {
  let t = tables.get(dc)
  if (t) return t
  t = new Map(Object.entries(CORE))
  for (const m of dc.modules) {
    for (const [name, fn] of Object.entries(m.rpc)) {
      t.set(name, {
        category: m.category,
        usage: m.usage?.[name] ?? name,
        handler: (ctx, p) => fn({ node: ctx.node, wallet: ctx.wallet, chain: { params: dc.params, ledger: dc.ledger }, devchain: dc }, p),
      })
    }
  }
  t.set('help', { category: 'control', usage: 'help ( "command" )', handler: (ctx, p) => help(methodTable(ctx.dc), p) })
  tables.set(dc, t)
  return t
}

function help(t: Map<string, MethodDef>, p: unknown[]): string {
  if (p.length > 1) throw new RpcError(RpcCode.MISC_ERROR, 'help ( "command" )\n')
  if (p.length === 1) {
    if (typeof p[0] !== 'string') throw new RpcError(RpcCode.MISC_ERROR, 'JSON value is not a string as expected')
    const d = t.get(p[0])
    return d ? d.usage + '\n' : `help: unknown command: ${p[0]}`
  }
  const byCat = new Map<string, string[]>()
  for (const [name, d] of t) {
    if (name.startsWith('devchain_')) continue // komodod's help does not know them
    if (d.category === 'hidden') continue // nor lists its hidden commands
    const cat = d.category
    if (!byCat.has(cat)) byCat.set(cat, [])
    byCat.get(cat)!.push(d.usage)
  }
  const cats = [...byCat.keys()].sort()
  return cats.map((c) => `== ${c[0].toUpperCase()}${c.slice(1)} ==\n` + byCat.get(c)!.sort().join('\n')).join('\n\n')
}

export async function dispatch(dc: Engine, node: string, method: string, params: unknown[], opts: CallOptions = {}): Promise<unknown> {
  const d = methodTable(dc).get(method)
  if (!d) throw new RpcError(RpcCode.METHOD_NOT_FOUND, 'Method not found')
  const ctx: MethodContext = { dc, node, wallet: dc.wallet(node), signal: opts.signal, replySize: replySize(opts.maxReplyBytes) }
  return d.handler(ctx, Array.isArray(params) ? params : [])
}
