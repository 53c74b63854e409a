/**
 * Fetches the in-page chain's worker script into the HTTP cache while the page is idle, so the
 * reader's first step (or their approach to it, inPageWarmup.ts) finds the engine already
 * downloaded. Issue 14: "The engine loads when the reader first runs a step; prefetching it when
 * idle is fine."
 *
 * Kept off the page's own load: nothing happens before the `load` event, then the browser's idle
 * time, and the request is a `<link rel="prefetch">` (the lowest priority; nothing is evaluated).
 * Skipped where it could cost the reader: Save-Data, a 2G-class connection, a page with no live
 * parts, a chain other than the in-page one, or a worker already started.
 */
import { inPageAvailable, inPageStarted, inPageWorkerScript } from './inPageChain.ts'

/** Live parts of a page: a reader may run one (inPageWarmup.ts listens for the approach to them). */
export const LIVE_PARTS = '.kj-journey, .kj-step, .kj-rpc, .kj-mine, .kj-clock, .kj-broadcast, .kj-panel'

/** The part of `navigator.connection` read here (Network Information API; Chromium only). */
export interface ConnectionHints {
  saveData?: boolean
  effectiveType?: string
}

/** Whether the reader asked to save data, or their connection is too slow to spend on a maybe. */
export function saveBandwidth(connection: ConnectionHints | undefined): boolean {
  return connection?.saveData === true || /(^|-)2g$/.test(connection?.effectiveType ?? '')
}

let prefetched = false
let scheduled = false

/** After `load`, then when the browser is idle (a timer where requestIdleCallback is missing). */
function afterLoadWhenIdle(run: () => void): void {
  const idle = (): void => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 5000 })
    else setTimeout(run, 1000)
  }
  if (document.readyState === 'complete') idle()
  else addEventListener('load', idle, { once: true })
}

/**
 * Schedules the prefetch for this page (call it after each navigation: a reader who lands on a
 * page without live parts and moves to a journey gets it there). Once per page life.
 */
export function prefetchInPageWhenIdle(): void {
  if (prefetched || scheduled || typeof document === 'undefined') return
  scheduled = true
  afterLoadWhenIdle(() => {
    scheduled = false
    void prefetchInPage()
  })
}

/** Prefetches the worker now if this page and reader should; whether it did. */
export async function prefetchInPage(): Promise<boolean> {
  const url = inPageWorkerScript()
  if (prefetched || !url || !inPageAvailable() || inPageStarted() || !document.querySelector(LIVE_PARTS)) return false
  if (saveBandwidth((navigator as { connection?: ConnectionHints }).connection)) return false
  // Which chain the page talks to is settled by then (the picker resolves it on mount); loaded
  // here, not with the page, so the main chunk carries none of it.
  const { inPageIdle } = await import('./useChainConnection.ts')
  if (prefetched || !(await inPageIdle())) return false
  prefetched = true
  const link = document.createElement('link')
  link.rel = 'prefetch'
  link.href = url
  link.dataset.kjInPage = ''
  document.head.append(link)
  return true
}

/** Forget that this page prefetched (tests). */
export function resetInPagePrefetch(): void {
  prefetched = false
  scheduled = false
}
