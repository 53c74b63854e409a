/**
 * Mounts the gateway in `vuepress dev`: a Vite `configureServer` middleware answers `/rpc*` and
 * `/healthz` before Vite's own handlers, with the upstream from the environment (the devchain in
 * `.devchain/` by default). `vuepress build` never loads any server code.
 *
 * The gateway is loaded through tsx at dev-server start rather than imported here, so the config
 * bundle VuePress builds stays small and the devchain's files keep their own paths.
 */
import type { PluginObject } from 'vuepress/core'
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http'
import { tsImport } from 'tsx/esm/api'
import { RPC_MARK_HEADER } from '../../protocol/rpcMark.ts'

type GatewayModule = typeof import('../../server/gateway/index.ts')
type Gateway = Awaited<ReturnType<GatewayModule['createGatewayFromEnv']>>

export interface ChainMountPluginOptions {
  /**
   * Devchain data directory when no KOMODO_NODES is set; null keeps the chain in memory.
   * @default process.env.DEVCHAIN_DATA || '.devchain'
   */
  dataDir?: string | null
  /**
   * Answer clients that are not on this machine. The dev profile is `local` (wallet, mining), so
   * this stays off unless the environment says GATEWAY_DEV_ALLOW_REMOTE=1.
   * @default false
   */
  allowRemote?: boolean
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/

// No source folder is named rpc/ (the contract lives in protocol/), so /rpc belongs to the gateway alone.
const isGatewayPath = (url: string | undefined): boolean => {
  const path = (url ?? '').split('?')[0]
  return path === '/rpc' || path.startsWith('/rpc/') || path === '/healthz'
}

function refuse(res: ServerResponse, status: number, message: string): void {
  const body = JSON.stringify({ result: null, error: { code: -32603, message }, id: null }) + '\n'
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

export function chainMountPlugin(options: ChainMountPluginOptions = {}): PluginObject {
  const allowRemote = options.allowRemote ?? process.env.GATEWAY_DEV_ALLOW_REMOTE === '1'
  return {
    name: 'komodo-journeys:chain-mount',
    extendsBundlerOptions(bundlerOptions: { viteOptions?: { plugins?: unknown[] } }, app) {
      if (!app.env.isDev) return
      let closeChain = (): Promise<void> => Promise.resolve()
      bundlerOptions.viteOptions ??= {}
      bundlerOptions.viteOptions.plugins = [
        ...(bundlerOptions.viteOptions.plugins ?? []),
        {
          name: 'komodo-journeys:gateway',
          // Vite awaits this when the dev server closes, and VuePress restarts it (a config or locale edit) only after:
          // the next chain opens the data directory once this one has let go of it.
          buildEnd: () => closeChain(),
          configureServer(server: {
            middlewares: { use(fn: (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void): void }
            httpServer: HttpServer | null
          }) {
            const ready: Promise<Gateway> = tsImport('../../server/gateway/index.ts', import.meta.url).then(async (mod: GatewayModule) => {
              const gateway = await mod.createGatewayFromEnv({ devchainDataDir: options.dataDir === undefined ? undefined : options.dataDir })
              // The same connection caps as `npm start` (GATEWAY_MAX_CONNECTIONS, GATEWAY_CONNECTIONS_PER_CLIENT), on
              // Vite's own server: the dev mount serves the wallet too, so one client must not hold every socket.
              if (server.httpServer) gateway.attach(server.httpServer)
              return gateway
            })
            // Start-up failures surface on the first /rpc call, not as an unhandled rejection.
            ready.catch(() => {})
            closeChain = () => ready.then((g) => g.close()).catch(() => {})
            server.httpServer?.once('close', () => void closeChain())
            server.middlewares.use((req, res, next) => {
              if (!isGatewayPath(req.url)) {
                // Pages say that /rpc answers here (protocol/rpcMark.ts).
                res.setHeader(...RPC_MARK_HEADER)
                return next()
              }
              if (!allowRemote && !LOOPBACK.test(req.socket.remoteAddress ?? '')) {
                return refuse(res, 403, 'The dev gateway only answers this machine')
              }
              ready.then(
                (gateway) => gateway.handle(req, res, next),
                (err: unknown) => refuse(res, 503, `Chain not started: ${err instanceof Error ? err.message : 'unknown error'}`),
              )
            })
          },
        },
      ]
    },
  }
}
