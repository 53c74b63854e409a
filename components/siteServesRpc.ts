/**
 * Whether the server of this page answers `/rpc`, from the mark `npm start` and `vuepress dev` put on
 * the pages they serve (protocol/rpcMark.ts): a plain static host has none, so the
 * default chain is decided without a request that could only fail there.
 */
import { RPC_SERVER_TIMING } from '../protocol/rpcMark.ts'

/** The part of `performance` read here (injected in tests). */
export interface NavigationTimingSource {
  getEntriesByType(type: 'navigation'): ArrayLike<{ serverTiming?: ArrayLike<{ name: string }> }>
}

/**
 * true when the page's own response carried the mark, false when it carried none, null when this
 * browser cannot tell (no Navigation Timing, or `serverTiming` withheld outside a secure context):
 * then only a probe of `/rpc/meta` can.
 */
export function siteServesRpc(source: NavigationTimingSource | undefined = globalThis.performance as NavigationTimingSource | undefined): boolean | null {
  let timings: ArrayLike<{ name: string }> | undefined
  try {
    timings = source?.getEntriesByType?.('navigation')?.[0]?.serverTiming
  } catch {
    return null
  }
  if (!timings || typeof timings.length !== 'number') return null
  return Array.from(timings).some((t) => t.name === RPC_SERVER_TIMING)
}
