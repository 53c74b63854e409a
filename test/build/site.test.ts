import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import config from '../../.vuepress/config.ts'
import { COMPILE_HINT } from '../../.vuepress/bundler/compileHints.ts'
import { discoverLocales } from '../../.vuepress/locales/discover.ts'
import { routeForSource } from '../../.vuepress/plugins/sourceRoutes.ts'
import { findSecretLeaks, secretsFromEnv } from '../../server/gateway/index.ts'
import { CANARY_ENV, ROOT, builtRoutes, sharedDist } from '../support/site.ts'

const englishRoutes = (): string[] => {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name)
      if (e.isDirectory()) walk(full)
      else if (e.name.endsWith('.md')) out.push(routeForSource(path.relative(ROOT, full))!)
    }
  }
  walk(path.join(ROOT, 'docs'))
  return out.sort()
}

const fileFor = (dist: string, route: string) =>
  path.join(dist, route.endsWith('/') ? `${route}index.html` : route)

let dist: string
beforeAll(() => {
  dist = sharedDist()
})

describe('vuepress build', () => {
  const { site } = discoverLocales()

  it('renders every English page, and every locale has a page at each English path', () => {
    const built = new Set(builtRoutes(dist))
    const english = englishRoutes()
    expect(english.length).toBeGreaterThan(1)
    for (const prefix of Object.keys(site)) {
      for (const route of english) {
        const localized = prefix === '/' ? route : prefix + route.slice(1)
        expect(built.has(localized), `${localized} missing from the build`).toBe(true)
      }
    }
  })

  it('sets <html lang> from each locale', () => {
    for (const route of builtRoutes(dist)) {
      const prefix = Object.keys(site).filter((p) => p !== '/' && route.startsWith(p))[0] ?? '/'
      const html = fs.readFileSync(fileFor(dist, route), 'utf8')
      const lang = /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1]
      expect(lang, route).toBe(site[prefix].lang)
    }
  })

  it('renders the live components during SSR in every locale', () => {
    for (const route of ['/journeys/your-own-chain.html', '/zh/journeys/your-own-chain.html']) {
      const html = fs.readFileSync(fileFor(dist, route), 'utf8')
      expect(html, route).toContain('class="kj-journey"')
      expect(html, route).toMatch(/class="kj-rpc"[^>]*data-method="getinfo"/)
    }
  })

  it('renders the sidebar with the current page and its section marked active', () => {
    for (const [route, section] of [['/journeys/faucet.html', '/journeys/'], ['/zh/guides/docker.html', '/zh/guides/']]) {
      const html = fs.readFileSync(fileFor(dist, route), 'utf8')
      const sidebar = html.slice(html.indexOf('<ul class="vp-sidebar-items">'), html.indexOf('</aside>'))
      const active = [...sidebar.matchAll(/<a class="([^"]*)" href="([^"]+)"/g)]
        .filter(([, cls]) => cls.split(' ').includes('active')).map(([, , href]) => href)
      expect(active, route).toEqual([section, route])
      // Every page of the section is listed, each as a link inside its own <li>.
      expect(sidebar.match(/<li><a class="route-link auto-link vp-sidebar-item/g)?.length, route).toBeGreaterThan(10)
    }
  })

  it('preloads the chunks of the journey frame and the chain picker in its head, after the stylesheet, and no others', () => {
    const preloads = (route: string) => {
      const html = fs.readFileSync(fileFor(dist, route), 'utf8')
      const head = html.slice(0, html.indexOf('</head>'))
      expect(head, route).not.toContain('kj-island')
      const links = [...head.matchAll(/<link rel="modulepreload" href="([^"]+)"( fetchpriority="low")?>/g)]
        .map(([, href, low]) => ({ href, low: !!low, name: path.basename(href).replace(/-[\w-]{8}\.js$/, '') }))
      for (const { href } of links) expect(fs.existsSync(path.join(dist, href)), href).toBe(true)
      return { head, links, names: links.map((l) => l.name) }
    }
    for (const route of ['/journeys/faucet.html', '/es/journeys/faucet.html']) {
      const { head, links, names } = preloads(route)
      expect(new Set(names).size, route).toBe(names.length)
      expect(head.indexOf('rel="stylesheet"'), route).toBeLessThan(head.indexOf('rel="modulepreload"'))
      // The page's own chunks first, at the browser's priority; then the live components' at low priority.
      const own = links.filter((l) => !l.low).map((l) => l.name)
      expect(links.map((l) => l.low), route).toEqual([...own.map(() => false), ...links.slice(own.length).map(() => true)])
      expect(own, route).toContain('app')
      expect(links.filter((l) => l.low).map((l) => l.name), route)
        .toEqual(expect.arrayContaining(['Journey', 'Step', 'ChainPicker']))
      // The components inside the steps load as the reader nears them (hydrateInTurn.ts), not with the page.
      for (const later of ['RpcCall', 'Broadcast', 'MineBlocks', 'FaucetPanel', 'TokenPanel']) expect(names, route).not.toContain(later)
    }
    expect(preloads('/guides/docker.html').links.filter((l) => l.low)).toEqual([])
    // The runtime has no chunk lists left to insert preload links for while the page hydrates.
    const app = fs.readdirSync(path.join(dist, 'assets')).find((f) => /^app-.*\.js$/.test(f))!
    const appText = fs.readFileSync(path.join(dist, 'assets', app), 'utf8')
    expect(appText).not.toContain('__vite__mapDeps')
    // Vue, the router and the VuePress client sit in the main chunk itself, not in chunks it imports (one gzip
    // stream, one request): a lazy chunk that imports VuePress in a certain way once made the bundler split them.
    expect(appText).not.toMatch(/from"\.\/[\w.-]+\.js"/)
    // No table routing the source paths (docs/…, locales/…) to the pages: no reader's link uses them.
    expect(appText).toContain('/journeys/faucet.html')
    expect(appText).not.toContain('/docs/journeys/faucet.html')
    expect(appText).not.toMatch(/"\/locales\/\w+\/":/)
  })

  it('keeps each locale\'s theme data (sidebar, navbar, labels) in a chunk of its own, out of the main one', () => {
    const assets = path.join(dist, 'assets')
    const scripts = fs.readdirSync(assets).filter((f) => f.endsWith('.js'))
    const app = scripts.find((f) => /^app-.*\.js$/.test(f))!
    // The main chunk and what it imports statically: what every page loads.
    const firstLoad = [app, ...[...fs.readFileSync(path.join(assets, app), 'utf8').matchAll(/from"\.\/([\w.-]+\.js)"/g)].map((m) => m[1])]
    const text = (f: string) => fs.readFileSync(path.join(assets, f), 'utf8')
    const translated = discoverLocales().list
    expect(translated.length).toBeGreaterThan(0)
    for (const locale of translated) {
      const label = locale.data.theme?.toggleColorMode
      expect(label, locale.dir).toBeTruthy()
      const where = scripts.filter((f) => text(f).includes(JSON.stringify(label).slice(1, -1)))
      expect(where.length, locale.dir).toBe(1)
      expect(firstLoad, locale.dir).not.toContain(where[0])
    }
  })

  it('marks each client chunk for eager compilation on its first line, once', () => {
    const assets = path.join(dist, 'assets')
    const chunks = fs.readdirSync(assets).filter((f) => f.endsWith('.js'))
    const first = (f: string) => fs.readFileSync(path.join(assets, f), 'utf8').split('\n', 2)
    const hinted = chunks.filter((f) => first(f)[0] === COMPILE_HINT)
    expect(hinted.length).toBeGreaterThan(20)
    for (const f of hinted) expect(first(f)[1], f).not.toMatch(/^(\/\/# allFunctionsCalledOnLoad)?$/)
    // Only the workers go without: Vite's worker builds emit them whole, as files of the client build.
    expect(chunks.filter((f) => !hinted.includes(f)).filter((f) => !/worker/i.test(f))).toEqual([])
  })

  it('names the site icon in every page, outside the head config the client dedupes on each load', () => {
    for (const route of ['/', '/zh/journeys/faucet.html', '/guides/docker.html']) {
      const html = fs.readFileSync(fileFor(dist, route), 'utf8')
      expect(html.match(/<link rel="icon" type="image\/svg\+xml" href="\/logo\.svg">/g), route).toHaveLength(1)
    }
    // The client's head dedupe sorts a <link>'s attributes with localeCompare: ICU's collator loads on the main thread.
    expect(config.head ?? []).toEqual([])
  })

  it('leaks no node credential from the build environment into the site', () => {
    const secrets = secretsFromEnv(CANARY_ENV)
    expect(secrets).toHaveLength(4)
    expect(findSecretLeaks(dist, secrets)).toEqual([])
  })

  it('never turns the repository README or test files into pages', () => {
    const routes = builtRoutes(dist)
    expect(routes.some((r) => r.includes('test') || r.includes('node_modules'))).toBe(false)
    const home = fs.readFileSync(fileFor(dist, '/'), 'utf8')
    expect(home).not.toContain('npm ci &amp;&amp; npm test')
  })
})
