/**
 * Starts the in-page chain while the reader reaches for a step, so that their first click finds it
 * open: the first pointer (or focus, or touch) inside a journey's live parts starts the worker and
 * opens the chain — the engine chunk's download and evaluation, the IndexedDB open and the genesis
 * all happen during the few hundred ms between that and the click. The issue's budget lets the
 * engine load only once the reader heads for a step (or when idle): nothing starts with the page, so
 * a page's first load and a reader who only reads pay nothing.
 *
 * The engine only when the chosen chain is the in-page one; on every chain, the core methods' specs
 * that the first call is checked against (methodSpecs.ts) load at the same moment.
 */
import { inPageAvailable, inPageTransport } from './inPageChain.ts'
import { LIVE_PARTS } from './inPagePrefetch.ts'
import { loadCoreWire } from './methodSpecs.ts'
import { currentChoice } from './useChainConnection.ts'
const APPROACH = ['pointerover', 'focusin', 'touchstart'] as const

/** Listens (once) for the reader's approach to a live part; returns a stop. */
export function warmInPageOnApproach(root: Pick<Document, 'addEventListener' | 'removeEventListener'> = document): () => void {
  let stopped = false
  const stop = (): void => {
    if (stopped) return
    stopped = true
    for (const type of APPROACH) root.removeEventListener(type, onApproach, { capture: true })
  }
  function onApproach(e: Event): void {
    const target = e.target as Element | null
    if (typeof target?.closest !== 'function' || !target.closest(LIVE_PARTS)) return
    stop()
    void loadCoreWire()
    void currentChoice().then((c) => {
      if (c.kind === 'page' && inPageAvailable()) inPageTransport()
    })
  }
  for (const type of APPROACH) root.addEventListener(type, onApproach, { capture: true, passive: true })
  return stop
}
