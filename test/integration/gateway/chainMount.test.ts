/** The `vuepress dev` mount: the plugin's Vite middleware answers /rpc and /healthz on a real Vite server. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type net from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type PluginOption, type ViteDevServer } from 'vite'
import { chainMountPlugin } from '../../../.vuepress/plugins/chainMount.ts'
import { askRaw, connectRaw, post, request } from './support.ts'

let vite: ViteDevServer
let base = ''
let root = ''
const savedLevel = process.env.GATEWAY_LOG_LEVEL

type Hook = (options: { viteOptions?: { plugins?: unknown[] } }, app: { env: { isDev: boolean } }) => void

async function viteWithMount(): Promise<ViteDevServer> {
  const server = await createServer({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins: vitePluginsFor(true) as PluginOption[],
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  })
  await server.listen()
  return server
}

function vitePluginsFor(isDev: boolean): unknown[] {
  const options: { viteOptions?: { plugins?: unknown[] } } = {}
  ;(chainMountPlugin({ dataDir: null }).extendsBundlerOptions as unknown as Hook)(options, { env: { isDev } })
  return options.viteOptions?.plugins ?? []
}

beforeAll(async () => {
  process.env.GATEWAY_LOG_LEVEL = 'silent'
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kj-vite-'))
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>dev</title>')
  // Source modules are served by Vite in dev; they never share the gateway's /rpc prefix.
  fs.mkdirSync(path.join(root, 'protocol'))
  fs.writeFileSync(path.join(root, 'protocol', 'client.ts'), 'export const answer: number = 42\n')
  vite = await viteWithMount()
  base = `http://127.0.0.1:${(vite.httpServer!.address() as AddressInfo).port}`
})

afterAll(async () => {
  await vite?.close()
  fs.rmSync(root, { recursive: true, force: true })
  if (savedLevel === undefined) delete process.env.GATEWAY_LOG_LEVEL
  else process.env.GATEWAY_LOG_LEVEL = savedLevel
})

describe('chainMountPlugin', () => {
  it('adds nothing to a production build', () => {
    expect(vitePluginsFor(false)).toEqual([])
  })

  it('answers /rpc with the devchain and refuses dumpprivkey', async () => {
    const info = await post(`${base}/rpc`, '{"method":"getinfo","params":[]}')
    expect(info.status).toBe(200)
    expect(info.json).toMatchObject({ error: null, result: { name: 'DOCS' } })
    const refused = await post(`${base}/rpc`, '{"method":"dumpprivkey","params":["R"]}')
    expect(refused.status).toBe(403)
    const reader = await post(`${base}/rpc/reader`, '{"method":"getblockcount"}')
    expect(reader.status).toBe(200)
    expect((await request('GET', `${base}/healthz`)).status).toBe(200)
    expect((await request('GET', `${base}/rpc/meta`)).json).toMatchObject({ kind: 'devchain', profile: 'local' })
  })

  it('leaves every other path to Vite', async () => {
    const page = await request('GET', `${base}/`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('<title>dev</title>')
    // The page says /rpc answers here, so the default chain is "this site" (protocol/rpcMark.ts).
    expect(page.headers['server-timing']).toBe('kj-rpc')
    const mod = await request('GET', `${base}/protocol/client.ts`)
    expect(mod.status).toBe(200)
    expect(mod.text).toContain('answer')
  })
})

describe('chainMountPlugin connection caps', () => {
  it('applies GATEWAY_MAX_CONNECTIONS and the per-client cap to Vite\'s server', async () => {
    const saved = { max: process.env.GATEWAY_MAX_CONNECTIONS, per: process.env.GATEWAY_CONNECTIONS_PER_CLIENT }
    process.env.GATEWAY_MAX_CONNECTIONS = '40'
    process.env.GATEWAY_CONNECTIONS_PER_CLIENT = '2'
    const capped = await viteWithMount()
    const port = (capped.httpServer!.address() as AddressInfo).port
    const connect = () => connectRaw(port)
    const ask = (s: net.Socket, path: string) => askRaw(s, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`)
    const sockets: net.Socket[] = []
    try {
      // The caps are attached once the chain is up: wait for it on a connection that closes after one answer.
      const first = await connect()
      expect(await ask(first, '/healthz')).toBe('HTTP/1.1 200 OK')
      first.destroy()
      await new Promise((r) => setTimeout(r, 50))
      expect(capped.httpServer!.maxConnections).toBe(40)
      const [a, b, c] = [await connect(), await connect(), await connect()]
      sockets.push(a, b, c)
      expect(await ask(c, '/rpc/meta')).toBe('closed')
      expect(await ask(a, '/rpc/meta')).toBe('HTTP/1.1 200 OK')
      // The cap counts every connection to the dev server, pages as well as /rpc.
      expect(await ask(b, '/')).toBe('HTTP/1.1 200 OK')
      a.destroy()
      await new Promise((r) => setTimeout(r, 50))
      const d = await connect()
      sockets.push(d)
      expect(await ask(d, '/rpc/meta')).toBe('HTTP/1.1 200 OK')
    } finally {
      for (const s of sockets) s.destroy()
      await capped.close()
      for (const [k, v] of [['GATEWAY_MAX_CONNECTIONS', saved.max], ['GATEWAY_CONNECTIONS_PER_CLIENT', saved.per]] as const) {
        if (v === undefined) delete process.env[k]
        else process.env[k] = v
      }
    }
  })
})
