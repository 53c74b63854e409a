/**
 * A live component as a page's island: server-rendered with the page, its code loaded and hydrated only
 * when hydrateInTurn.ts lets it (the reader nears it or reaches for it), and loaded at once when the
 * client renders it (after a navigation).
 *
 * Why two layers: Vue 3.5's `defineAsyncComponent` starts loading a component's code in its setup, even
 * when a hydration strategy holds the hydration back (vuejs/core#12969, open). Every live component of a
 * journey then downloaded with the page, the farthest panel included. Here the strategy-held layer's
 * loader resolves at once to a relay, and only the relay, rendered once the strategy fires, holds the
 * component that fetches the code.
 */
import { defineAsyncComponent, defineComponent, h, type Component } from 'vue'
import { hydrateInTurn } from './hydrateInTurn.ts'

export function lazyIsland(loader: () => Promise<Component>): Component {
  const code = defineAsyncComponent(loader)
  // Props, listeners, class and slots pass through untouched, so the island behaves as the component itself.
  const relay = defineComponent({ inheritAttrs: false, setup: (_, { attrs, slots }) => () => h(code, attrs, slots) })
  return defineAsyncComponent({ loader: () => Promise.resolve(relay), hydrate: hydrateInTurn })
}
