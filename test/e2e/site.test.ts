import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../server/start.ts'
import { artifactPath, launchBrowser } from '../support/browser.ts'
import { sharedDist } from '../support/site.ts'

let server: RunningServer
let browser: BrowserContext
let page: Page

beforeAll(async () => {
  server = await startServer({ dist: sharedDist(), port: 0, host: '127.0.0.1', gateway: false })
  browser = await launchBrowser()
  page = await browser.newPage()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('the built site in Chromium', () => {
  it('renders the home page in English and Chinese', async () => {
    await page.goto(`${server.url}/`)
    await expect(page.locator('h1').first().textContent()).resolves.toContain('Komodo Journeys')
    await page.locator('.kj-chain-status').waitFor()
    await page.screenshot({ path: artifactPath('home-en.png') })

    await page.goto(`${server.url}/zh/`)
    await expect(page.locator('h1').first().textContent()).resolves.toContain('Komodo 开发之旅')
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN')
    await page.screenshot({ path: artifactPath('home-zh.png') })
  })

  it('finds a heading with the search box', async () => {
    await page.goto(`${server.url}/`)
    const box = page.locator('.search-box input')
    await box.click()
    await box.fill('Start a chain')
    const suggestion = page.locator('.search-box .suggestion').first()
    await suggestion.waitFor()
    await expect(suggestion.textContent()).resolves.toContain('Start a chain')
    await suggestion.click()
    await page.waitForURL(/\/journeys\/your-own-chain\.html#start-a-chain$/)
  })

  it('switches language to the same page in the other locale', async () => {
    await page.goto(`${server.url}/journeys/your-own-chain.html`)
    await page.locator('.vp-navbar .vp-navbar-dropdown-title').filter({ hasText: /Languages|English/ }).first().hover()
    await page.locator('.vp-navbar a', { hasText: '简体中文' }).first().click()
    await page.waitForURL(/\/zh\/journeys\/your-own-chain\.html$/)
    // Client-side navigation: wait for the new page's heading rather than reading it at once.
    await page.locator('h1', { hasText: '你自己的链' }).waitFor()
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN')
  })

  describe('navigation that hydrates on the first input', () => {
    // Set on the loaded document: still there after a navigation means the router handled it, not a page load.
    const markDocument = () => page.evaluate(() => { (window as unknown as { kjSameDocument: boolean }).kjSameDocument = true })
    const sameDocument = () => page.evaluate(() => (window as unknown as { kjSameDocument?: boolean }).kjSameDocument === true)

    it('follows a sidebar link inside the app', async () => {
      await page.goto(`${server.url}/journeys/faucet.html`)
      await markDocument()
      await page.locator('.vp-sidebar a.vp-sidebar-item[href="/journeys/tokens.html"]').click()
      await page.locator('h1', { hasText: 'Tokens' }).waitFor()
      expect(await sameDocument()).toBe(true)
      // The sidebar hydrated and follows the route.
      await expect(page.locator('.vp-sidebar a.active[href="/journeys/tokens.html"]').count()).resolves.toBe(1)
    })

    it('goes to the next page with Alt+ArrowRight as the first thing the reader does', async () => {
      await page.goto(`${server.url}/journeys/your-own-chain.html`)
      await markDocument()
      await page.keyboard.press('Alt+ArrowRight')
      await page.waitForURL(/\/journeys\/first-transaction\.html$/)
      expect(await sameDocument()).toBe(true)
    })

    it('opens the sidebar on a phone, with the navbar links in their mobile form', async () => {
      const phone = await browser.newPage()
      await phone.setViewportSize({ width: 390, height: 844 })
      try {
        await phone.goto(`${server.url}/journeys/faucet.html`)
        await phone.locator('.vp-toggle-sidebar-button').click()
        const dropdown = phone.locator('.vp-sidebar .vp-navbar-dropdown-wrapper').first()
        await expect(dropdown.getAttribute('class')).resolves.toContain('mobile')
        await dropdown.locator('.vp-navbar-dropdown-title-mobile').click()
        await dropdown.locator('a[href="/journeys/tokens.html"]').click()
        await phone.locator('h1', { hasText: 'Tokens' }).waitFor()
        await phone.screenshot({ path: artifactPath('phone-after-sidebar-navigation.png') })
      } finally {
        await phone.close()
      }
    })
  })
})
