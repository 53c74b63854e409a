/**
 * Theme chrome that hydrates when the reader first does something, not while the page loads.
 *
 * The navbar links, their copy in the mobile sidebar, the sidebar tree and the prev/next links are
 * server-rendered and work as plain links meanwhile; hydrating them with the page was more than half of
 * a journey page's hydration task (a long task on a phone, Lighthouse TBT). They hydrate on the first
 * pointer, touch, key or focus anywhere on the page (captured before the element's own handlers, so
 * the click or key that follows finds them live), or before a navigation re-renders them.
 */
import { defineAsyncComponent, type Component, type HydrationStrategy } from 'vue'

const FIRST_INPUT = ['pointerdown', 'pointerover', 'touchstart', 'keydown', 'focusin'] as const
const waiting = new Set<() => void>()

/** Hydrates every component still waiting: on the first input, and before a route change. */
export function hydrateWaiting(): void {
  if (!waiting.size) return
  for (const e of FIRST_INPUT) window.removeEventListener(e, hydrateWaiting, { capture: true })
  const now = [...waiting]
  waiting.clear()
  for (const hydrate of now) hydrate()
}

/**
 * For a router guard: hydrates what is waiting once the guard has returned. Vue Router runs guards inside
 * `app.runWithContext()`, where `inject()` reads the app's provides instead of the component tree's, so a
 * component set up there misses what its ancestors provide (the theme's sidebar items).
 */
export async function hydrateBeforeNavigation(): Promise<void> {
  await Promise.resolve()
  hydrateWaiting()
}

export const hydrateOnFirstInput: HydrationStrategy = (hydrate) => {
  if (!waiting.size) for (const e of FIRST_INPUT) window.addEventListener(e, hydrateWaiting, { capture: true, passive: true })
  waiting.add(hydrate)
  // Vue calls it if the component unmounts before hydrating.
  return () => { waiting.delete(hydrate) }
}

/** The same component, server-rendered as before, hydrated on the first input. */
export const hydrateLater = (component: Component): Component =>
  defineAsyncComponent({ loader: () => Promise.resolve(component), hydrate: hydrateOnFirstInput })

/** Components waiting to hydrate (tests). */
export const waitingHydrations = (): number => waiting.size
