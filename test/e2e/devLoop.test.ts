/**
 * The contributor's and translator's loop: `vuepress dev` runs from a scratch copy of the project while the test
 * edits its files as a person would, and a real browser sees each edit arrive with no manual restart — a new page
 * in the sidebar, a renamed and a deleted one, a re-ordered one, an English edit flipping its twin to outdated and a
 * stamp clearing it, the status page following, a new locale folder, and a broken locale.json reported while the
 * server keeps running.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../support/browser.ts'
import { copyProject, startDevServer, type DevServer } from '../support/devServer.ts'

let project: string
let dev: DevServer
let browser: BrowserContext
let page: Page
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kj-devloop-'))
/**
 * How long an edit may take to reach an open page. The issue asks for "a couple of seconds"; CI is
 * slower, and a machine busy with builds beside the dev server once took more than 15 s.
 */
const LIVE = 30_000

const file = (rel: string) => path.join(project, rel)
const edit = (rel: string, fn: (text: string) => string) => fs.writeFileSync(file(rel), fn(fs.readFileSync(file(rel), 'utf8')))
const sidebarText = () => page.locator('.vp-sidebar').innerText()

/** Opens a route and waits for the page or the theme's 404 (the dev server answers every path with the app). */
async function open(route: string): Promise<'page' | 'not-found'> {
  await page.goto(dev.base + route, { waitUntil: 'domcontentloaded', timeout: 60_000 })
  const which = await Promise.race([
    page.waitForSelector('.vp-sidebar', { state: 'attached', timeout: 60_000 }).then(() => 'page' as const),
    page.waitForSelector('main.page h1:text-is("404")', { timeout: 60_000 }).then(() => 'not-found' as const),
  ])
  return which
}

