/**
 * A Chinese journey page speaks Chinese from the server render on, without its locale's whole tables in
 * its first load: getinfo's summary comes with the page's data (the build puts the texts of the methods a
 * page runs there), and the Faucet panel's strings come with the panel, before it hydrates. No hydration
 * mismatch either way.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { getMethod } from '../../modules/catalog.ts'
import zhReference from '../../locales/zh/reference.json'
import zhLocale from '../../locales/zh/locale.json'
import { startServer, type RunningServer } from '../../server/start.ts'
import { launchBrowser } from '../support/browser.ts'
import { sharedDist } from '../support/site.ts'

let server: RunningServer
let browser: BrowserContext

beforeAll(async () => {
  server = await startServer({ dist: sharedDist(), port: 0, host: '127.0.0.1', gateway: false })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** Proves Vue has taken the server's element over: pressing its first button changes what it shows. */
async function hydrated(page: Page, selector: string): Promise<void> {
  const el = page.locator(selector).first()
  const before = await el.innerHTML()
  await expect.poll(async () => {
    await el.locator('button').first().click()
    return await el.innerHTML()
  }, { timeout: 30_000, interval: 500 }).not.toBe(before)
}

/** Opens a route, collecting the scripts it loads and any console error or warning. */
async function open(route: string) {
  const page = await browser.newPage()
  const logged: string[] = []
  const scripts: string[] = []
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') logged.push(m.text()) })
  page.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname) })
  await page.goto(`${server.url}${route}`, { waitUntil: 'networkidle' })
  return { page, logged, scripts }
}

it('a zh journey page shows the Chinese summary of getinfo from the server render on', async () => {
  const route = '/zh/journeys/your-own-chain.html'
  const english = getMethod('getinfo')!.summary
  const chinese = (zhReference as { methods: Record<string, { summary?: string }> }).methods.getinfo.summary!
  expect(chinese).not.toBe(english)

  const html = await (await fetch(`${server.url}${route}`)).text()
  expect(html).toContain(`<span class="kj-summary">${chinese}</span>`)

  const { page, logged, scripts } = await open(route)
  const summary = page.locator('.kj-rpc[data-method="getinfo"] .kj-summary').first()
  // A live component hydrates as the reader nears it (lazyIsland.ts): the reader scrolls to it.
  await summary.scrollIntoViewIfNeeded()
  await hydrated(page, '.kj-rpc[data-method="getinfo"]')
  expect(await summary.textContent()).toBe(chinese)
  // The locale's table of every method's texts never loaded: the page brought its own.
  expect(scripts.filter((s) => /\/(reference|methodTexts)-/.test(s))).toEqual([])
  expect(logged.filter((t) => /mismatch/i.test(t))).toEqual([])
  await page.close()
})

it('a zh page\'s module panel is Chinese in the server render and hydrates with its strings loaded after the page', async () => {
  const route = '/zh/guides/components.html'
  const title = (zhLocale as { ui: { faucet: { title: string } } }).ui.faucet.title
  const html = await (await fetch(`${server.url}${route}`)).text()
  expect(html).toContain(`class="kj-panel kj-faucet" aria-label="${title}"`)

  const { page, logged, scripts } = await open(route)
  const firstLoad = [...scripts]
  const panel = page.locator('.kj-faucet').first()
  await panel.scrollIntoViewIfNeeded()
  await hydrated(page, '.kj-faucet')
  expect(await panel.getAttribute('aria-label')).toBe(title)
  // The panel's code came when the reader neared it, not with the page.
  expect(firstLoad.some((s) => s.includes('/FaucetPanel-'))).toBe(false)
  expect(scripts.some((s) => s.includes('/FaucetPanel-'))).toBe(true)
  expect(logged.filter((t) => /mismatch/i.test(t))).toEqual([])
  await page.close()
})
