import path from 'node:path'
import type { Plugin } from 'vuepress/core'

/**
 * Keeps `vuepress build` linear in the number of pages.
 *
 * `vuepress build` renders every page with one server app and one router. Components that call
 * `router.afterEach` in setup (the default theme's sidebar items do) unregister in `onBeforeUnmount`, which
 * never runs on the server, so each rendered page leaves its hooks behind and every later navigation runs
 * all of them: with 968 pages and ~270 sidebar items a page, that was 245 s and 3.2 GB.
 */
export const ssrRouterHooksPlugin = (): Plugin => ({
  name: 'komodo-journeys:ssr-router-hooks',
  clientConfigFile: path.resolve(import.meta.dirname, 'client.ts'),
})
