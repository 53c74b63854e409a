import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { discoverLocales } from '../../.vuepress/locales/discover.ts'
import { markdownFiles } from '../../.vuepress/locales/inventory.ts'
import { buildStatus } from '../../.vuepress/locales/status.ts'
import { routeForSource } from '../../.vuepress/plugins/sourceRoutes.ts'
import { builtRoutes } from '../support/site.ts'
import { BODY_MARKER, FR, failingBuild, i18nFixture, type I18nFixture } from './i18nSiteCopy.ts'

let fx: I18nFixture
const html = (route: string) => fs.readFileSync(path.join(fx.dist, route.endsWith('/') ? `${route}index.html` : route), 'utf8')
const htmlLang = (page: string) => /<html[^>]*\slang="([^"]+)"/.exec(page)?.[1]

beforeAll(() => {
  fx = i18nFixture()
})

describe('a locale folder with only locale.json and one page', () => {
  it('yields every English route under /fr/, in French where translated and English elsewhere', () => {
    const built = new Set(builtRoutes(fx.dist))
    const english = markdownFiles(path.join(fx.root, 'docs')).map((f) => routeForSource(`docs/${f}`)!)
    expect(english.length).toBeGreaterThan(3)
    for (const route of english) expect(built.has(`/fr${route}`), `/fr${route}`).toBe(true)
    expect(built.has('/fr/translations.html')).toBe(true)

    const translated = html(routeForSource(`locales/fr/${FR.page}`)!)
    expect(htmlLang(translated)).toBe('fr-FR')
    expect(translated).toContain('Votre propre chaîne')
    expect(translated).not.toContain('i18n-notice')
  })

  it('marks fallback pages: locale <html lang>, English content lang="en", a notice in the locale with both links', () => {
    const route = '/fr/journeys/faucet.html'
    const page = html(route)
    expect(htmlLang(page)).toBe('fr-FR')
    expect(page).toMatch(/<div lang="en" dir="ltr" class="i18n-fallback-content">/)
    const notice = /<div class="hint-container info i18n-notice i18n-notice-fallback"[\s\S]*?<\/div>/.exec(page)?.[0] ?? ''
    expect(notice).toContain('Pas encore traduite')
    expect(notice).toContain('Lire l&#39;original')
    expect(notice).toContain('href="/journeys/faucet.html"')
    expect(notice).toContain('href="/fr/contributing/translate.html"')
    expect(notice).toMatch(/href="https:\/\/[^"]+\/docs\/journeys\/faucet\.md"/)
    // The sidebar is the locale's, with the translated page plain and the fallback marked.
    expect(page).toContain('href="/fr/journeys/your-own-chain.html"')
    expect(page).toMatch(/aria-label="[^"]+ \(Not translated yet: shown in English\)"/)
    // The home page, which has no slot for it, carries the notice in its content.
    expect(html('/fr/')).toContain('i18n-notice-fallback')
  })

  it('keeps the links of fallback content inside the locale', () => {
    const home = html('/fr/')
    expect(home).toMatch(/href="\/fr\/journeys\/your-own-chain\.html"/)
    expect(home).not.toMatch(/href="\/journeys\/your-own-chain\.html"/)
  })
})

describe('outdated translations', () => {
  it('flip to outdated in i18n:status and on the page when the English page changes', () => {
    const zh = buildStatus(fx.root).locales.find((l) => l.dir === 'zh')!
    expect(zh.pages.find((p) => p.translation === fx.edited.twin)?.state).toBe('outdated')
    const page = html(fx.edited.twinRoute)
    expect(page).toContain('i18n-notice-outdated')
    expect(page).toContain(`href="${fx.edited.englishRoute}"`)
    const status = html('/translations.html')
    expect(status).toMatch(new RegExp(`${fx.edited.twinRoute.replace(/[.]/g, '\\.')}</a></td><td>outdated`))
  })
})

