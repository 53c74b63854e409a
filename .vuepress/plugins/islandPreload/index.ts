import type { Plugin as VitePlugin } from 'vite'
import type { Plugin } from 'vuepress/core'
import { islandChunks } from './islandChunks.ts'
import { moveIslandMarkers } from './moveIslandMarkers.ts'

/**
 * The live components' chunks, preloaded by the page's HTML instead of by script during hydration.
 *
 * Vite preloads a lazy chunk's imports by inserting one `<link rel="modulepreload">` per file when the
 * chunk is first imported: on a journey page that was a dozen insertions, a few milliseconds each,
 * inside the hydration task (a long task on a phone, Lighthouse TBT). On `vuepress build` this plugin
 * turns that off and lets the server render say which live components a page uses (client.ts marks
 * them, see marker.ts); the page's `<head>` then preloads exactly their chunks, so they download with
 * the main chunk rather than after it. A later client-side navigation imports a component's chunk and
 * then its few shared imports, most of them already loaded by the first journey page.
 */
export const islandPreloadPlugin = (): Plugin => {
  const chunks = new Map<string, string[]>()
  return {
    name: 'komodo-journeys:island-preload',
    extendsBundlerOptions(options: { viteOptions?: { plugins?: unknown[]; build?: Record<string, unknown> } }, app) {
      if (!app.env.isBuild) return
      options.viteOptions ??= {}
      options.viteOptions.build = { ...options.viteOptions.build, modulePreload: { resolveDependencies: () => [] } }
      options.viteOptions.plugins = [...(options.viteOptions.plugins ?? []), islandChunksVitePlugin(chunks)]
    },
    onInitialized(app) {
      const render = app.options.templateBuildRenderer
      app.options.templateBuildRenderer = async (template, context) =>
        render(template, { ...context, ...moveIslandMarkers(context, chunks) })
    },
  }
}

/**
 * Records, on the client build, each live component's chunk and the chunks it imports. Only there:
 * a JavaScript `generateBundle` makes Rolldown hand the whole output to JavaScript (~95 MB of
 * allocation on the scale corpus), which the server build, which has no preloads, should not pay.
 */
const islandChunksVitePlugin = (into: Map<string, string[]>): VitePlugin => ({
  name: 'komodo-journeys:island-chunks',
  apply: 'build',
  // One plugin object serves both builds, run side by side.
  applyToEnvironment: (environment) => environment.config.consumer === 'client',
  generateBundle: {
    // After Vite's own: it drops there the empty chunks that CSS-only modules leave.
    order: 'post',
    handler(_, bundle) {
      const { base } = this.environment.config
      for (const [name, files] of islandChunks(bundle)) into.set(name, files.map((f) => base + f))
    },
  },
})