/** The links search suggests for a query typed in the open page's search box. */
async function searchHrefs(query: string): Promise<(string | null)[]> {
  const box = page.locator('.search-box input')
  await box.fill('')
  await box.fill(query)
  await page.locator('.search-box .suggestion').first().waitFor({ timeout: 2_000 }).catch(() => undefined)
  return page.locator('.search-box .suggestion a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
}

/** Retries `open` until the route is a page (or is gone): a restarting dev server may refuse or serve the old app. */
async function eventually(route: string, want: 'page' | 'not-found', timeout = 120_000): Promise<void> {
  await expect.poll(() => open(route).catch(() => 'down'), { timeout, interval: 1_000 }).toBe(want)
}

beforeAll(async () => {
  project = copyProject()
  dev = await startDevServer(project, scratch)
  browser = await launchBrowser()
  page = await browser.newPage()
  // Vite optimizes dependencies on the first visit and may reload the page once: warm it up.
  await page.goto(`${dev.base}/journeys/faucet.html`, { waitUntil: 'networkidle', timeout: 180_000 })
  await page.waitForTimeout(1000)
})

afterAll(async () => {
  await browser?.close()
  await dev?.stop()
  for (const dir of [scratch, project]) if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

describe('vuepress dev follows the files', () => {
  it('shows a new page in the sidebar, in English and as a fallback in every locale', async () => {
    await open('/journeys/faucet.html')
    expect(await sidebarText()).not.toContain('Watch a block arrive')
    fs.writeFileSync(file('docs/journeys/watch-blocks.md'), '---\ntitle: Watch a block arrive\norder: 50\n---\n\n# Watch a block arrive\n\nA page added while the server runs.\n')
    await page.waitForFunction(() => document.querySelector('.vp-sidebar')?.textContent?.includes('Watch a block arrive'), null, { timeout: LIVE })
    // Search finds it, and it has its place in the previous/next links.
    await expect.poll(() => searchHrefs('Watch a block'), { timeout: LIVE }).toContain('/journeys/watch-blocks.html')
    await open('/journeys/watch-blocks.html')
    expect(await page.locator('.vp-page-nav a').count()).toBeGreaterThan(0)
    await open('/es/journeys/watch-blocks.html')
    await expect(page.locator('.i18n-notice-fallback').innerText()).resolves.toMatch(/\S/)
    expect(await page.locator('main').innerText()).toContain('A page added while the server runs.')
  })

  it('follows a rename and a delete: the new route appears, the old one and its fallbacks go', async () => {
    await open('/journeys/faucet.html')
    fs.renameSync(file('docs/journeys/watch-blocks.md'), file('docs/journeys/watch-a-block.md'))
    await page.waitForFunction(() => [...document.querySelectorAll('.vp-sidebar a')].some((a) => a.getAttribute('href')?.endsWith('/journeys/watch-a-block.html')), null, { timeout: LIVE })
    expect(await page.locator('.vp-sidebar a[href$="/journeys/watch-blocks.html"]').count()).toBe(0)
    fs.rmSync(file('docs/journeys/watch-a-block.md'))
    await page.waitForFunction(() => !document.querySelector('.vp-sidebar')?.textContent?.includes('Watch a block arrive'), null, { timeout: LIVE })
    expect(await open('/zh/journeys/watch-a-block.html')).toBe('not-found')
    expect(await open('/journeys/watch-blocks.html')).toBe('not-found')
  })

  it('re-sorts the navigation when a page’s order changes', async () => {
    await open('/journeys/faucet.html')
    const position = async (title: string) => (await sidebarText()).indexOf(title)
    expect(await position('The Tokens module')).toBeGreaterThan(await position('Your own chain'))
    edit('docs/journeys/tokens.md', (t) => t.replace(/^order: .*$/m, 'order: -1'))
    await page.waitForFunction(() => {
      const t = document.querySelector('.vp-sidebar')?.textContent ?? ''
      return t.indexOf('The Tokens module') >= 0 && t.indexOf('The Tokens module') < t.indexOf('Your own chain')
    }, null, { timeout: LIVE })
  })

  it('flips a translation to outdated on an English edit, and a stamp clears it; the status page follows', async () => {
    await open('/zh/journeys/faucet.html')
    expect(await page.locator('.i18n-notice-outdated').count()).toBe(0)
    edit('docs/journeys/faucet.md', (t) => `${t}\nA sentence added in English.\n`)
    await page.waitForSelector('.i18n-notice-outdated', { timeout: LIVE })

    await open('/translations.html')
    const row = page.locator('tr', { has: page.locator('a[href="/zh/journeys/faucet.html"]') })
    await expect(row.innerText()).resolves.toMatch(/outdated/i)

    // The translator's command, typed in the project (npm sets INIT_CWD to where it was typed: ours would leak in).
    const { INIT_CWD: _, ...env } = process.env
    execFileSync('npm', ['run', '--silent', 'i18n:stamp', '--', 'locales/zh/journeys/faucet.md'], { cwd: project, env, stdio: 'pipe' })
    await page.waitForFunction(() => {
      const link = document.querySelector('tr a[href="/zh/journeys/faucet.html"]')
      return !!link && !/outdated/i.test(link.closest('tr')!.textContent ?? '')
    }, null, { timeout: LIVE })
    await open('/zh/journeys/faucet.html')
    expect(await page.locator('.i18n-notice-outdated').count()).toBe(0)
  })

  it('brings up a new locale folder, with its fallback pages, switcher entry and status row', async () => {
    expect(await open('/de/journeys/faucet.html')).toBe('not-found')
    fs.mkdirSync(file('locales/de'))
    fs.writeFileSync(file('locales/de/locale.json'), JSON.stringify({ lang: 'de-DE', name: 'Deutsch', theme: { selectLanguageText: 'Sprachen' } }, null, 2))
    // A locale is site configuration: the server restarts by itself and says so.
    await expect.poll(() => dev.output(), { timeout: 60_000 }).toMatch(/locales\/de\/ added: restarting the dev server/)
    await eventually('/de/journeys/faucet.html', 'page')
    await page.waitForSelector('.i18n-notice-fallback', { timeout: 60_000 })
    expect(await page.locator('html').getAttribute('lang')).toBe('de-DE')
    // The language menu lists the new locale.
    expect(await page.locator('.vp-navbar').innerHTML()).toContain('Deutsch')
    await open('/translations.html')
    expect(await page.locator('main h2', { hasText: 'Deutsch (de-DE)' }).count()).toBe(1)
  })

  it('reports a broken locale.json by file and field, keeps serving, and recovers when it is fixed', async () => {
    await open('/journeys/faucet.html')
    const before = dev.output().length
    fs.writeFileSync(file('locales/de/locale.json'), JSON.stringify({ lang: 'de-DE', name: 'Deutsch', dir: 'left' }))
    await expect.poll(() => dev.output().slice(before), { timeout: LIVE }).toContain('locales/de/locale.json: field "dir"')
    const overlay = page.locator('vite-error-overlay')
    await overlay.waitFor({ state: 'attached', timeout: LIVE })
    expect(await overlay.evaluate((el) => el.shadowRoot?.textContent ?? '')).toContain('locales/de/locale.json: field "dir"')
    // Still serving, with the locale as it was.
    expect((await fetch(`${dev.base}/rpc/meta`)).status).toBe(200)
    expect(await open('/de/journeys/faucet.html')).toBe('page')
    await page.waitForSelector('.i18n-notice-fallback', { timeout: LIVE })

    fs.writeFileSync(file('locales/de/locale.json'), JSON.stringify({ lang: 'de-DE', name: 'Deutsch (fixed)' }))
    await expect.poll(() => dev.output().slice(before), { timeout: 60_000 }).toMatch(/restarting the dev server/)
    await expect.poll(async () => {
      if ((await open('/translations.html').catch(() => 'down')) !== 'page') return false
      return (await page.locator('main h2', { hasText: 'Deutsch (fixed) (de-DE)' }).count()) === 1
    }, { timeout: 120_000, interval: 2_000 }).toBe(true)
  })

  it('takes a removed locale folder away', async () => {
    fs.rmSync(file('locales/de'), { recursive: true })
    await expect.poll(() => dev.output(), { timeout: 60_000 }).toMatch(/locales\/de\/ removed: restarting the dev server/)
    await eventually('/de/journeys/faucet.html', 'not-found')
  })
})
