import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import sirv from 'sirv'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { discoverLocales } from '../../.vuepress/locales/discover.ts'
import { i18nFixture, type I18nFixture } from '../build/i18nSiteCopy.ts'
import { artifactPath, launchBrowser } from '../support/browser.ts'
import { builtRoutes } from '../support/site.ts'

let fx: I18nFixture
let server: http.Server
let base: string
let browser: BrowserContext
let page: Page

beforeAll(async () => {
  fx = i18nFixture()
  const serve = sirv(fx.dist, { extensions: ['html'] })
  const notFound = fs.readFileSync(path.join(fx.dist, '404.html'))
  server = http.createServer((req, res) => serve(req, res, () => {
    res.writeHead(404, { 'content-type': 'text/html' }).end(notFound)
  }))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  browser = await launchBrowser()
  page = await browser.newPage()
})

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => server?.close(resolve))
})

/** Client-side navigation through the app's own router, as a click on a link does. */
const navigate = async (route: string) => {
  // The app mounts after the page loads (later still on a busy machine).
  await page.waitForFunction(() => Boolean((document.querySelector('#app') as { __vue_app__?: unknown } | null)?.__vue_app__))
  return page.evaluate(async (to) => {
    const app = (document.querySelector('#app') as unknown as { __vue_app__: { config: { globalProperties: { $router: { push(p: string): Promise<unknown> } } } } }).__vue_app__
    await app.config.globalProperties.$router.push(to)
  }, route)
}
/** The theme's NotFound layout: no navbar, a bare "404" heading. */
const isNotFound = async () => (await page.locator('main.page > [vp-content] > h1', { hasText: /^404$/ }).count()) > 0

describe('a new locale in Chromium', () => {
  it('shows a fallback page in English with the French notice and navigation, and the original one click away', async () => {
    await page.goto(`${base}/fr/journeys/faucet.html`)
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr-FR')
    const notice = page.locator('.i18n-notice-fallback')
    await expect(notice.locator('.hint-container-title').textContent()).resolves.toBe('Pas encore traduite')
    await expect(page.locator('#content .i18n-fallback-content').getAttribute('lang')).resolves.toBe('en')
    await expect(page.locator('.vp-sidebar a[href="/fr/journeys/your-own-chain.html"]').first().textContent()).resolves.toContain('Votre propre chaîne')
    await page.screenshot({ path: artifactPath('i18n-fallback-fr.png'), fullPage: true })
    await notice.locator('a.i18n-notice-original').click()
    await page.waitForURL(`${base}/journeys/faucet.html`)
    // The leaving page fades out first: wait for its notice to go, and for the English page to stay noticeless.
    await page.locator('.i18n-notice').waitFor({ state: 'detached' })
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en-US')
  })

  it('flags the zh twin of an edited English page as outdated, linking to the English page', async () => {
    await page.goto(`${base}${fx.edited.twinRoute}`)
    const notice = page.locator('.i18n-notice-outdated')
    await expect(notice.locator('.hint-container-title').textContent()).resolves.toBe('本译文可能已过时')
    await page.screenshot({ path: artifactPath('i18n-outdated-zh.png') })
    await notice.locator('a.i18n-notice-original').click()
    await page.waitForURL(`${base}${fx.edited.englishRoute}`)
  })
})

describe('the language switcher in Chromium', () => {
  it('maps every page of every locale to a built page, and clicking it never lands on a 404', async () => {
    const { site, theme } = discoverLocales(fx.root)
    const names = Object.keys(site).map((p) => String(theme[p].selectLanguageName))
    const built = new Set(builtRoutes(fx.dist))
    await page.goto(`${base}/`)
    await navigate('/fr/no-such-page.html')
    expect(await isNotFound(), 'the 404 detector itself').toBe(true)
    for (const route of built) {
      await navigate(route)
      expect(await isNotFound(), route).toBe(false)
      const hrefs = await page.locator('header.vp-navbar nav.vp-navbar-items .vp-navbar-dropdown a').evaluateAll((links, wanted) =>
        links.filter((a) => wanted.includes(a.getAttribute('aria-label') ?? '')).map((a) => a.getAttribute('href')!), names)
      expect(hrefs.length, route).toBe(names.length)
      for (const href of hrefs) expect(built.has(href), `${route} → ${href}`).toBe(true)
    }
    // Clicking through the menu on a page only English has written: every language, no 404.
    for (const name of names) {
      await page.goto(`${base}/journeys/tokens.html`)
      const menu = page.locator('header.vp-navbar nav.vp-navbar-items .vp-navbar-item').filter({ has: page.locator(`a[aria-label="${name}"]`) })
      await menu.locator('.vp-navbar-dropdown-title').hover()
      await menu.locator(`a[aria-label="${name}"]`).click()
      await page.waitForURL(/\/journeys\/tokens\.html$/)
      expect(await isNotFound(), name).toBe(false)
    }
  })
})

describe('search by RPC method name in Chromium', () => {
  const suggestions = async (route: string, query: string) => {
    await page.goto(`${base}${route}`)
    const box = page.locator('.search-box input')
    await box.click()
    await box.fill(query)
    await page.locator('.search-box .suggestion').first().waitFor()
    return page.locator('.search-box .suggestion a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
  }

  it('finds the faucet journey from "faucetget" in English, Chinese and the new locale', async () => {
    await expect(suggestions('/', 'faucetget')).resolves.toContain('/journeys/faucet.html')
    await expect(suggestions('/zh/', 'faucetget')).resolves.toContain('/zh/journeys/faucet.html')
    await expect(suggestions('/fr/', 'faucetget')).resolves.toContain('/fr/journeys/faucet.html')
  })

  it('answers a Chinese query with the Chinese page', async () => {
    const hits = await suggestions('/zh/', '翻译本站')
    expect(hits).toContain('/zh/contributing/translate.html')
    await page.screenshot({ path: artifactPath('i18n-search-zh.png') })
  })
})
