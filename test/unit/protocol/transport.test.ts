/**
 * The transports under the client: a gateway's URL as a reader types it, and JSON-RPC bodies over
 * postMessage answered by a real devchain through the engine's one door (devchain/rpc/body.ts),
 * the way the in-page chain's worker answers them.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { RpcClient } from '../../../protocol/client.ts'
import { NodeRpcError } from '../../../protocol/errors.ts'
import { gatewayBase, messageTransport, type WorkerReply, type WorkerRequest } from '../../../protocol/transport.ts'
import { createDevchain, type Devchain } from '../../support/devchain.ts'
import { handleRpcBody } from '../../../devchain/rpc/body.ts'

describe('gatewayBase', () => {
  it('reads a gateway from what a reader types, and refuses anything but a plain http(s) URL', () => {
    expect(gatewayBase('http://127.0.0.1:8080/rpc')).toBe('http://127.0.0.1:8080')
    expect(gatewayBase(' http://127.0.0.1:8080/rpc/ ')).toBe('http://127.0.0.1:8080')
    expect(gatewayBase('https://node.example/kmd/rpc')).toBe('https://node.example/kmd')
    expect(gatewayBase('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080')
    expect(gatewayBase('javascript:alert(1)')).toBeNull()
    expect(gatewayBase('ftp://x/rpc')).toBeNull()
    expect(gatewayBase('http://user:pw@h/rpc')).toBeNull()
    expect(gatewayBase('127.0.0.1:8080')).toBeNull()
  })
})

describe('messageTransport', () => {
  let chain: Devchain | null = null
  afterEach(async () => {
    await chain?.close()
    chain = null
  })

  it('carries calls to both nodes and komodod errors to a chain behind a message port', async () => {
    chain = await createDevchain({ dataDir: null, seed: 'transport-test' })
    const { port1, port2 } = new MessageChannel()
    const seen: WorkerRequest[] = []
    port2.addEventListener('message', async (e: MessageEvent<WorkerRequest>) => {
      const req = e.data
      seen.push(req)
      if (req.type !== 'rpc') return
      const r = await handleRpcBody(chain!, req.node, req.body)
      port2.postMessage({ id: req.id, type: 'rpc', status: r.status, body: r.body } satisfies WorkerReply)
    })
    port2.start()
    port1.start()
    const client = new RpcClient({ transport: messageTransport(port1) })
    expect(client.transport.kind).toBe('page')
    const [hash] = (await client.call('generate', [1])).result
    expect((await client.call('getbestblockhash')).result).toBe(hash)
    const addr = (await client.call('getnewaddress', [], { node: 'reader' })).result
    expect((await client.call('validateaddress', [addr], { node: 'reader' })).result).toMatchObject({ ismine: true })
    expect((await client.call('validateaddress', [addr])).result).toMatchObject({ ismine: false })
    const err = await client.call('getblock', ['99']).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(NodeRpcError)
    expect(err).toMatchObject({ code: -8, status: 500 })
    expect(seen.map((r) => (r.type === 'rpc' ? r.node : r.type))).toEqual(['miner', 'miner', 'reader', 'reader', 'miner', 'miner'])
    port1.close()
  })

  it('rejects pending and later calls when the worker fails, and stops waiting when aborted', async () => {
    const listeners: Record<string, ((e: unknown) => void)[]> = { message: [], error: [] }
    const endpoint = {
      postMessage: () => {},
      addEventListener: (type: string, fn: (e: unknown) => void) => listeners[type].push(fn),
    }
    const t = messageTransport(endpoint as never)
    const aborter = new AbortController()
    const aborted = t.send('{}', 'miner', aborter.signal)
    aborter.abort(new Error('stop'))
    await expect(aborted).rejects.toThrow('stop')
    const pending = t.send('{}', 'miner', new AbortController().signal)
    for (const fn of listeners.error) fn({ message: 'boom' })
    await expect(pending).rejects.toThrow('boom')
    await expect(t.send('{}', 'miner', new AbortController().signal)).rejects.toThrow('boom')
    expect(await t.meta()).toBeNull()
  })
})
