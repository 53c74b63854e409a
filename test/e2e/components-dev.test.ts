/**
 * The live components under `vuepress dev`, with the gateway mounted by the chain-mount plugin
 * and a fresh devchain in a temporary data directory: the demo journey runs end to end.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artifactPath, launchBrowser } from '../support/browser.ts'
import { ROOT } from '../support/site.ts'
import { startDevServer, type DevServer } from '../support/devServer.ts'
import { axeSeriousViolations, runDemoJourney } from './componentsFlow.ts'

let dev: DevServer
let base: string
let browser: BrowserContext
let page: Page
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kj-dev-'))

beforeAll(async () => {
  dev = await startDevServer(ROOT, scratch)
  base = dev.base
  browser = await launchBrowser()
  page = await browser.newPage()
  // Vite optimizes dependencies on the first visit and may reload the page once: warm it up.
  await page.goto(`${base}/guides/components.html`, { waitUntil: 'networkidle', timeout: 180_000 })
  await page.waitForTimeout(2000)
})

afterAll(async () => {
  await browser?.close()
  await dev?.stop()
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