describe('the translation status page', () => {
  it('tables every page of every locale, as plain links, headed per locale with an anchor', () => {
    const report = buildStatus(fx.root)
    const status = html('/translations.html')
    for (const l of report.locales)
      expect(status).toMatch(new RegExp(`<h2 id="([^"]+)" tabindex="-1"><a class="header-anchor" href="#\\1"><span>${l.name} \\(${l.lang}\\)</span></a></h2>`))
    // A page French lacks: its fallback, and the English file it would translate.
    const missing = report.locales.find((l) => l.dir === 'fr')!.pages.find((p) => p.state === 'missing')!
    expect(status).toContain(`<tr><td><a href="${missing.route}">${missing.route}</a></td><td>missing</td>`
      + `<td><a href="https://github.com/KomodoPlatform/komodo-journeys/blob/main/${missing.source}" target="_blank" rel="noopener noreferrer">${missing.source}</a></td></tr>`)
    const rows = report.locales.reduce((n, l) => n + l.pages.length, 0)
    expect(status.match(/<tr><td><a href="\//g)).toHaveLength(rows)
    expect(html('/fr/translations.html').match(/<tr><td><a href="\//g)).toHaveLength(rows)
  })

  it('keeps its rows in a chunk that no other page loads', () => {
    const chunk = /<link rel="modulepreload" href="(\/assets\/translationStatus-[^"]+\.js)">/.exec(html('/zh/translations.html'))?.[1]
    expect(chunk).toBeDefined()
    for (const route of builtRoutes(fx.dist).filter((r) => !r.endsWith('/translations.html')))
      expect(html(route), route).not.toContain('translationStatus-')
  })
})

describe('the language switcher', () => {
  it('links every page of every locale to the same page in each other locale, all of them built', () => {
    const { site, theme } = discoverLocales(fx.root)
    const prefixes = Object.keys(site)
    const names = new Map(prefixes.map((p) => [String(theme[p].selectLanguageName), p]))
    const routes = builtRoutes(fx.dist)
    const built = new Set(routes)
    for (const route of routes) {
      const prefix = prefixes.filter((p) => p !== '/' && route.startsWith(p))[0] ?? '/'
      const rest = route.slice(prefix.length)
      // The menu appears twice (navbar and the mobile sidebar): the same pairs both times.
      const links = new Map([...html(route).matchAll(/<a [^>]*href="([^"]+)" aria-label="([^"]+)"/g)]
        .filter(([, , label]) => names.has(label)).map(([, href, label]) => [label, href]))
      expect(links.size, route).toBe(prefixes.length)
      for (const [label, href] of links) {
        expect(href, `${route} → ${label}`).toBe(names.get(label) + rest)
        expect(built.has(href), `${route} → ${href}`).toBe(true)
      }
    }
  })
})

describe('search', () => {
  // plugins/searchByLocale writes one module per locale, loaded on the first focus of the search box.
  const dir = () => path.join(fx.root, '.vuepress/.temp/internal/searchIndex')
  const files = () => fs.readdirSync(dir()).map((f) => fs.readFileSync(path.join(dir(), f), 'utf8'))
  type Entry = { path: string; pathLocale: string; extraFields: string[] }
  const chunks = (): Entry[][] => files().map((text) => JSON.parse(text.replace(/^export default /, '').trim()) as Entry[])

  it('indexes frontmatter rpc methods in every locale, fallbacks included', () => {
    const entries = chunks().flat()
    for (const locale of ['/', '/zh/', '/fr/']) {
      const hits = entries.filter((e) => e.pathLocale === locale && e.extraFields.includes('faucetget')).map((e) => e.path)
      expect(hits, locale).toContain(`${locale}journeys/faucet.html`)
    }
  })

  it('lists each locale\'s pages in one order, whatever order the files were found in', () => {
    for (const entries of chunks()) {
      const paths = entries.map((e) => e.path)
      expect(paths).toEqual([...paths].sort())
    }
  })

  it('keeps each locale in its own chunk', () => {
    const locales = chunks().map((entries) => new Set(entries.map((e) => e.pathLocale)))
    expect(locales.length).toBeGreaterThanOrEqual(3)
    for (const set of locales) expect(set.size).toBe(1)
  })

  it('holds titles, headers and fields only, never page bodies', () => {
    const text = files().join('\n')
    expect(text).not.toContain(BODY_MARKER)
    const bytes = Buffer.byteLength(text)
    console.log(`search index: ${bytes} bytes for ${(text.match(/"pathLocale"/g) ?? []).length} pages`)
  })
})

describe('build failures name the culprit', () => {
  it('a malformed locale.json names the file and the field', () => {
    const file = path.join(fx.root, 'locales/fr/locale.json')
    const good = fs.readFileSync(file, 'utf8')
    try {
      fs.writeFileSync(file, JSON.stringify({ ...FR.localeJson, dir: 'sideways', ui: { i18n: { nope: 'x' } } }))
      const out = failingBuild(fx.root)
      expect(out).toContain('locales/fr/locale.json: field "dir" must be "ltr" or "rtl", got "sideways"')
      expect(out).toContain('locales/fr/locale.json: field "ui.i18n.nope" is not a key of components/i18n/en.ts')
    } finally {
      fs.writeFileSync(file, good)
    }
  })

  it('a broken internal link names the page', () => {
    const file = path.join(fx.root, 'locales/fr', FR.page)
    const good = fs.readFileSync(file, 'utf8')
    try {
      fs.appendFileSync(file, '\n[gone](/fr/journeys/no-such-page.html)\n')
      const out = failingBuild(fx.root)
      expect(out).toContain(`locales/fr/${FR.page} (/fr/journeys/your-own-chain.html) → /fr/journeys/no-such-page.html`)
    } finally {
      fs.writeFileSync(file, good)
    }
  })
})
