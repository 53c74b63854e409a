/**
 * The default chain: this site when its /rpc/meta says `local`, the in-page chain otherwise (a
 * `public` gateway, or no gateway at all, which a page from a static host knows without asking);
 * `?chain=` and a saved choice win over the default.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { currentChoice, resetChainConnection, selectChoice } from '../../../components/useChainConnection.ts'
import { setInPageWorkerFactory } from '../../../components/inPageChain.ts'
import { STORAGE_KEY } from '../../../components/chainChoice.ts'

function stubMeta(reply: { status: number; body?: unknown } | 'down') {
  const fetch = vi.fn(async () => {
    if (reply === 'down') throw new TypeError('Failed to fetch')
    return new Response(JSON.stringify(reply.body ?? {}), { status: reply.status })
  })
  vi.stubGlobal('fetch', fetch)
  return fetch
}

/** The page's own response, as Navigation Timing shows it: its Server-Timing metrics, or none readable. */
function stubNavigation(serverTiming: string[] | undefined) {
  vi.stubGlobal('performance', { getEntriesByType: () => [{ serverTiming: serverTiming?.map((name) => ({ name, description: '', duration: 0 })) }] })
}

function stubBrowser(search = '', serverTiming: string[] | undefined = ['kj-rpc']) {
  stubNavigation(serverTiming)
  const store = new Map<string, string>()
  vi.stubGlobal('localStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v) })
  vi.stubGlobal('location', { search })
  vi.stubGlobal('Worker', class {})
  setInPageWorkerFactory(() => ({}) as Worker)
  return store
}

afterEach(() => {
  vi.unstubAllGlobals()
  setInPageWorkerFactory(null)
  resetChainConnection()
})

describe('the chain connection', () => {
  it('is this site when its gateway runs the local profile', async () => {
    stubBrowser()
    const fetch = stubMeta({ status: 200, body: { kind: 'devchain', profile: 'local' } })
    expect(await currentChoice()).toEqual({ kind: 'site' })
    expect(fetch).toHaveBeenCalledWith('/rpc/meta', expect.anything())
  })

  it('is the in-page chain behind a public gateway, and with no gateway at all', async () => {
    stubBrowser()
    stubMeta({ status: 200, body: { kind: 'devchain', profile: 'public' } })
    expect(await currentChoice()).toEqual({ kind: 'page' })
    resetChainConnection()
    stubMeta({ status: 404 })
    expect(await currentChoice()).toEqual({ kind: 'page' })
    resetChainConnection()
    stubMeta('down')
    expect(await currentChoice()).toEqual({ kind: 'page' })
  })

  it('sends no request to /rpc from a page a static host served (no kj-rpc mark)', async () => {
    stubBrowser('', [])
    const fetch = stubMeta({ status: 200, body: { kind: 'devchain', profile: 'local' } })
    expect(await currentChoice()).toEqual({ kind: 'page' })
    expect(fetch).not.toHaveBeenCalled()
    // Other metrics are no mark either.
    resetChainConnection()
    stubNavigation(['cdn-cache', 'app'])
    expect(await currentChoice()).toEqual({ kind: 'page' })
    expect(fetch).not.toHaveBeenCalled()
  })

  it('probes /rpc/meta when the browser cannot tell who served the page', async () => {
    stubBrowser('', undefined)
    const fetch = stubMeta({ status: 200, body: { kind: 'devchain', profile: 'local' } })
    expect(await currentChoice()).toEqual({ kind: 'site' })
    expect(fetch).toHaveBeenCalledTimes(1)
    resetChainConnection()
    vi.stubGlobal('performance', undefined)
    expect(await currentChoice()).toEqual({ kind: 'site' })
    expect(fetch).toHaveBeenCalledTimes(2)
  })

  it('follows ?chain= (and keeps it), then the saved choice', async () => {
    const store = stubBrowser('?chain=http%3A%2F%2F127.0.0.1%3A7000%2Frpc')
    const fetch = stubMeta({ status: 200, body: { profile: 'local' } })
    expect(await currentChoice()).toEqual({ kind: 'url', url: 'http://127.0.0.1:7000' })
    expect(store.get(STORAGE_KEY)).toBe('http://127.0.0.1:7000')
    expect(fetch).not.toHaveBeenCalled()
    selectChoice({ kind: 'page' })
    expect(store.get(STORAGE_KEY)).toBe('page')
    resetChainConnection()
    vi.stubGlobal('location', { search: '' })
    expect(await currentChoice()).toEqual({ kind: 'page' })
  })

  it('never picks the in-page chain where no worker can run', async () => {
    stubBrowser('?chain=page')
    setInPageWorkerFactory(null)
    stubMeta({ status: 200, body: { profile: 'public' } })
    expect(await currentChoice()).toEqual({ kind: 'site' })
  })
})
