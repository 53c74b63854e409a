/**
 * Builds the browser's Vue without the Options API (`data`, `methods`, option lifecycle hooks):
 * nothing on the site's client side uses it — our components, the default theme and its plugins are
 * all `setup` code — and leaving it out takes its code off every page's first load. The server build
 * keeps it: the island marker (islandPreload/marker.ts) is a server-side mixin.
 */
import type { Plugin } from 'vuepress/core'

export const noOptionsApiPlugin = (): Plugin => ({
  name: 'komodo-journeys:no-options-api',
  define: (_app, isServer) => (isServer ? {} : { __VUE_OPTIONS_API__: false }),
})
