/**
 * A live component as a page's island: server-rendered with the page, its code loaded and hydrated only
 * when hydrateInTurn.ts lets it (the reader nears it or reaches for it), and loaded at once when the
 * client renders it (after a navigation).
 *
 * Why not `defineAsyncComponent({ hydrate })` alone: Vue 3.5 starts loading a component's code in its
 * setup even when a hydration strategy holds the hydration back (vuejs/core#12969, open), so every live
 * component of a journey downloaded with the page, the farthest panel included. Here the strategy-held
 * layer resolves at once to a relay; when the strategy fires, the code loads first and the relay then
 * hydrates the component itself, in one synchronous pass. A press that lands while the code is on its
 * way is held, and replayed on the live component: the reader's first click is never lost.
 */
import { defineAsyncComponent, defineComponent, h, type Component, type HydrationStrategy } from 'vue'
import { hydrateInTurn } from './hydrateInTurn.ts'

type Loaded = Component | { default: Component }
const unwrap = (m: Loaded): Component => (typeof m === 'object' && m !== null && 'default' in m ? m.default : m) as Component

export function lazyIsland(loader: () => Promise<Loaded>): Component {
  let component: Component | undefined
  let loading: Promise<Component> | undefined
  const load = (): Promise<Component> => (loading ??= loader().then((m) => (component = unwrap(m)), (e: unknown) => {
    loading = undefined
    throw e
  }))
  // Rendered by the client before the code is in (a navigation): Vue's async component loads it.
  const later = defineAsyncComponent(load)
  // Props, listeners, class and slots pass through untouched, so the island behaves as the component itself.
  const relay = defineComponent({
    inheritAttrs: false,
    setup(_, { attrs, slots }) {
      const inner = component ?? later
      return () => h(inner, attrs, slots)
    },
  })
  const strategy: HydrationStrategy = (hydrate, forEachElement) => {
    let pressed: HTMLElement | null = null
    let live = false
    const hold = (e: Event): void => {
      if (live) return
      e.preventDefault()
      e.stopPropagation()
      pressed = e.target as HTMLElement
    }
    const release = (): void => forEachElement((el) => el.removeEventListener('click', hold, true))
    forEachElement((el) => el.addEventListener('click', hold, true))
    const stop = hydrateInTurn(() => {
      load().then(() => {
        live = true
        release()
        hydrate()
        pressed?.click()
      }, () => {
        // The code did not come (offline, a stale deployment): the server's HTML stays, clicks act as plain HTML.
        live = true
        release()
      })
    }, forEachElement)
    return () => {
      release()
      stop?.()
    }
  }
  return defineAsyncComponent({ loader: () => Promise.resolve(relay), hydrate: strategy })
}
