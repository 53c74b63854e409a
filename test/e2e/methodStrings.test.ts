/**
 * A Chinese journey page shows getinfo's summary in Chinese: the server sends English, the client
 * loads the zh method strings after hydration and swaps them in without a hydration mismatch.
 */
import type { BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { getMethod } from '../../modules/catalog.ts'
import zhReference from '../../locales/zh/reference.json'
import { startServer, type RunningServer } from '../../server/start.ts'
import { launchBrowser } from '../support/browser.ts'
import { sharedDist } from '../support/site.ts'

const ROUTE = '/zh/journeys/your-own-chain.html'
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

it('a zh journey page shows the Chinese summary of getinfo', async () => {
  const english = getMethod('getinfo')!.summary
  const chinese = (zhReference as { methods: Record<string, { summary?: string }> }).methods.getinfo.summary!
  expect(chinese).not.toBe(english)

  // The server render is English; the translation is the client's job.
  const html = await (await fetch(`${server.url}${ROUTE}`)).text()
  expect(html).toContain(`<span class="kj-summary">${english}</span>`)

  const page = await browser.newPage()
  const logged: string[] = []
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') logged.push(m.text()) })
  await page.goto(`${server.url}${ROUTE}`, { waitUntil: 'networkidle' })
  const summary = page.locator('.kj-rpc[data-method="getinfo"] .kj-summary').first()
  // A live component hydrates as the reader nears it (hydrateInTurn.ts): the reader scrolls to it.
  await summary.scrollIntoViewIfNeeded()
  await expect.poll(() => summary.textContent(), { timeout: 30_000, interval: 100 }).toBe(chinese)
  // The translation swap must never make the server and client renders disagree. (Components see the
  // shared chain and journey state only after they mount, so its changes cannot cause one either.)
  expect(logged.filter((t) => /mismatch/i.test(t))).toEqual([])
  await page.close()
})
