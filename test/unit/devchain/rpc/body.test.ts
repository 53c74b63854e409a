/** The engine's one door answers a JavaScript bug with komodod's envelope, never with JavaScript text. */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { handleRpcBody } from '../../../../devchain/rpc/body.ts'
import type { RpcTarget } from '../../../../devchain/rpc/body.ts'
import { RpcError } from '../../../../protocol/jsonrpc.ts'

// A target whose handler hits a JavaScript bug, the kind whose message quotes paths or data.
const broken: RpcTarget = {
  call: async () => {
    throw new TypeError("Cannot read properties of undefined (reading '/home/secret/path')")
  },
}

afterEach(() => vi.restoreAllMocks())

describe('internal errors', () => {
  it('answer -32603 "Internal error" with no JavaScript text, single and batched; the stack goes to the console', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const single = await handleRpcBody(broken, 'miner', '{"method":"getinfo","params":[],"id":5}')
    expect(single.status).toBe(500)
    expect(single.body).toBe('{"result":null,"error":{"code":-32603,"message":"Internal error"},"id":5}\n')
    const batch = await handleRpcBody(broken, 'miner', '[{"method":"getinfo","id":1}]')
    expect(batch.body).not.toMatch(/TypeError|secret|reading/)
    expect(JSON.parse(batch.body)).toEqual([{ result: null, error: { code: -32603, message: 'Internal error' }, id: 1 }])
    expect(String(logged.mock.calls[0][0])).toContain('TypeError')
  })

  it('keeps an RpcError as komodod says it', async () => {
    const refusing: RpcTarget = { call: async () => { throw new RpcError(-8, 'Block height out of range') } }
    const r = await handleRpcBody(refusing, 'miner', '{"method":"getblockhash","params":[99],"id":2}')
    expect(r.body).toBe('{"result":null,"error":{"code":-8,"message":"Block height out of range"},"id":2}\n')
  })
})
