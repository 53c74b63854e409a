import type { Plugin } from 'vite'

const STUB = '\0kj-ssr-worker-url'

/** `./x.ts?worker&url` (in any order of the two). */
const isWorkerUrl = (source: string): boolean => {
  const query = source.includes('?') ? new URLSearchParams(source.slice(source.indexOf('?') + 1)) : null
  return !!query && query.has('worker') && query.has('url')
}

/**
 * The server build's `?worker&url` imports, as an empty URL.
 *
 * Vite bundles a worker once per build configuration, and VuePress builds the client and the server
 * apart, so the in-page chain's worker (the whole engine, ≈650 KB) was bundled twice. The server never starts a worker (client.ts creates it in the browser only), so
 * its build gets the URL as `''` and bundles nothing; the client build is untouched.
 */
export const ssrWorkerStub = (): Plugin => ({
  name: 'komodo-journeys:ssr-worker-stub',
  apply: 'build',
  enforce: 'pre',
  // Hook filters: the bundler calls these only for worker imports and the stub, not for every module.
  resolveId: {
    filter: { id: /[?&]worker(?:[&=]|$)/ },
    handler(source) {
      if (this.environment.config.consumer !== 'server' || !isWorkerUrl(source)) return null
      return STUB
    },
  },
  load: {
    filter: { id: new RegExp(`^${STUB}$`) },
    handler(id) {
      return id === STUB ? 'export default ""' : null
    },
  },
})
