/**
 * The mark a server that answers `/rpc` puts on every page it serves: a `Server-Timing` metric
 * (`Server-Timing: kj-rpc`), the one response header a page's scripts can read about their own
 * document (`performance.getEntriesByType('navigation')[0].serverTiming`). A page without it came
 * from a plain static host, so it sends no `GET /rpc/meta` that could only fail there
 * (components/siteServesRpc.ts). `npm start` (server/start.ts) and `vuepress dev`
 * (.vuepress/plugins/chainMount.ts) set it.
 */
export const RPC_SERVER_TIMING = 'kj-rpc'

/** The header, as a server sets it on a page's response. */
export const RPC_MARK_HEADER = ['Server-Timing', RPC_SERVER_TIMING] as const
