/**
 * Walking a journey page as a reader would, shared by every journey's e2e file: a fresh in-memory
 * chain behind the real gateway and `npm start` server per walk, each Run/Mine/Send clicked in page
 * order, and the replies read back.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, type ExpectStatic } from 'vitest'
import { discoverLocales } from '../../.vuepress/locales/discover.ts'
import { createGatewayFromEnv } from '../../server/gateway/index.ts'
import { startServer, type RunningServer } from '../../server/start.ts'
import { artifactPath, launchBrowser } from './browser.ts'
import { sharedDist } from './site.ts'

const SETTLED = ['done', 'failed', 'recorded']
let dist: string
let browser: BrowserContext

/** Builds (or reuses) the site and opens Chromium for the calling test file. */
export function useJourneyBrowser(): void {
  beforeAll(async () => {
    dist = sharedDist()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })
}

export interface WithChainOptions {
  /** More gateway/devchain environment, e.g. `DEVCHAIN_SEED` or `GATEWAY_CORS_ORIGINS`. */
  env?: Record<string, string>
}

export async function withChain<T>(fn: (url: string, page: Page) => Promise<T>, options: WithChainOptions = {}): Promise<T> {
  const gateway = await createGatewayFromEnv({
    devchainDataDir: null,
    env: { GATEWAY_LOG_LEVEL: 'silent', GATEWAY_RATE_PER_SEC: '0', ...options.env },
  })
  const server: RunningServer = await startServer({ dist, port: 0, host: '127.0.0.1', gateway })
  const page = await browser.newPage()
  try {
    return await fn(server.url, page)
  } finally {
    await page.close()
    await server.close()
  }
}

/** Every request a page made, as the browser sent it (the page's own and its workers'). */
export interface SentRequest {
  method: string
  url: string
}

/**
 * The built site on a plain static server, with no /rpc (as on any static host), so the journeys
 * run on the in-page chain; `sent` collects every request the page and its workers make.
 */
export async function withStaticSite<T>(fn: (url: string, page: Page, sent: SentRequest[]) => Promise<T>): Promise<T> {
  const server: RunningServer = await startServer({ dist, port: 0, host: '127.0.0.1', gateway: false })
  const page = await browser.newPage()
  const sent: SentRequest[] = []
  page.on('request', (r) => sent.push({ method: r.method(), url: r.url() }))
  try {
    return await fn(server.url, page, sent)
  } finally {
    await page.close()
    await server.close()
  }
}

/** What left the page other than a same-origin GET of a static file: nothing may, not even a probe of /rpc. */
export function leftTheBrowser(sent: SentRequest[], origin: string): SentRequest[] {
  return sent.filter((r) => {
    const u = new URL(r.url)
    if (u.protocol === 'data:' || u.protocol === 'blob:') return false
    return r.method !== 'GET' || u.origin !== origin || u.pathname === '/rpc' || u.pathname.startsWith('/rpc/')
  })
}

/**
 * A walk on the in-page chain of a static host, as issue 14's "Done when" asks: the picker shows the
 * in-page chain, no part ended `recorded`, and nothing left the browser. `check`: as for runPart.
 */
export async function expectAllInPage(page: Page, sent: SentRequest[], origin: string, check: ExpectStatic = expect): Promise<void> {
  check(await page.locator('.kj-picker').getAttribute('data-chain')).toBe('page')
  check(await page.locator('[data-state="recorded"]').count()).toBe(0)
  check(leftTheBrowser(sent, origin)).toEqual([])
}

/** The browser the calling file opened (useJourneyBrowser), for a page of its own. */
export const journeyBrowser = (): BrowserContext => browser

/**
 * Clicks the part's action and waits until it settles; returns its final state. `check` is the
 * test's own `expect` in a concurrent test (the global one cannot tell which test is running).
 */
export async function runPart(part: Locator, check: ExpectStatic = expect): Promise<string> {
  // A click that lands while a lazily loaded component is still hydrating does nothing; a reader
  // would click again, and so does the walk (only while the part has not started).
  for (let attempt = 0; attempt < 5; attempt++) {
    await part.locator('.kj-run').first().click()
    const started = await check.poll(async () => part.getAttribute('data-state'), { timeout: 5_000, interval: 100 })
      .not.toBe('idle').then(() => true, () => false)
    if (started) break
  }
  await check.poll(async () => part.getAttribute('data-state'), { timeout: 120_000, interval: 100 })
    .toSatisfy((s: string | null) => s !== null && SETTLED.includes(s))
  return (await part.getAttribute('data-state'))!
}

/** Walks every step of the journey on the page, in order; returns each step's final state. `check`: as for runPart. */
export async function walk(page: Page, url: string, check: ExpectStatic = expect): Promise<string[]> {
  await page.goto(url, { waitUntil: 'networkidle' })
  await page.waitForFunction(() => Boolean((document.querySelector('#app') as { __vue_app__?: unknown } | null)?.__vue_app__))
  await page.locator('.kj-chain-status[data-online="true"], .kj-journey').first().waitFor()
  const steps = page.locator('.kj-step')
  const states: string[] = []
  for (let i = 0; i < (await steps.count()); i++) {
    const step = steps.nth(i)
    const parts = step.locator('.kj-rpc, .kj-mine, .kj-clock, .kj-broadcast, .kj-oracle-data, .kj-oracle-samples')
    for (let j = 0; j < (await parts.count()); j++) await runPart(parts.nth(j), check)
    // A part can settle a moment before its step does (MineBlocks reads the height after mining).
    await check.poll(async () => step.getAttribute('data-state'), { timeout: 30_000, interval: 100 })
      .not.toBe('running').catch(() => undefined)
    states.push((await step.getAttribute('data-state')) ?? 'missing')
  }
  return states
}

export const replyOf = (page: Page, method: string, nth = 0) =>
  page.locator(`.kj-rpc[data-method="${method}"]`).nth(nth).locator('.kj-json pre').textContent()

/** Every locale's path prefix ('/', '/zh/', …). */
export const localePrefixes = Object.keys(discoverLocales().site)

/** A locale's short name from its path prefix: 'en' for '/', 'zh' for '/zh/' (screenshot names, seeds). */
export const localeTag = (prefix: string): string => (prefix === '/' ? 'en' : prefix.slice(1, -1))

/** Where a journey's final-state screenshot goes, per locale. */
export const journeyShot = (prefix: string, name: string) => artifactPath(`journey-${name}-${localeTag(prefix)}.png`)
