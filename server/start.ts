/**
 * `npm start`: one Node process that serves the built site (and, once mounted, `/rpc`) on $PORT.
 */
import http from 'node:http'
import path from 'node:path'
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import sirv from 'sirv'

export interface StartOptions {
  /** Folder of the built site. @default process.env.KJ_DIST || '.vuepress/dist' */
  dist?: string
  /** @default Number(process.env.PORT) || 8080 */
  port?: number
  /** @default process.env.HOST || '127.0.0.1' */
  host?: string
}

export interface RunningServer {
  url: string
  close(): Promise<void>
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const dist = path.resolve(ROOT, options.dist ?? process.env.KJ_DIST ?? '.vuepress/dist')
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    throw new Error(`No built site in ${dist}: run \`npm run build\` first.`)
  }
  const notFound = fs.readFileSync(path.join(dist, '404.html'))
  const statics = sirv(dist, {
    etag: true,
    // Hashed assets never change under one name; HTML must be revalidated so a deploy shows at once.
    setHeaders: (res, pathname) => {
      res.setHeader('Cache-Control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache')
    },
  })
  const server = http.createServer((req, res) => {
    statics(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' })
      res.end(notFound)
    })
  })
  const port = options.port ?? (Number(process.env.PORT) || 8080)
  const host = options.host ?? process.env.HOST ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, resolve)
  })
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  return {
    url: `http://${host}:${actualPort}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  startServer()
    .then((s) => console.log(`Komodo Journeys on ${s.url}`))
    .catch((err: Error) => {
      console.error(err.message)
      process.exit(1)
    })
}
