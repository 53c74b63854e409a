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
})
