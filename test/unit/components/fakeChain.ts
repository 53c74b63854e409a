/**
 * A stubbed `fetch` for component tests: `/rpc/meta` and JSON-RPC calls answered by handlers,
 * every request recorded. Only the network boundary is fake; the real client runs on top.
 */
import { vi } from 'vitest'
import { resetChainMeta } from '../../../components/useChainMeta.ts'
import { resetPageContext } from '../../../components/useJourney.ts'
import { setRpcClient } from '../../../components/useRpcClient.ts'
import { loadCoreWire } from '../../../components/methodSpecs.ts'

// The core methods' specs are a chunk of their own in the site, loaded with the first call; loaded
// here before any test runs, so a test's first call is sent within a flushPromises, as later ones are.
await loadCoreWire()

export interface SeenCall { url: string; method: string; params: unknown[] }
export type Handler = (params: unknown[], url: string) => unknown

export const META = { backend: { kind: 'devchain' }, chain: { name: 'DOCS', rpcport: 14523 }, nodes: ['miner', 'reader'], profile: 'local' }

/** Installs the stub; a handler may return `{ __error: {code, message}, status }` or `{ __html: true }`. */
export function fakeChain(handlers: Record<string, Handler>, options: { meta?: unknown; offline?: boolean } = {}) {
  resetChainMeta()
  resetPageContext()
  setRpcClient(null)
  const seen: SeenCall[] = []
  const fetchStub = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input)
    if (options.offline) return new Response('<!doctype html><title>404</title>', { status: 404, headers: { 'content-type': 'text/html' } })
    if (url.endsWith('/rpc/meta')) return Response.json(options.meta ?? META)
    if (url.includes('/recorded/')) return new Response('not found', { status: 404 })
    const body = JSON.parse(String(init?.body)) as { method: string; params: unknown[]; id: number }
    seen.push({ url, method: body.method, params: body.params })
    const handler = handlers[body.method]
    if (!handler) return Response.json({ result: null, error: { code: -32601, message: 'Method not found' }, id: body.id }, { status: 404 })
    const out = (await handler(body.params, url)) as { __error?: { code: number; message: string }; status?: number } | unknown
    if (out && typeof out === 'object' && '__error' in out) {
      const e = out as { __error: { code: number; message: string }; status?: number }
      return Response.json({ result: null, error: e.__error, id: body.id }, { status: e.status ?? 500 })
    }
    return Response.json({ result: out, error: null, id: body.id })
  })
  vi.stubGlobal('fetch', fetchStub)
  return { seen, fetchStub }
}
