import { expect } from 'vitest'
import { createDevchain, type Devchain } from '../../../../support/devchain.ts'
import { RpcError } from '../../../../../protocol/jsonrpc.ts'

export type Call = (m: string, p?: unknown[], node?: string) => Promise<any>

export async function chain(args: string[] = ['-ac_name=RPCT', '-ac_supply=1000', '-ac_reward=100000000']): Promise<{ c: Devchain; call: Call }> {
  const c = await createDevchain({ dataDir: null, args, seed: 'rpc-methods' })
  return { c, call: (m, p = [], node = 'miner') => c.call(node, m, p) as Promise<any> }
}

export async function rpcError(p: Promise<unknown>): Promise<{ code: number; message: string }> {
  try {
    await p
  } catch (e) {
    expect(e).toBeInstanceOf(RpcError)
    return { code: (e as RpcError).code, message: (e as RpcError).message }
  }
  throw new Error('expected an RpcError')
}
