/** Real parts for the gateway's integration tests: devchains, their HTTP face, gateways on 127.0.0.1:0. */
import http from 'node:http'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { createDevchainCore } from '../../support/devchain.ts'
import { createHttpServer } from '../../../server/chain/http.ts'
import type { DevchainCore } from '../../../devchain/index.ts'
import type { Gateway, GatewayOptions } from '../../../server/gateway/index.ts'
import { createGateway, createLogger } from '../../../server/gateway/index.ts'

export const RPC_USER = 'journeys-user-7f3a'
export const RPC_PASSWORD = 'S3cret-pass-9c1e4b7d'

export async function listen(server: http.Server, port = 0): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  return (server.address() as AddressInfo).port
}

export async function stop(server: http.Server): Promise<void> {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
}

/** A memory-only devchain with known RPC credentials. */
export function devchainCore(): Promise<DevchainCore> {
  return createDevchainCore({ dataDir: null, args: [`-rpcuser=${RPC_USER}`, `-rpcpassword=${RPC_PASSWORD}`] })
}

/** The devchain's komodod-compatible HTTP face: the "komodod over HTTP" upstream. */
export async function devchainHttp(core: DevchainCore, port = 0): Promise<{ server: http.Server; port: number }> {
  const server = createHttpServer(core)
  return { server, port: await listen(server, port) }
}

export interface RunningGateway {
  gateway: Gateway
  url: string
  logs: string[]
  close(): Promise<void>
}

/** A gateway on its own HTTP server, its pino lines captured. */
export async function startGateway(opts: Omit<GatewayOptions, 'logger'>): Promise<RunningGateway> {
  const logs: string[] = []
  const logger = createLogger('info', { write: (line: string) => void logs.push(line) })
  const gateway = createGateway({ ...opts, logger })
  const server = http.createServer((req, res) => gateway.handle(req, res))
  const port = await listen(server)
  return {
    gateway,
    url: `http://127.0.0.1:${port}`,
    logs,
    close: async () => {
      await stop(server)
      await gateway.close()
    },
  }
}

export interface Answer {
  status: number
  text: string
  json: unknown
  headers: http.IncomingHttpHeaders
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 32 })

/** POST raw bytes (fetch would re-encode invalid UTF-8). */
export function post(url: string, body: string | Buffer, headers: http.OutgoingHttpHeaders = {}): Promise<Answer> {
  return request('POST', url, body, headers)
}

export function request(method: string, url: string, body?: string | Buffer, headers: http.OutgoingHttpHeaders = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers: { 'content-type': 'text/plain', ...headers } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        let json: unknown
        try {
          json = JSON.parse(text)
        } catch {
          json = undefined
        }
        resolve({ status: res.statusCode ?? 0, text, json, headers: res.headers })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** A well-formed komodod error reply: exactly result, error{code:int,message:string}, id. */
export function isErrorReply(v: unknown): boolean {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false
  const r = v as Record<string, unknown>
  const keys = Object.keys(r)
  if (keys.length !== 3 || keys[0] !== 'result' || keys[1] !== 'error' || keys[2] !== 'id') return false
  const e = r.error as Record<string, unknown> | null
  return r.result === null && !!e && Number.isInteger(e.code) && typeof e.message === 'string' && Object.keys(e).length === 2
}

/** A raw TCP connection to 127.0.0.1:port, for tests of what a server does with sockets. */
export function connectRaw(port: number): Promise<net.Socket> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => resolve(s))
    s.on('error', () => {})
  })
}

/** Writes one raw HTTP request; resolves with the status line, or "closed" when the server hung up first. */
export function askRaw(s: net.Socket, request: string): Promise<string> {
  return new Promise((resolve) => {
    let got = ''
    s.on('data', (d) => {
      got += d.toString()
      if (got.includes('\r\n')) resolve(got.split('\r\n')[0])
    })
    s.on('close', () => resolve(got ? got.split('\r\n')[0] : 'closed'))
    s.write(request)
  })
}
