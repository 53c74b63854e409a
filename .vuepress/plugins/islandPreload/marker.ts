import { useSSRContext, type ComponentOptions } from 'vue'
import { ISLAND_MARKER } from './moveIslandMarkers.ts'

type HeadConfig = [string, Record<string, string>]

/**
 * A server-side mixin: each component named in `islands` that renders adds a marker to the page's head config,
 * which the build swaps for the component's chunk preloads (index.ts). VuePress puts the page's head config on
 * the render context before any component renders and reads it back after the render.
 */
export const islandMarker = (islands: readonly string[]): ComponentOptions => ({
  created() {
    const name = this.$.type.__name ?? this.$.type.name
    if (!name || !islands.includes(name)) return
    const context = useSSRContext<{ head?: HeadConfig[] }>()
    if (!context) return
    const head = context.head ?? []
    if (head.some(([tag, attrs]) => tag === 'meta' && attrs.name === ISLAND_MARKER && attrs.content === name)) return
    context.head = [...head, ['meta', { name: ISLAND_MARKER, content: name }]]
  },
})
