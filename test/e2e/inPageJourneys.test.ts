/**
 * The journeys on the in-page chain, as a reader of the published site gets them: the production
 * build on a plain static server with no /rpc, every step answered by the engine in a Web Worker.
 *
 * - Every journey (docs/journeys/*.md) in every locale, with no `?chain=`: the page must pick the
 *   in-page chain by itself, without a single request to /rpc (a static host's pages carry no
 *   `kj-rpc` mark). A journey whose own file already walks it on the in-page chain in every locale
 *   (journey-<name>.test.ts) is walked there, not twice. The walks share one browser and one static
 *   server, two at a time (the e2e project's maxConcurrency).
 * - Nothing leaves the browser: no POST, no request to another origin, none to /rpc.
 * - A reload keeps the chain, "New chain" starts another, a rewound step replays to the same txid.
 * - The engine's worker is prefetched once the page is loaded and idle, and only on a page with live parts.
 * - One engine: a seeded page and the Node devchain with DEVCHAIN_SEED give the same txids.
 * - Another origin: the page pointed at a gateway on another port works only when
 *   GATEWAY_CORS_ORIGINS allows the page's origin.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createGatewayFromEnv } from '../../server/gateway/index.ts'
import { startServer, type RunningServer } from '../../server/start.ts'
import { sharedDist } from '../support/site.ts'
import { expectAllInPage, journeyBrowser, journeyShot, leftTheBrowser, localePrefixes, localeTag, runPart, type SentRequest, useJourneyBrowser, walk, withChain, withStaticSite } from '../support/journeyWalk.ts'

useJourneyBrowser()

/** Every journey page (docs/journeys/*.md), so a new journey is walked here too. */
const JOURNEYS = readdirSync(new URL('../../docs/journeys/', import.meta.url)).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.slice(0, -3)).sort()
/** Journeys whose own e2e file walks them on the in-page chain of the static build in every locale. */
const OWN_FILE = JOURNEYS.filter((name) => {
  const file = new URL(`./journey-${name}.test.ts`, import.meta.url)
  if (!existsSync(file)) return false
  const text = readFileSync(file, 'utf8')
  return text.includes('withStaticSite') && text.includes('describe.each(localePrefixes)')
})
/** [locale prefix, journey] for every walk of this file. */
const WALKS: [string, string][] = localePrefixes.flatMap((prefix) => JOURNEYS.filter((n) => !OWN_FILE.includes(n)).map((name): [string, string] => [prefix, name]))
const TXID = /^[0-9a-f]{64}$/

const txids = async (page: Page): Promise<string[]> =>
  (await page.locator('.kj-broadcast [data-field="txid"]').allTextContents()).map((t) => t.trim()).filter((t) => TXID.test(t))

/**
 * Runs a part again and waits for its new answer. A part that already shows `done` may answer
 * within one poll, so its state change is watched from inside the page.
 */
async function rerunPart(part: Locator): Promise<string> {
  const changed = part.evaluate((el) => new Promise<void>((resolve) => {
    const watcher = new MutationObserver(() => {
      watcher.disconnect()
      resolve()
    })
    watcher.observe(el, { attributes: true, attributeFilter: ['data-state'] })
  }))
  await part.locator('.kj-run').first().click()
  await changed
  await expect.poll(() => part.getAttribute('data-state'), { timeout: 120_000, interval: 100 })
    .toSatisfy((s: string | null) => s !== null && s !== 'running' && s !== 'idle')
  return (await part.getAttribute('data-state'))!
}

/** Runs every part of step n again (after a reload or a rewind); each must end done. */
async function rerunStep(page: Page, n: number): Promise<void> {
  const parts = page.locator(`#step-${n}`).locator('.kj-rpc, .kj-mine, .kj-clock, .kj-broadcast')
  expect(await parts.count()).toBeGreaterThan(0)
  for (let j = 0; j < (await parts.count()); j++) expect(await rerunPart(parts.nth(j))).toBe('done')
}

const blocksOf = async (page: Page): Promise<number> => {
  const text = await page.locator('#step-1 .kj-rpc[data-method="getinfo"] .kj-json pre').textContent()
  return Number(/"blocks": (\d+)/.exec(text ?? '')?.[1] ?? NaN)
}

