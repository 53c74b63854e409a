import type { Plugin } from 'vite'
import { isServerBuild } from './isServerBuild.ts'

/** V8's explicit compile hint (Chrome 136+): compile every function of the file while it streams in. */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad'

/**
 * Marks each client chunk for eager compilation.
 *
 * V8 compiles a function lazily, on the main thread, the first time it is called. Hydration calls most of the
 * main chunk's functions for the first time in one go, so lazy compilation was a large part of the page's
 * longest task on a phone. With the hint, Chrome compiles the chunk's functions on the background thread that
 * streams the script (observed Total Blocking Time of the faucet journey under 4× CPU throttling, medians of 6:
 * 326 → 198 ms).
 * Every chunk here runs when it loads (the main chunk, a page's chunk on its navigation, a live component's when
 * a page shows it), so none is compiled for nothing. Browsers without the hint read a comment.
 *
 * Rolldown writes it on a line of its own (`output.postBanner`: after minification, which would drop a comment).
 * The hint is the same in every build, so the chunks' names still change exactly when their code does.
 * Prepending it from a `generateBundle` hook, as before, made the bundler hand every chunk's code to JavaScript
 * and take it back (~7 MB of strings each way on the scale corpus, ~0.35 s of the main thread).
 */
export const compileHints = (): Plugin => ({
  name: 'komodo-journeys:compile-hints',
  apply: 'build',
  // VuePress builds the client and the server apart; only the client's chunks reach a browser.
  config: (config) => (isServerBuild(config) ? undefined : { build: { rolldownOptions: { output: { postBanner: COMPILE_HINT } } } }),
})
