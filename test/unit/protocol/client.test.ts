import { describe, expect, it, vi } from 'vitest'
import { RpcClient, endpointFor } from '../../../protocol/client.ts'
// The site's catalog (core + modules), as useRpcClient hands it to the client.
import { CATALOG as catalog } from '../../../modules/catalog.ts'
import {
  AbortedError, CcSoftError, ChainUnavailableError, NodeRpcError, ParamsError, TimeoutError, UnknownMethodError,
} from '../../../protocol/errors.ts'

type Handler = (url: string, body: { method: string; params: unknown[]; id: unknown }) => { status?: number; body: string }

function fakeFetch(handler: Handler) {
  const calls: { url: string; body: { method: string; params: unknown[]; id: unknown }; headers: Record<string, string> }[] = []
  const fn = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body))
    calls.push({ url: String(url), body, headers: init?.headers as Record<string, string> })
    const r = handler(String(url), body)
    return new Response(r.body, { status: r.status ?? 200, headers: { 'content-type': 'application/json' } })
  })
  return { fn: fn as unknown as typeof fetch, calls }
}

const reply = (result: unknown, error: unknown = null, id: unknown = 1) => JSON.stringify({ result, error, id })

describe('RpcClient', () => {
  it('posts a JSON-RPC 1.0 body to /rpc for the miner and /rpc/<node> for others', async () => {
    const f = fakeFetch(() => ({ body: reply(7) }))
    const c = new RpcClient({ fetch: f.fn, base: 'http://h:1/' })
    const out = await c.call('getblockcount')
    expect(out.result).toBe(7)
    expect(out.status).toBe(200)
    expect(out.durationMs).toBeGreaterThanOrEqual(0)
    await c.call('getblockcount', [], { node: 'reader' })
    expect(f.calls.map((x) => x.url)).toEqual(['http://h:1/rpc', 'http://h:1/rpc/reader'])
    expect(f.calls[0].body).toMatchObject({ jsonrpc: '1.0', method: 'getblockcount', params: [] })
    expect(f.calls[0].headers['content-type']).toBe('text/plain;')
    expect(endpointFor('miner')).toBe('/rpc')
  })

  it('refuses params that do not match the catalog before sending anything', async () => {
    const f = fakeFetch(() => ({ body: reply(null) }))
    const c = new RpcClient({ fetch: f.fn, catalog })
    const err = await c.call('faucetfund', [100]).catch((e) => e)
    expect(err).toBeInstanceOf(ParamsError)
    expect(err.issues).toEqual([{ index: 0, param: 'amount', code: 'type', expected: 'string' }])
    await expect(c.call('getrawtransaction', ['abc'])).rejects.toMatchObject({ kind: 'params', issues: [{ code: 'format', format: 'txid' }] })
    await expect(c.call('generate', [])).rejects.toMatchObject({ issues: [{ code: 'required', param: 'numblocks' }] })
    await expect(c.call('nosuchmethod')).rejects.toBeInstanceOf(UnknownMethodError)
    expect(f.calls).toHaveLength(0)
  })

  it('drops trailing undefined optional params instead of sending null', async () => {
    const f = fakeFetch(() => ({ body: reply({}) }))
    await new RpcClient({ fetch: f.fn }).call('getblock', ['1', undefined])
    expect(f.calls[0].body.params).toEqual(['1'])
  })

  it('raises JSON-RPC errors with komodod code, message and HTTP status', async () => {
    const f = fakeFetch(() => ({ status: 500, body: reply(null, { code: -5, message: 'Block not found' }) }))
    const err = await new RpcClient({ fetch: f.fn }).call('getblock', ['99']).catch((e) => e)
    expect(err).toBeInstanceOf(NodeRpcError)
    expect(err).toMatchObject({ code: -5, message: 'Block not found', status: 500, kind: 'rpc' })
  })

  it('raises CC soft errors found inside a successful reply', async () => {
    const f = fakeFetch(() => ({ body: reply({ result: 'error', error: 'funding amount must be positive' }) }))
    const err = await new RpcClient({ fetch: f.fn, catalog }).call('faucetfund', ['0']).catch((e) => e)
    expect(err).toBeInstanceOf(CcSoftError)
    expect(err.message).toBe('funding amount must be positive')
  })

  it('calls a non-JSON answer (a static host) a missing chain', async () => {
    const f = vi.fn(async () => new Response('<!doctype html><h1>404</h1>', { status: 404, headers: { 'content-type': 'text/html' } }))
    await expect(new RpcClient({ fetch: f as unknown as typeof fetch }).call('getinfo')).rejects.toBeInstanceOf(ChainUnavailableError)
    const down = vi.fn(async () => { throw new TypeError('fetch failed') })
    await expect(new RpcClient({ fetch: down as unknown as typeof fetch }).call('getinfo')).rejects.toMatchObject({ kind: 'unavailable', status: 0 })
  })

  it('times out and cancels through AbortSignal', async () => {
    const hang = vi.fn((_u: unknown, init?: RequestInit) => new Promise<Response>((_, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
    }))
    const c = new RpcClient({ fetch: hang as unknown as typeof fetch })
    await expect(c.call('getinfo', [], { timeoutMs: 20 })).rejects.toBeInstanceOf(TimeoutError)
    const ctl = new AbortController()
    const p = c.call('getinfo', [], { signal: ctl.signal, timeoutMs: 10_000 })
    ctl.abort()
    await expect(p).rejects.toBeInstanceOf(AbortedError)
    await expect(c.call('getinfo', [], { signal: ctl.signal })).rejects.toBeInstanceOf(AbortedError)
  })

  it('waits as long as the method\'s spec says (faucetget\'s proof-of-work), unless the call says otherwise', async () => {
    vi.useFakeTimers()
    try {
      const hang = vi.fn((_u: unknown, init?: RequestInit) => new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
      }))
      const c = new RpcClient({ fetch: hang as unknown as typeof fetch, catalog })
      const settled = (p: Promise<unknown>) => {
        const box: { err?: unknown } = {}
        p.catch((e) => (box.err = e))
        return box
      }
      expect(catalog.get('faucetget')?.timeoutMs).toBe(180_000)
      const claim = settled(c.call('faucetget', []))
      const info = settled(c.call('getinfo', []))
      await vi.advanceTimersByTimeAsync(30_001)
      expect(info.err).toBeInstanceOf(TimeoutError)
      expect(claim.err).toBeUndefined()
      await vi.advanceTimersByTimeAsync(150_000)
      expect(claim.err).toBeInstanceOf(TimeoutError)
      expect((claim.err as TimeoutError).ms).toBe(180_000)
      const short = settled(c.call('faucetget', [], { timeoutMs: 1000 }))
      await vi.advanceTimersByTimeAsync(1001)
      expect(short.err).toBeInstanceOf(TimeoutError)
    } finally {
      vi.useRealTimers()
    }
  })
})
