/**
 * `npm start`: one Node process on $PORT (default 8080, host $HOST or 127.0.0.1) that serves the
 * built site from `.vuepress/dist` and the gateway's `/rpc`, `/rpc/<node>`, `/rpc/meta`, `/healthz`.
 * The upstream comes from the environment (see server/gateway/config.ts): the in-process devchain
 * by default, komodod when KOMODO_NODES is set.
 */
import http from 'node:http'
import path from 'node:path'
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import sirv from 'sirv'
import type { Gateway } from './gateway/index.ts'
import { createGatewayFromEnv } from './gateway/index.ts'
import { RPC_MARK_HEADER } from '../protocol/rpcMark.ts'

export interface StartOptions {
  /** Folder of the built site. @default process.env.KJ_DIST || '.vuepress/dist' */
  dist?: string
  /** 0 picks a free port. @default Number(process.env.PORT) || 8080 */
  port?: number
  /** @default process.env.HOST || '127.0.0.1' */
  host?: string
  /**
   * The gateway to mount. @default one built from the environment; its devchain (when no
   * KOMODO_NODES) lives in DEVCHAIN_DATA or `.devchain/`. Pass `false` for a static-only server.
   */
  gateway?: Gateway | false
  /** The devchain's log is damaged: keep a copy and start at its last good record (`npm start -- --recover`). */
  recover?: boolean
}

export interface RunningServer {
  url: string
  gateway: Gateway | null
  close(): Promise<void>
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Vite names built assets `name-<hash>.ext` under /assets/: those never change under one name. */
const HASHED_ASSET = /^\/assets\/.+[.-][\w-]{8,}\.\w+$/
/** How long `close()` lets running requests finish before it cuts the connections left. */
const CLOSE_GRACE_MS = 2_000

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const dist = path.resolve(ROOT, options.dist ?? process.env.KJ_DIST ?? '.vuepress/dist')
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    throw new Error(`No built site in ${dist}: run \`npm run build\` first.`)
  }
  const notFound = fs.readFileSync(path.join(dist, '404.html'))
  const statics = sirv(dist, {
    etag: true,
    // `npm run build` writes .br/.gz beside each asset; sirv picks one by Accept-Encoding.
    brotli: true,
    gzip: true,
    // Hashed assets are cached for a year; everything else (HTML above all) is revalidated on each
    // visit so a deploy shows at once.
    setHeaders: (res, pathname) => {
      res.setHeader('Cache-Control', HASHED_ASSET.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache')
    },
  })
  const gateway = options.gateway === false ? null : (options.gateway ?? (await createGatewayFromEnv(options.recover ? { devchainRecover: true } : {})))
  const serveStatic = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    statics(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' })
      res.end(req.method === 'HEAD' ? undefined : notFound)
    })
  }
  const server = http.createServer((req, res) => {
    if (gateway) {
      gateway.handle(req, res, () => {
        // Pages say that /rpc answers here (protocol/rpcMark.ts); a static host's pages do not.
        res.setHeader(...RPC_MARK_HEADER)
        serveStatic(req, res)
      })
    } else serveStatic(req, res)
  })
  // maxConnections and the per-client connection cap (GATEWAY_MAX_CONNECTIONS, GATEWAY_CONNECTIONS_PER_CLIENT).
  gateway?.attach(server)
  // Slow-loris guards: a request must arrive whole within these limits.
  server.headersTimeout = 20_000
  server.requestTimeout = 60_000
  const envPort = process.env.PORT?.trim()
  const port = options.port ?? (envPort ? Number(envPort) : 8080)
  const host = options.host ?? process.env.HOST ?? '127.0.0.1'
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, host, resolve)
    })
  } catch (e) {
    await gateway?.close()
    throw e
  }
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  const shownHost = host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${shownHost}:${actualPort}`,
    gateway,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      // A socket a browser opened ahead of need has no request yet, so it is not idle, and close() would
      // wait minutes for its timeouts: requests still running get a moment to finish, then what is left is cut.
      const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS)
      await closed
      clearTimeout(cut)
      await gateway?.close()
    },
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // `npm start -- --recover`: the devchain's log is damaged; keep a copy and start at its last good record.
  startServer({ recover: process.argv.includes('--recover') })
    .then((s) => {
      console.log(JSON.stringify({ msg: `Komodo Journeys on ${s.url}`, backend: s.gateway?.upstream.kind, profile: s.gateway?.policy.profile }))
      const stop = (): void => {
        s.close().then(() => process.exit(0), () => process.exit(1))
      }
      process.once('SIGTERM', stop)
      process.once('SIGINT', stop)
    })
    .catch((err: Error) => {
      console.error(err.message)
      process.exit(1)
    })
}
