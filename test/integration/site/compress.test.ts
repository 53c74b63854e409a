import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../../server/start.ts'
import { ROOT } from '../../support/site.ts'

let dist: string
let server: RunningServer
const asset = 'console.log("komodo journeys");\n'.repeat(400)

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'kj-compress-'))
  fs.mkdirSync(path.join(dist, 'assets'))
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>home</title>')
  fs.writeFileSync(path.join(dist, '404.html'), '<!doctype html><title>404</title>')
  fs.writeFileSync(path.join(dist, 'assets/app-abc123.js'), asset)
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/compress.mjs')], { env: { ...process.env, KJ_DIST: dist }, encoding: 'utf8' })
  expect(r.status, r.stderr).toBe(0)
  server = await startServer({ dist, port: 0, host: '127.0.0.1', gateway: false })
})
afterAll(async () => {
  await server?.close()
})

/** Raw bytes and headers: fetch would undo the encoding under test. */
const get = (url: string, encoding: string) =>
  new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
    http.get(url, { headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }))
    }).on('error', reject)
  })

describe('npm start serves the build compressed', () => {
  it('writes brotli and gzip twins only for files worth compressing', () => {
    expect(fs.existsSync(path.join(dist, 'assets/app-abc123.js.br'))).toBe(true)
    expect(fs.existsSync(path.join(dist, 'assets/app-abc123.js.gz'))).toBe(true)
    expect(fs.existsSync(path.join(dist, 'index.html.br'))).toBe(false)
  })

  it('answers with the encoding the browser accepts, and the same bytes once decoded', async () => {
    const url = `${server.url}/assets/app-abc123.js`
    const br = await get(url, 'br')
    expect(br.encoding).toBe('br')
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(asset)
    const gz = await get(url, 'gzip')
    expect(gz.encoding).toBe('gzip')
    expect(zlib.gunzipSync(gz.body).toString()).toBe(asset)
    const plain = await get(url, 'identity')
    expect(plain.encoding).toBeUndefined()
    expect(plain.body.toString()).toBe(asset)
  })
})
