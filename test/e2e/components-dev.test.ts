/**
 * The live components under `vuepress dev`, with the gateway mounted by the chain-mount plugin
 * and a fresh devchain in a temporary data directory: the demo journey runs end to end.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artifactPath, launchBrowser } from '../support/browser.ts'
import { ROOT } from '../support/site.ts'
import { axeSeriousViolations, runDemoJourney } from './componentsFlow.ts'

let dev: ChildProcess
let base: string
let browser: BrowserContext
let page: Page
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kj-dev-'))

async function freePort(): Promise<number> {
  const srv = net.createServer()
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r))
  const port = (srv.address() as net.AddressInfo).port
  await new Promise((r) => srv.close(r))
  return port
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 240_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vuepress dev exited (${child.exitCode}):\n${log()}`)
    try {
      const res = await fetch(`${url}/rpc/meta`)
      if (res.ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`vuepress dev did not answer /rpc/meta:\n${log()}`)
}

beforeAll(async () => {
  const port = await freePort()
  base = `http://127.0.0.1:${port}`
  let output = ''
  // Own temp and cache folders: other dev servers and builds on this tree must not collide with ours.
  dev = spawn(process.execPath, [
    path.join(ROOT, 'node_modules/vuepress/bin/vuepress.js'), 'dev', '--host', '127.0.0.1', '--port', String(port),
    '--temp', path.join(scratch, 'temp'), '--cache', path.join(scratch, 'cache'),
  ], {
    cwd: ROOT,
    env: { ...process.env, DEVCHAIN_DATA: path.join(scratch, 'chain'), GATEWAY_LOG_LEVEL: 'silent', GATEWAY_RATE_PER_SEC: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  dev.stdout!.on('data', (d) => (output += d))
  dev.stderr!.on('data', (d) => (output += d))
  await waitUntilUp(base, dev, () => output.slice(-3000))
  browser = await launchBrowser()
  page = await browser.newPage()
  // Vite optimizes dependencies on the first visit and may reload the page once: warm it up.
  await page.goto(`${base}/guides/components.html`, { waitUntil: 'networkidle', timeout: 180_000 })
  await page.waitForTimeout(2000)
})

afterAll(async () => {
  await browser?.close()
  if (dev && dev.exitCode === null) {
    dev.kill('SIGTERM')
    await new Promise((r) => dev.once('exit', r))
  }
  fs.rmSync(scratch, { recursive: true, force: true })
})

describe('live components on vuepress dev (chain mount)', () => {
  it('runs RpcCall → MineBlocks → Broadcast end to end against the mounted gateway', async () => {
    const meta = (await (await fetch(`${base}/rpc/meta`)).json()) as { backend?: { kind?: string }; kind?: string }
    expect(meta.backend?.kind ?? meta.kind).toBe('devchain')
    await runDemoJourney(page, base)
    await page.screenshot({ path: artifactPath('components-dev-en.png'), fullPage: true })
    expect(await axeSeriousViolations(page, ['.kj-journey', '.kj-chain-status'])).toEqual([])
  })
})
