import type { Plugin } from 'vite'

/**
 * Has the server build write one file, with every page's component in it, rather than a chunk per page.
 *
 * The server bundle is only read by `vuepress build` itself, which renders every page from it in one
 * process. Split, its ≈1,100 chunks (on the scale corpus) were each written, then found, read and compiled
 * as a module of its own when its page rendered; in one file the bundler writes once and Node loads once.
 * Rolldown still initialises each page's module only when the page is first imported.
 */
export const serverInOneFile = (): Plugin => ({
  name: 'komodo-journeys:server-in-one-file',
  apply: 'build',
  // VuePress sets `build.ssr` in its own config hook, which runs first (Vite's `env.isSsrBuild` is still false there).
  config: (config) => (config.build?.ssr ? { build: { rolldownOptions: { output: { codeSplitting: false } } } } : undefined),
})
