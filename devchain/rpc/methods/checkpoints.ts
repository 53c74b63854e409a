/**
 * Checkpoints (devchain only; komodod answers -32601): `devchain_checkpoint` names where the chain
 * stands now, `devchain_rewind` puts it back there. A journey takes one before each step so a reader
 * can go "back to before step N". On the append-only log a checkpoint is a byte offset.
 */
import { RpcError, RpcCode } from '../../../protocol/jsonrpc.ts'
import { checkCount, requireString } from '../params.ts'
import type { MethodDef } from '../context.ts'

const reply = (c: { offset: number; height: number; hash: string }) => ({ checkpoint: String(c.offset), height: c.height, bestblockhash: c.hash })

export const checkpointMethods: Record<string, MethodDef> = {
  devchain_checkpoint: { category: 'devchain', usage: 'devchain_checkpoint', handler: (ctx, p) => {
    checkCount(p, 0, 0, 'devchain_checkpoint')
    return reply(ctx.dc.checkpoint())
  } },
  devchain_rewind: { category: 'devchain', usage: 'devchain_rewind "checkpoint"', handler: async (ctx, p) => {
    checkCount(p, 1, 1, 'devchain_rewind "checkpoint"')
    const text = requireString(p, 0)
    if (!/^\d{1,15}$/.test(text)) throw new RpcError(RpcCode.INVALID_PARAMETER, 'checkpoint must be what devchain_checkpoint returned')
    return reply(await ctx.dc.rewind(Number(text)))
  } },
}
