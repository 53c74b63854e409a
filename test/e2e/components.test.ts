/**
 * The live components in Chromium against `npm start` (gateway + in-memory devchain) and against
 * the same build served with no chain at all, where recorded replies must show.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createGatewayFromEnv } from '../../server/gateway/index.ts'
import { startServer, type RunningServer } from '../../server/start.ts'
import { artifactPath, launchBrowser } from '../support/browser.ts'
import { sharedDist } from '../support/site.ts'
import { axeSeriousViolations, DEMO, hostileTokenName, runDemoJourney } from './componentsFlow.ts'

let live: RunningServer
let offline: RunningServer
let browser: BrowserContext
let page: Page

beforeAll(async () => {
  const dist = sharedDist()
  const gateway = await createGatewayFromEnv({
    devchainDataDir: null,
    env: { GATEWAY_LOG_LEVEL: 'silent', GATEWAY_RATE_PER_SEC: '0' },
  })
  live = await startServer({ dist, port: 0, host: '127.0.0.1', gateway })
  offline = await startServer({ dist, port: 0, host: '127.0.0.1', gateway: false })
  browser = await launchBrowser()
  page = await browser.newPage()
})

afterAll(async () => {
  await browser?.close()
  await live?.close()
  await offline?.close()
})

describe('live components on npm start (gateway + devchain)', () => {
  it('runs RpcCall → MineBlocks → Broadcast end to end, keeps progress over a reload, and passes axe', async () => {
    await runDemoJourney(page, live.url)
    await page.screenshot({ path: artifactPath('components-live-en.png'), fullPage: true })
    expect(await axeSeriousViolations(page, ['.kj-journey', '.kj-chain-status', '.kj-panel', '.kj-mine'])).toEqual([])

    await page.reload()
    await page.locator('.kj-progress', { hasText: 'restored' }).waitFor()
    await expect(page.locator('#step-5').getAttribute('data-state')).resolves.toBe('done')
    await expect(page.locator('#step-5 .kj-json code').count()).resolves.toBe(0)
    // A step hydrates as the reader nears it (hydrateInTurn.ts); the reload keeps the scroll at the bottom.
    await page.locator('#step-4').scrollIntoViewIfNeeded()
    await expect(page.locator('#step-4 .kj-json code').textContent()).resolves.toContain('"hex"')

    // A deep link lands on its step.
    await page.goto(`${live.url}${DEMO}#step-4`)
    await page.locator('#step-4').waitFor()
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('step-4')
  })

  it('renders a token named <img src=x onerror=alert(1)> as text and runs nothing', async () => {
    const fresh = await browser.newPage()
    const r = await hostileTokenName(fresh, live.url)
    expect(r.dialogs).toEqual([])
    expect(r.shown).toBe('<img src=x onerror=alert(1)>')
    await fresh.screenshot({ path: artifactPath('components-xss.png'), fullPage: true })
    await fresh.close()
  })

  it('speaks the reader\'s language on the Chinese page', async () => {
    const zh = await browser.newPage()
    await zh.goto(`${live.url}/zh${DEMO}`)
    await zh.locator('#step-1 button.kj-run').click()
    await zh.locator('#step-1 [data-state="done"]').first().waitFor()
    await expect(zh.locator('#step-1 button.kj-run').textContent()).resolves.toBe('运行')
    await zh.screenshot({ path: artifactPath('components-live-zh.png'), fullPage: true })
    await zh.close()
  })
})

describe('the same build with no chain (static deployment)', () => {
  it('runs the steps on the in-page chain: live replies, outputs flowing, no call to /rpc', async () => {
    const p = await browser.newPage()
    // The default probe reads /rpc/meta; every JSON-RPC call must stay in the page.
    const posted: string[] = []
    p.on('request', (r) => { if (r.method() === 'POST' && new URL(r.url()).pathname.startsWith('/rpc')) posted.push(r.url()) })
    await p.goto(`${offline.url}${DEMO}`)
    await p.locator('#step-1 button.kj-run').click()
    await p.locator('#step-1 .kj-rpc[data-state="done"]').waitFor({ timeout: 60_000 })
    expect(await p.locator('#step-1 .kj-rpc[data-state="recorded"]').count()).toBe(0)
    // Outputs flow on the in-page chain too: the funding hex of step 4 reaches the broadcast of step 5.
    await p.locator('#step-4 button.kj-run').click()
    await p.locator('#step-4 .kj-rpc[data-state="done"]').waitFor({ timeout: 60_000 })
    await p.locator('#step-5 button.kj-run').click()
    await expect.poll(() => p.locator('#step-5 [data-field="txid"]').textContent(), { timeout: 60_000 }).toMatch(/^[0-9a-f]{64}$/)
    expect(posted).toEqual([])
    await p.screenshot({ path: artifactPath('components-offline-en.png'), fullPage: true })
    expect(await axeSeriousViolations(p, ['.kj-journey', '.kj-chain-status'])).toEqual([])

    await p.goto(`${offline.url}/zh${DEMO}`)
    await p.locator('#step-1 button.kj-run').click()
    await p.locator('#step-1 .kj-rpc[data-state="done"]').waitFor({ timeout: 60_000 })
    expect(posted).toEqual([])
    await p.screenshot({ path: artifactPath('components-offline-zh.png'), fullPage: true })
    await p.close()
  })
})
