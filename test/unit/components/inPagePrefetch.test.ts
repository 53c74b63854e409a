// @vitest-environment happy-dom
/**
 * The idle prefetch of the in-page chain's worker (components/inPagePrefetch.ts): one low-priority
 * `<link rel="prefetch">` once the page is loaded and idle, on a page with live parts whose chain is
 * the in-page one; nothing for a reader saving data, on another chain, or once the worker runs.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { inPageTransport, setInPageWorkerFactory } from '../../../components/inPageChain.ts'
import { prefetchInPage, prefetchInPageWhenIdle, resetInPagePrefetch, saveBandwidth } from '../../../components/inPagePrefetch.ts'
import { resetChainConnection, selectChoice } from '../../../components/useChainConnection.ts'

const WORKER = '/assets/worker-abc.js'
let idle: (() => void)[] = []

beforeEach(() => {
  idle = []
  vi.stubGlobal('Worker', class {})
  vi.stubGlobal('requestIdleCallback', (fn: () => void) => idle.push(fn))
  setInPageWorkerFactory(() => Object.assign(new EventTarget(), { postMessage: vi.fn(), terminate: vi.fn() }) as unknown as Worker, WORKER)
  document.body.innerHTML = '<div class="kj-journey"><div class="kj-step"><div class="kj-rpc"><button class="kj-run">Run</button></div></div></div>'
})

afterEach(() => {
  vi.unstubAllGlobals()
  setInPageWorkerFactory(null)
  resetChainConnection()
  resetInPagePrefetch()
  document.head.querySelectorAll('link[data-kj-in-page]').forEach((l) => l.remove())
  document.body.innerHTML = ''
})

const prefetched = (): (string | null)[] => [...document.head.querySelectorAll('link[rel="prefetch"]')].map((l) => l.getAttribute('href'))

describe('prefetchInPageWhenIdle', () => {
  it('waits for the idle time after load, then prefetches the worker script, once', async () => {
    selectChoice({ kind: 'page' })
    prefetchInPageWhenIdle()
    prefetchInPageWhenIdle()
    expect(idle).toHaveLength(1)
    expect(prefetched()).toEqual([])
    idle.pop()!()
    await vi.waitFor(() => expect(prefetched()).toEqual([WORKER]))
    prefetchInPageWhenIdle()
    expect(idle).toHaveLength(0)
    expect(await prefetchInPage()).toBe(false)
    expect(prefetched()).toEqual([WORKER])
  })
})

describe('prefetchInPage', () => {
  it('fetches nothing on another chain', async () => {
    selectChoice({ kind: 'site' })
    expect(await prefetchInPage()).toBe(false)
    expect(prefetched()).toEqual([])
  })

  it('fetches nothing on a page without live parts', async () => {
    selectChoice({ kind: 'page' })
    document.body.innerHTML = '<p>Prose only</p>'
    expect(await prefetchInPage()).toBe(false)
    document.body.innerHTML = '<div class="kj-rpc"></div>'
    expect(await prefetchInPage()).toBe(true)
  })

  it('fetches nothing once the worker runs', async () => {
    selectChoice({ kind: 'page' })
    inPageTransport()
    expect(await prefetchInPage()).toBe(false)
    expect(prefetched()).toEqual([])
  })

  it('fetches nothing for a reader saving data', async () => {
    selectChoice({ kind: 'page' })
    vi.stubGlobal('navigator', { ...navigator, connection: { saveData: true } })
    expect(await prefetchInPage()).toBe(false)
    vi.stubGlobal('navigator', { ...navigator, connection: { effectiveType: '4g' } })
    expect(await prefetchInPage()).toBe(true)
  })
})

describe('saveBandwidth', () => {
  it('holds back on Save-Data and 2G-class connections only', () => {
    expect(saveBandwidth({ saveData: true, effectiveType: '4g' })).toBe(true)
    expect(saveBandwidth({ effectiveType: 'slow-2g' })).toBe(true)
    expect(saveBandwidth({ effectiveType: '2g' })).toBe(true)
    expect(saveBandwidth({ effectiveType: '3g' })).toBe(false)
    expect(saveBandwidth({ saveData: false, effectiveType: '4g' })).toBe(false)
    expect(saveBandwidth(undefined)).toBe(false)
  })
})
