/** The `vuepress dev` mount: the plugin's Vite middleware answers /rpc and /healthz on a real Vite server. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type PluginOption, type ViteDevServer } from 'vite'
import { chainMountPlugin } from '../../../.vuepress/plugins/chainMount.ts'
import { post, request } from './support.ts'

let vite: ViteDevServer
let base = ''
let root = ''
const savedLevel = process.env.GATEWAY_LOG_LEVEL

type Hook = (options: { viteOptions?: { plugins?: unknown[] } }, app: { env: { isDev: boolean } }) => void

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
  vite = await createServer({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins: vitePluginsFor(true) as PluginOption[],
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  })
  await vite.listen()
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
    const mod = await request('GET', `${base}/protocol/client.ts`)
    expect(mod.status).toBe(200)
    expect(mod.text).toContain('answer')
  })
})
