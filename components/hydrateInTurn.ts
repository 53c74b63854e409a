/**
 * A lazy-hydration strategy for the live components (Vue 3.5 `defineAsyncComponent({ hydrate })`):
 * hydrate one component per task, in the order they come near the viewport, instead of all of them in
 * the one long task that follows the page's hydration. A journey page has a dozen or more; hydrated
 * together they blocked the main thread for most of a second on a phone (Lighthouse TBT). Until it is
 * within a quarter screen below the viewport a component waits (and, through lazyIsland.ts, so does its
 * code). One the reader reaches for (pointer over it, press, focus, click) hydrates at once; lazyIsland.ts
 * replays a click that lands before its code does.
 *
 * The server HTML is what the reader sees meanwhile, so nothing moves when a component hydrates.
 */
import type { HydrationStrategy } from 'vue'

// A click too: one that comes with no pointer or focus event first (assistive technology, a script).
const TRIGGERS = ['pointerover', 'pointerdown', 'touchstart', 'focusin', 'click'] as const

const queue: (() => void)[] = []
let scheduled = false

function pump(): void {
  scheduled = false
  queue.shift()?.()
  schedule()
}

function schedule(): void {
  if (scheduled || !queue.length) return
  scheduled = true
  // A macrotask per component: the browser may paint and handle input between two of them.
  setTimeout(pump, 0)
}

/** How far below the viewport a component starts loading: a little ahead of the reader's scroll. */
const AHEAD = '0px 0px 25% 0px'

export const hydrateInTurn: HydrationStrategy = (hydrate, forEachElement) => {
  let done = false
  let observer: IntersectionObserver | null = null
  const teardown = (): void => {
    forEachElement((el) => { for (const e of TRIGGERS) el.removeEventListener(e, now, { capture: true }) })
    observer?.disconnect()
    const i = queue.indexOf(now)
    if (i >= 0) queue.splice(i, 1)
  }
  function now(): void {
    if (done) return
    done = true
    teardown()
    hydrate()
  }
  function enqueue(): void {
    observer?.disconnect()
    observer = null
    if (done || queue.includes(now)) return
    queue.push(now)
    schedule()
  }
  // Captured, so the component's own elements cannot stop it reaching here.
  forEachElement((el) => { for (const e of TRIGGERS) el.addEventListener(e, now, { passive: true, capture: true }) })
  if (typeof IntersectionObserver === 'undefined') enqueue()
  else {
    observer = new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) enqueue() }, { rootMargin: AHEAD })
    forEachElement((el) => observer!.observe(el))
  }
  // Vue calls it if the component unmounts before hydrating (the reader navigated away).
  return teardown
}

/** Components waiting to hydrate (tests). */
export function pendingHydrations(): number {
  return queue.length
}
