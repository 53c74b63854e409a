import type { Plugin } from 'vite'
import { isServerBuild } from './isServerBuild.ts'

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
  config: (config) => (isServerBuild(config) ? { build: { rolldownOptions: { output: { codeSplitting: false } } } } : undefined),
})
