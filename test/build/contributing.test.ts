/**
 * The contributing guides in the built site: the contributing index of every locale links each guide
 * (the build's link check only proves that links resolve, not that a guide is reachable), and every
 * repository file a guide names, in any language, exists, so the guides cannot drift from the code
 * they describe without a test failing.
 */
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { discoverLocales } from '../../.vuepress/locales/discover.ts'
import { ROOT, sharedDist } from '../support/site.ts'

const GUIDES = fs.readdirSync(path.join(ROOT, 'docs/contributing')).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.slice(0, -3))
const prefixes = Object.keys(discoverLocales().site)
const sourceOf = (prefix: string, file: string) => path.join(ROOT, prefix === '/' ? 'docs' : `locales/${prefix.slice(1, -1)}`, 'contributing', file)

/** Repository paths in inline code (`modules/loadRules.ts`), leaving out patterns (`modules/<id>/spec.ts`, `modules/*.vue`). */
function namedPaths(markdown: string): string[] {
  const found = [...markdown.matchAll(/`((?:\.vuepress|components|devchain|modules|protocol|scripts|server|test)\/[^`\s]*)`/g)].map((m) => m[1])
  return [...new Set(found.filter((p) => !/[<>*…]/.test(p)))]
}

let dist: string
beforeAll(() => {
  dist = sharedDist()
})

describe('contributing guides', () => {
  it('include the module guide', () => {
    expect(GUIDES).toEqual(expect.arrayContaining(['translate', 'add-a-module']))
  })

  it.each(prefixes)('the contributing index of %s links every guide', (prefix) => {
    const html = fs.readFileSync(path.join(dist, prefix.slice(1), 'contributing/index.html'), 'utf8')
    const main = html.slice(html.indexOf('<main'))
    for (const guide of GUIDES) expect(main, `${prefix}contributing/ → ${guide}`).toContain(`href="${prefix}contributing/${guide}.html"`)
  })

  it.each(prefixes)('every repository file the guides of %s name exists', (prefix) => {
    for (const guide of GUIDES) {
      const file = sourceOf(prefix, `${guide}.md`)
      if (!fs.existsSync(file)) continue
      const named = namedPaths(fs.readFileSync(file, 'utf8'))
      const missing = named.filter((p) => !fs.existsSync(path.join(ROOT, p)))
      expect(missing, path.relative(ROOT, file)).toEqual([])
    }
  })

  it('sees a renamed file: the path check can fail', () => {
    expect(namedPaths('see `modules/loadRules.ts`, `modules/<id>/spec.ts` and `modules/noSuchFile.ts`')).toEqual(['modules/loadRules.ts', 'modules/noSuchFile.ts'])
    expect(fs.existsSync(path.join(ROOT, 'modules/noSuchFile.ts'))).toBe(false)
  })
})