describe('every journey, in every locale, on the in-page chain of a static build', () => {
  // One static server for every walk; each walk has its own page (and its own seed, hence its own chain).
  let site: RunningServer
  beforeAll(async () => {
    site = await startServer({ dist: sharedDist(), port: 0, host: '127.0.0.1', gateway: false })
  })
  afterAll(async () => {
    await site?.close()
  })

  it('walks each journey here or in its own file', () => {
    expect(JOURNEYS.length).toBeGreaterThan(0)
    expect(new Set([...WALKS.map(([, n]) => n), ...OWN_FILE])).toEqual(new Set(JOURNEYS))
    expect(WALKS.length).toBe(localePrefixes.length * (JOURNEYS.length - OWN_FILE.length))
  })

  // test.for hands each walk its own test context: the `expect` a concurrent test must use.
  it.concurrent.for(WALKS)('%s%s: every step done, none recorded, no request to /rpc', { timeout: 300_000 }, async ([prefix, name], { expect }) => {
    const tag = localeTag(prefix)
    const page = await journeyBrowser().newPage()
    const sent: SentRequest[] = []
    page.on('request', (r) => sent.push({ method: r.method(), url: r.url() }))
    try {
      const states = await walk(page, `${site.url}${prefix}journeys/${name}.html?seed=inpage-${name}-${tag}`, expect)
      expect(states.length).toBeGreaterThan(0)
      expect(states.every((s) => s === 'done'), states.join()).toBe(true)
      if (prefix !== '/') expect(await page.locator('html').getAttribute('lang')).toMatch(new RegExp(`^${tag}`))
      if (name === 'faucet') {
        expect((await txids(page))[1]).toMatch(/^00[0-9a-f]{60}00$/)
        // The proof-of-work worker, started from inside the chain's worker, shows in `sent`: what the
        // workers fetch is watched too.
        expect(sent.some((r) => /\/assets\/powWorkerBrowser-[\w-]+\.js$/.test(r.url))).toBe(true)
      }
      await expectAllInPage(page, sent, site.url, expect)
      await page.screenshot({ path: journeyShot(prefix, `inpage-${name}`), fullPage: true })
    } finally {
      await page.close()
    }
  })
})

describe('the in-page chain keeps, resets and rewinds', () => {
  it('a reload keeps the chain; "New chain" starts a fresh one with another seed', { timeout: 240_000 }, async () => {
    await withStaticSite(async (url, page, sent) => {
      const journey = `${url}/journeys/your-own-chain.html`
      expect((await walk(page, journey)).every((s) => s === 'done')).toBe(true)
      const block1 = await page.locator('.kj-rpc[data-method="getblock"] .kj-json pre').textContent()
      await rerunStep(page, 1)
      const height = await blocksOf(page)
      expect(height).toBeGreaterThanOrEqual(3)

      await page.reload({ waitUntil: 'networkidle' })
      await rerunStep(page, 1)
      expect(await blocksOf(page)).toBe(height)

      // The reload kept the scroll at the journey's end: the reader goes back up to the picker.
      await page.locator('.kj-picker').hover()
      await page.locator('.kj-picker [data-action="new-chain"]').click()
      await page.locator('.kj-picker [role="status"]').waitFor()
      await rerunStep(page, 1)
      expect(await blocksOf(page)).toBeLessThan(height)
      // Another seed: block 1 pays another miner key, so it has another hash.
      await walk(page, journey)
      const again = await page.locator('.kj-rpc[data-method="getblock"] .kj-json pre').textContent()
      expect(JSON.parse(again ?? '{}').hash).toMatch(TXID)
      expect(JSON.parse(again ?? '{}').hash).not.toBe(JSON.parse(block1 ?? '{}').hash)
      expect(leftTheBrowser(sent, url)).toEqual([])
    })
  })

  it('back to before the claim: the chain rewinds and the claim replays to the same txid', { timeout: 240_000 }, async () => {
    await withStaticSite(async (url, page, sent) => {
      expect((await walk(page, `${url}/journeys/faucet.html?seed=inpage-rewind`)).every((s) => s === 'done')).toBe(true)
      const claim = (await txids(page))[1]
      expect(claim).toMatch(/^00[0-9a-f]{60}00$/)
      await page.locator('#step-6 .kj-step-rewind').click()
      await expect.poll(() => page.locator('#step-7').getAttribute('data-state')).toBe('pending')
      await rerunStep(page, 6)
      await rerunStep(page, 7)
      expect(await page.locator('#step-7 .kj-broadcast [data-field="txid"]').textContent()).toBe(claim)
      expect(leftTheBrowser(sent, url)).toEqual([])
    })
  })
})

