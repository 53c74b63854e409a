import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { CATEGORIES, METHODS } from '../../modules/catalog.ts'
import { discoverLocales } from '../../.vuepress/locales/discover.ts'
import { differenceAnchor, differencesPath, methodAnchor, methodLink, referenceIndexPath, referencePagePath } from '../../.vuepress/reference/skeleton.ts'
import { groupByCategory } from '../../.vuepress/plugins/rpcReference.ts'
import { differencesFor } from '../../.vuepress/plugins/journeyDifferences.ts'
import { DIFFERENCES } from '../../protocol/differences.ts'
import { ROOT, builtRoutes, sharedDist } from '../support/site.ts'

const fileFor = (dist: string, route: string) => path.join(dist, route.endsWith('/') ? `${route}index.html` : route)

let dist: string
beforeAll(() => {
  dist = sharedDist()
})

describe('RPC reference in the built site', () => {
  const prefixes = Object.keys(discoverLocales().site)

  it('has an index and a page per catalog category in English, Chinese and every other locale', () => {
    expect(prefixes).toContain('/zh/')
    const built = new Set(builtRoutes(dist))
    for (const prefix of prefixes) {
      expect(built.has(referenceIndexPath(prefix)), `${referenceIndexPath(prefix)} missing`).toBe(true)
      for (const category of CATEGORIES)
        expect(built.has(referencePagePath(prefix, category)), `${referencePagePath(prefix, category)} missing`).toBe(true)
    }
  })

  it('puts every catalog method, as a heading, on exactly one page per locale', () => {
    for (const prefix of prefixes) {
      const pages = builtRoutes(dist)
        .filter((r) => r.startsWith(`${prefix}reference/`) && r !== referenceIndexPath(prefix))
        .map((r) => ({ route: r, html: fs.readFileSync(fileFor(dist, r), 'utf8') }))
      for (const m of METHODS) {
        const id = `<h2 id="${methodAnchor(m.name)}"`
        const holders = pages.filter((p) => p.html.includes(id)).map((p) => p.route)
        expect(holders, `${prefix} ${m.name}`).toEqual([referencePagePath(prefix, m.category)])
      }
    }
  })

  it('tables every method on the index under its category\'s heading, linked to its section, in every locale', () => {
    for (const prefix of prefixes) {
      const html = fs.readFileSync(fileFor(dist, referenceIndexPath(prefix)), 'utf8')
      for (const m of METHODS)
        expect(html, `${prefix} ${m.name}`).toContain(`<tr><td><a class="route-link" href="${methodLink(prefix, m)}"><code>${m.name}</code></a></td><td><code>${m.safety}</code></td><td>`)
      expect(html.match(/<tr><td><a class="route-link" href="\//g)).toHaveLength(METHODS.length)
      // Each category's heading (with its anchor, in the outline and the search index), then its table.
      const headings = [...html.matchAll(/<h2 id="([^"]+)" tabindex="-1"><a class="header-anchor" href="#\1"><span><a class="route-link" href="([^"]+)">[^<]+<\/a><\/span><\/a><\/h2><table>/g)]
      expect(headings.map((h) => h[2])).toEqual(groupByCategory(METHODS).map((g) => referencePagePath(prefix, g.category)))
    }
  })

  it('keeps each locale\'s index table data in that index page\'s chunk, which no other page loads', () => {
    const assets = path.join(dist, 'assets')
    const holders = fs.readdirSync(assets).filter((f) => f.endsWith('.js') && /\\?"groups\\?":\[\[\[\\?"/.test(fs.readFileSync(path.join(assets, f), 'utf8')))
    expect(holders).toHaveLength(prefixes.length)
    const loaders = new Map<string, string[]>()
    for (const route of builtRoutes(dist)) {
      const html = fs.readFileSync(fileFor(dist, route), 'utf8')
      for (const f of [...holders, 'MethodIndexTable-']) if (html.includes(`/assets/${f}`)) loaders.set(f, [...loaders.get(f) ?? [], route])
    }
    for (const f of holders) expect(loaders.get(f), f).toHaveLength(1)
    expect(holders.map((f) => loaders.get(f)![0]).sort()).toEqual(prefixes.map(referenceIndexPath).sort())
    expect(loaders.get('MethodIndexTable-')?.sort()).toEqual(prefixes.map(referenceIndexPath).sort())
  })

  it('writes the Chinese page in Chinese and the English page in English', () => {
    const zh = fs.readFileSync(fileFor(dist, referencePagePath('/zh/', 'faucet')), 'utf8')
    const en = fs.readFileSync(fileFor(dist, referencePagePath('/', 'faucet')), 'utf8')
    expect(zh).toMatch(/<html[^>]*lang="zh-CN"/)
    expect(zh).toContain('调用格式')
    expect(zh).toContain('构建一笔把币锁进水龙头的交易。')
    expect(en).toContain('Build a transaction that locks coins in the faucet.')
    expect(en).not.toContain('调用格式')
  })

  it('serves recorded komodod responses as files, never inside a page chunk or the app bundle', () => {
    const publicDir = path.join(ROOT, '.vuepress/public/recorded')
    const recorded = fs.readdirSync(publicDir).filter((f) => f.endsWith('.json'))
    expect(recorded.length).toBeGreaterThan(5)
    // Chunks named after a method are the components' recorded replies, imported only when a call needs one.
    const onDemand = new Set(METHODS.map((m) => m.name))
    const js = fs.readdirSync(path.join(dist, 'assets'))
      .filter((f) => f.endsWith('.js') && !onDemand.has(f.replace(/-[\w-]{8}\.js$/, '')))
      .map((f) => fs.readFileSync(path.join(dist, 'assets', f), 'utf8')).join('\n')
    // Constants the engine itself holds (the empty Sapling root, module keys) reach the in-page chain's chunk as code.
    const sources = ['devchain', 'modules', 'protocol'].filter((dir) => fs.existsSync(path.join(ROOT, dir))).flatMap((dir) => fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts')).map((f) => fs.readFileSync(path.join(ROOT, dir, f), 'utf8'))).join('\n')
    let checked = 0
    for (const f of recorded) {
      expect(fs.readFileSync(path.join(dist, 'recorded', f), 'utf8')).toBe(fs.readFileSync(path.join(publicDir, f), 'utf8'))
      // Long hex values are unique to a recording: finding one in JS would mean the reply was bundled.
      const hexes = (fs.readFileSync(path.join(publicDir, f), 'utf8').match(/[0-9a-f]{64,}/g) ?? []).filter((h) => !sources.includes(h))
      checked += hexes.length
      for (const h of hexes) expect(js.includes(h), `${f}: ${h.slice(0, 16)}… bundled`).toBe(false)
    }
    expect(checked, 'recorded values looked for').toBeGreaterThan(20)
  })

  it('ends each journey with the differences from komodod it meets, linked, in the reader\'s language', () => {
    const journeys = fs.readdirSync(path.join(ROOT, 'docs/journeys')).filter((f) => f.endsWith('.md') && f !== 'README.md')
    let noted = 0
    let silent = 0
    for (const prefix of prefixes) {
      const differencesPage = fs.readFileSync(fileFor(dist, differencesPath(prefix)), 'utf8')
      for (const file of journeys) {
        const source = fs.readFileSync(path.join(ROOT, 'docs/journeys', file), 'utf8')
        const rpc = (source.match(/^rpc: \[(.*)\]$/m)?.[1] ?? '').split(',').map((m) => m.trim()).filter(Boolean)
        const html = fs.readFileSync(fileFor(dist, `${prefix}journeys/${file.replace(/\.md$/, '.html')}`), 'utf8')
        const note = html.match(/<aside class="kj-differences"[^]*?<\/aside>/)?.[0]
        const expected = differencesFor(rpc)
        if (expected.length === 0) {
          expect(note, `${prefix}${file}`).toBeUndefined()
          silent++
          continue
        }
        noted++
        expect(note, `${prefix}${file}`).toBeDefined()
        for (const { difference, methods } of expected) {
          const href = `${differencesPath(prefix)}#${differenceAnchor(difference)}`
          expect(note).toContain(`href="${href}"`)
          expect(differencesPage).toContain(`id="${differenceAnchor(difference)}"`)
          for (const m of methods) expect(note).toMatch(new RegExp(`<code[^>]*>${m}</code>`))
        }
        for (const other of DIFFERENCES.filter((d) => !expected.some((e) => e.difference === d))) {
          expect(note).not.toContain(`#${differenceAnchor(other)}"`)
        }
      }
    }
    expect(noted, 'journeys with a note').toBeGreaterThan(0)
    expect(silent + noted).toBe(journeys.length * prefixes.length)
    const zh = fs.readFileSync(fileFor(dist, '/zh/journeys/faucet.html'), 'utf8')
    expect(zh).toContain('在 -regtest 之外使用 generate')
    expect(zh).toContain('本旅程会遇到以下与 komodod 的差异')
  })
})
