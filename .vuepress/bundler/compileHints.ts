import type { Plugin } from 'vite'

/** V8's explicit compile hint (Chrome 136+): compile every function of the file while it streams in. */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n'

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
 * Added after minification, which would drop the comment; the file names' content hashes are taken before,
 * and the hint is the same for every build, so they still change exactly when the code does.
 */
export const compileHints = (): Plugin => ({
  name: 'komodo-journeys:compile-hints',
  apply: 'build',
  generateBundle: {
    order: 'post',
    handler(_, bundle) {
      if (this.environment.config.consumer !== 'client') return
      for (const chunk of Object.values(bundle))
        if (chunk.type === 'chunk' && !chunk.code.startsWith(COMPILE_HINT)) chunk.code = COMPILE_HINT + chunk.code
    },
  },
})
