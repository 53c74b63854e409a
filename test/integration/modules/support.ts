/** A devchain behind its komodod-style HTTP face on an ephemeral port, and a JSON-RPC caller. */
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createDevchainCore, type DevchainCore } from '../../support/devchain.ts'
import { createHttpServer } from '../../../server/chain/http.ts'

export interface ChainHttp {
  core: DevchainCore
  url: string
  /** One JSON-RPC call to a node ('miner' at `/`, others at `/node/<name>`). */
  rpc(node: string, method: string, params?: unknown[]): Promise<{ status: number; result: any; error: { code: number; message: string } | null; text: string }>
  /** The result, failing the test on any JSON-RPC error. */
  ok(node: string, method: string, params?: unknown[]): Promise<any>
  close(): Promise<void>
}

export async function startChain(args?: string[]): Promise<ChainHttp> {
  const core = await createDevchainCore({ dataDir: null, args, seed: 'devchain-cc-tests' })
  const server: Server = createHttpServer(core)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const auth = 'Basic ' + Buffer.from(`${core.params.rpcuser}:${core.params.rpcpassword}`).toString('base64')
  let id = 0
  const rpc: ChainHttp['rpc'] = async (node, method, params = []) => {
    const res = await fetch(node === 'miner' ? `${url}/` : `${url}/node/${node}`, {
      method: 'POST', headers: { authorization: auth, 'content-type': 'text/plain' },
      body: JSON.stringify({ jsonrpc: '1.0', id: ++id, method, params }),
    })
    const text = await res.text()
    const body = JSON.parse(text)
    return { status: res.status, result: body.result, error: body.error, text }
  }
  return {
    core, url, rpc,
    async ok(node, method, params) {
      const r = await rpc(node, method, params)
      if (r.error) throw new Error(`${method} ${JSON.stringify(params)} → ${r.error.code} ${r.error.message}`)
      return r.result
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((r) => server.close(() => r()))
      await core.close()
    },
  }
}

export const SCRIPT_FALSE = '16: mandatory-script-verify-flag-failed (Script evaluated without error but finished with a false/empty top stack element)'