describe('the engine is fetched when the page is idle, never with its first load', () => {
  it('a journey page prefetches the worker script after its load event; a page with no live part does not', { timeout: 120_000 }, async () => {
    await withStaticSite(async (url, page, sent) => {
      await page.goto(`${url}/guides/docker.html`, { waitUntil: 'load' })
      await page.waitForTimeout(3000)
      expect(await page.locator('link[rel="prefetch"]').count()).toBe(0)
      expect(sent.filter((r) => /\/assets\/worker-[\w-]+\.js$/.test(r.url))).toEqual([])

      await page.goto(`${url}/journeys/faucet.html`, { waitUntil: 'load' })
      const atLoad = sent.length
      const link = page.locator('link[rel="prefetch"][data-kj-in-page]')
      await link.waitFor({ state: 'attached', timeout: 60_000 })
      const script = new URL((await link.getAttribute('href'))!, url).href
      expect(script).toMatch(/\/assets\/worker-[\w-]+\.js$/)
      expect(sent.slice(0, atLoad).map((r) => r.url)).not.toContain(script)
      await expect.poll(() => sent.some((r) => r.url === script)).toBe(true)
      // The prefetched script is the one the first step starts.
      await runPart(page.locator('#step-1 .kj-rpc').first())
      expect(await page.locator('#step-1 .kj-rpc').first().getAttribute('data-state')).toBe('done')
      expect(leftTheBrowser(sent, url)).toEqual([])
    })
  })
})

describe('one engine: a seeded page and the Node devchain', () => {
  it('give the same txids for the same seed (faucet journey)', { timeout: 300_000 }, async () => {
    const seed = 'inpage-one-engine'
    const inPage = await withStaticSite(async (url, page, sent) => {
      expect((await walk(page, `${url}/journeys/faucet.html?seed=${seed}`)).every((s) => s === 'done')).toBe(true)
      await expectAllInPage(page, sent, url)
      return txids(page)
    })
    const onNode = await withChain(async (url, page) => {
      expect((await walk(page, `${url}/journeys/faucet.html`)).every((s) => s === 'done')).toBe(true)
      expect(await page.locator('.kj-picker').getAttribute('data-chain')).toBe('site')
      return txids(page)
    }, { env: { DEVCHAIN_SEED: seed } })
    expect(inPage.length).toBeGreaterThanOrEqual(2)
    expect(inPage).toEqual(onNode)
  })
})

describe('a page on another origin, pointed at a gateway', () => {
  async function againstGateway(allow: boolean, fn: (page: Page, gatewayUrl: string, sent: SentRequest[]) => Promise<void>): Promise<void> {
    await withStaticSite(async (url, page, sent) => {
      const gateway = await createGatewayFromEnv({
        devchainDataDir: null,
        env: { GATEWAY_LOG_LEVEL: 'silent', GATEWAY_RATE_PER_SEC: '0', ...(allow ? { GATEWAY_CORS_ORIGINS: url } : {}) },
      })
      const node = await startServer({ dist: sharedDist(), port: 0, host: '127.0.0.1', gateway })
      try {
        await page.goto(`${url}/journeys/your-own-chain.html?chain=${encodeURIComponent(`${node.url}/rpc`)}`)
        await fn(page, node.url, sent)
      } finally {
        await node.close()
      }
    })
  }

  it('walks a journey when GATEWAY_CORS_ORIGINS allows the page\'s origin', { timeout: 240_000 }, async () => {
    await againstGateway(true, async (page, gatewayUrl, sent) => {
      const states = await walk(page, page.url())
      expect(states.every((s) => s === 'done'), states.join()).toBe(true)
      expect(await page.locator('.kj-picker').getAttribute('data-chain')).toBe(gatewayUrl)
      expect(sent.filter((r) => r.method === 'POST').every((r) => r.url.startsWith(`${gatewayUrl}/rpc`))).toBe(true)
      expect(sent.some((r) => r.method === 'POST')).toBe(true)
    })
  })

  it('is refused when the origin is not allowed, and says which chain did not answer', { timeout: 240_000 }, async () => {
    await againstGateway(false, async (page, gatewayUrl) => {
      await page.locator('.kj-journey').waitFor()
      const first = page.locator('#step-1 .kj-rpc')
      expect(await runPart(first)).toBe('failed')
      expect(await first.locator('[role="alert"]').textContent()).toContain(`No chain answers at ${gatewayUrl}/rpc.`)
    })
  })
})
