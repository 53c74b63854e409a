/**
 * `/openrpc.json`: the method catalog as an OpenRPC document (protocol/openrpc.ts), written beside the pages by
 * `vuepress build` (so `npm start` and any static host serve it) and answered by `vuepress dev`.
 */
import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Plugin } from 'vuepress/core'
import type { MethodSpec } from '../../protocol/catalog.ts'
import { toOpenRpc } from '../../protocol/openrpc.ts'

export const OPENRPC_PATH = '/openrpc.json'

export interface OpenRpcPluginOptions {
  /** The methods to describe: the whole catalog. */
  methods: readonly MethodSpec[]
  /** The document's `info.version`. */
  version: string
}

export const openRpcDocumentText = ({ methods, version }: OpenRpcPluginOptions): string =>
  `${JSON.stringify(toOpenRpc(methods, {
    title: 'komodod JSON-RPC, as Komodo Journeys knows it',
    version,
    description: 'Every method of this site\'s catalog with komodod\'s positional params, results and error codes. ' +
      'x-safety is the class the gateway\'s profiles allow or refuse; x-devchain-only methods exist only on the devchain.',
  }), null, 2)}\n`

export const openRpcPlugin = (options: OpenRpcPluginOptions): Plugin => ({
  name: 'komodo-journeys:openrpc',
  extendsBundlerOptions(bundlerOptions: { viteOptions?: { plugins?: unknown[] } }, app) {
    if (!app.env.isDev) return
    bundlerOptions.viteOptions ??= {}
    bundlerOptions.viteOptions.plugins = [
      ...(bundlerOptions.viteOptions.plugins ?? []),
      {
        name: 'komodo-journeys:openrpc',
        configureServer(server: { middlewares: { use(fn: (req: IncomingMessage, res: ServerResponse, next: () => void) => void): void } }) {
          server.middlewares.use((req, res, next) => {
            if ((req.url ?? '').split('?')[0] !== OPENRPC_PATH) return next()
            res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*' })
            res.end(openRpcDocumentText(options))
          })
        },
      },
    ]
  },
  onGenerated: (app) => fs.writeFileSync(app.dir.dest(OPENRPC_PATH.slice(1)), openRpcDocumentText(options)),
})
