import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import type { MethodSpec } from '../../../protocol/catalog.ts'
import { METHODS, getMethod } from '../../../modules/catalog.ts'
import { createPolicy } from '../../../server/gateway/policy.ts'
import { groupByCategory, referencePages, skeletonContext } from '../../../.vuepress/plugins/rpcReference.ts'
import { profilesAllowing } from '../../../.vuepress/reference/profiles.ts'
import type { SkeletonContext } from '../../../.vuepress/reference/skeleton.ts'
import { methodAnchor, renderCategoryPage, renderMethod, signature, typeLabel } from '../../../.vuepress/reference/skeleton.ts'
import { resolveStrings } from '../../../.vuepress/reference/strings.ts'
import { indexTableData } from '../../../.vuepress/reference/indexTable.ts'

const method = (name: string): MethodSpec => {
  const m = getMethod(name)
  if (!m) throw new Error(`${name} is not in the catalog`)
  return m
}
const english = resolveStrings({})
const ctx = (recorded: string[] = []): SkeletonContext => ({ prefix: '/', recorded: new Set(recorded), profiles: profilesAllowing })
const md = new MarkdownIt({ html: true })

/** The params table of a method's section as rows of cell texts (header row first). */
function paramsTable(spec: MethodSpec): string[][] {
  const html = md.render(renderMethod(spec, english, ctx()))
  const table = /<table>([\s\S]*?)<\/table>/.exec(html)?.[1] ?? ''
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
    [...r[1].matchAll(/<t[hd]>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1].replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').trim()))
}

describe('signature', () => {
  it('prints komodo-cli usage: strings quoted, numbers bare, the optional tail in one group', () => {
    expect(signature(method('getblock'))).toBe('getblock "hash|height" ( verbosity )')
    expect(signature(method('sendtoaddress'))).toBe('sendtoaddress "address" amount ( "comment" "comment_to" subtractfeefromamount )')
    expect(signature(method('getinfo'))).toBe('getinfo')
    expect(signature(method('getaddressbalance'))).toBe("getaddressbalance 'addresses' ( ccvout )")
  })

  it('quotes every argument of every CC method, as komodod reads CC arguments as strings', () => {
    const cc = METHODS.filter((m) => m.category === 'faucet' || m.category === 'tokens')
    expect(cc.length).toBeGreaterThan(5)
    for (const m of cc) {
      const words = signature(m).replace(/[()]/g, ' ').trim().split(/\s+/).slice(1)
      expect(words, m.name).toEqual(m.params.map((p) => `"${p.name}"`))
    }
    expect(signature(method('tokencreate'))).toBe('tokencreate "name" "supply" ( "description" "data" )')
  })
})

describe('params table', () => {
  it('has one typed row per catalog param, with required taken from the catalog', () => {
    const rows = paramsTable(method('tokencreate'))
    expect(rows[0]).toEqual(['Name', 'JSON type', 'Required', 'Description'])
    expect(rows.slice(1)).toEqual([
      ['name', 'string', 'yes', 'Up to 32 characters.'],
      ['supply', 'string (coins)', 'yes', 'Supply in coins; 1 token = 1 satoshi.'],
      ['description', 'string', 'no', 'Up to 4096 characters.'],
      ['data', 'string (hex)', 'no', 'Non-fungible data as hex (supply must be 0.00000001).'],
    ])
  })

  it('keeps a `|` in a param name inside its cell', () => {
    const rows = paramsTable(method('getblock'))
    expect(rows.every((r) => r.length === 4)).toBe(true)
    expect(rows[1]).toEqual(['hash|height', 'string (height-or-hash)', 'yes', 'Block hash, or height as a string.'])
    expect(rows[2].slice(0, 3)).toEqual(['verbosity', 'int', 'no'])
  })

  it('labels every JSON type of the catalog', () => {
    expect(typeLabel({ name: 'a', type: 'number-or-string', summary: '', format: 'coins' })).toBe('number | string (coins)')
    expect(typeLabel({ name: 'b', type: 'bool', summary: '' })).toBe('bool')
  })

  it('escapes text that markdown or Vue would otherwise read as markup', () => {
    const html = md.render(renderMethod({ ...method('getinfo'), summary: 'Returns <NAME> and {{ x }} *not* bold' }, english, ctx()))
    expect(html).toContain('&lt;NAME&gt;')
    expect(html).not.toContain('{{')
    expect(html).not.toContain('<em>')
  })
})

describe('profiles and calls', () => {
  const local = new Set(createPolicy({ profile: 'local', devchain: true }).allowed)
  const pub = new Set(createPolicy({ profile: 'public', devchain: true }).allowed)

  it('derives each method’s profiles from the gateway policy built on the catalog', () => {
    for (const m of METHODS) {
      const expected = [...(local.has(m.name) ? ['local'] : []), ...(pub.has(m.name) ? ['public'] : [])]
      expect(profilesAllowing(m), m.name).toEqual(expected)
    }
    expect(profilesAllowing(method('getinfo'))).toEqual(['local', 'public'])
    expect(profilesAllowing(method('faucetget'))).toEqual(['local'])
    expect(profilesAllowing(method('setpubkey'))).toEqual([])
  })

  it('offers a live call exactly where the local profile allows the method', () => {
    for (const m of METHODS) {
      const section = renderMethod(m, english, ctx())
      expect(section.includes(`<RpcCall method="${m.name}" />`), m.name).toBe(local.has(m.name))
    }
  })

  it('shows a recorded response, or says there is none, for a method no local gateway runs', () => {
    const setpubkey = method('setpubkey')
    expect(renderMethod(setpubkey, english, ctx(['setpubkey']))).toMatch(/<RecordedResponse method="setpubkey" label="Recorded response" note="[^"]+" \/>/)
    const none = renderMethod(setpubkey, english, ctx())
    expect(none).not.toContain('RecordedResponse')
    expect(none).toContain('No recorded response yet.')
  })

  it('gives never-class methods one line and no call, signature or params', () => {
    const section = renderMethod(method('dumpprivkey'), english, ctx(['dumpprivkey']))
    expect(section).toContain('Never exposed through the gateway')
    expect(section).not.toMatch(/RpcCall|RecordedResponse|```|\| Name/)
  })

  it('lists profiles on the index and links each method to its section', () => {
    // The index's tables are data (indexTable.ts): a row is the method, its section's route, safety class, profiles.
    const rows = new Map(indexTableData(groupByCategory(METHODS), english, ctx(), (text) => md.renderInline(text)).groups.flat().map((r) => [r[0], r.slice(1, 4)]))
    expect(rows.get('faucetget')).toEqual(['/reference/faucet.html#faucetget', 'cc-build', 'local'])
    expect(rows.get('getinfo')).toEqual(['/reference/control.html#getinfo', 'read', 'local, public'])
    expect(rows.get('devchain_info')).toEqual(['/reference/devchain.html#devchain-info', 'devchain', 'local'])
  })
})

describe('pages', () => {
  it('puts every catalog method on exactly one category page, listed in its frontmatter', () => {
    const pages = referencePages(METHODS, english, skeletonContext('/zh/', new Set()))
    const onPages = pages.slice(1).flatMap((p) => p.frontmatter.rpc)
    expect(onPages.sort()).toEqual(METHODS.map((m) => m.name).sort())
    for (const p of pages.slice(1)) {
      expect(p.path).toMatch(/^\/zh\/reference\/[a-z]+\.html$/)
      for (const name of p.frontmatter.rpc) expect(p.content).toContain(`\n## ${name}\n`)
    }
    expect(pages[0].path).toBe('/zh/reference/')
    expect(pages.map((p) => p.frontmatter.order)).toEqual([...new Set(pages.map((p) => p.frontmatter.order))])
  })

  it('groups in reading order and drops empty categories', () => {
    const groups = groupByCategory([method('tokenlist'), method('getinfo')])
    expect(groups.map((g) => g.category)).toEqual(['control', 'tokens'])
  })

  it('uses the anchor VuePress gives the heading', () => {
    expect(methodAnchor('devchain_info')).toBe('devchain-info')
    expect(methodAnchor('getinfo')).toBe('getinfo')
  })

  it('renders the same skeleton in another language', () => {
    const zh = resolveStrings({ labels: { parameters: '参数' }, categories: { faucet: { title: '水龙头' } } })
    const faucet = groupByCategory(METHODS).find((g) => g.category === 'faucet')!
    const en = renderCategoryPage('faucet', faucet.methods, 1, english, ctx())
    const translated = renderCategoryPage('faucet', faucet.methods, 1, zh, ctx())
    expect(translated.frontmatter.title).toBe('水龙头')
    expect(translated.content.replace(/参数/g, 'Parameters').replace(/水龙头/g, 'Faucet CC')).toBe(en.content)
  })
})
