import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { localeInventory, readSourceHash, sourceHash, writeSourceHash } from '../../../.vuepress/locales/inventory.ts'
import { tree } from './fixtures.ts'

describe('source hashes', () => {
  it('ignores line endings but not content', () => {
    expect(sourceHash('a\r\nb\n')).toBe(sourceHash('a\nb\n'))
    expect(sourceHash('a\nb\n')).not.toBe(sourceHash('a\nc\n'))
    expect(sourceHash('x')).toMatch(/^[0-9a-f]{16}$/)
  })

  it('adds, replaces and reads source_hash in frontmatter', () => {
    const added = writeSourceHash('---\ntitle: 标题\n---\n\n# 标题\n', 'aaaa')
    expect(added).toBe('---\ntitle: 标题\nsource_hash: aaaa\n---\n\n# 标题\n')
    expect(readSourceHash(added)).toBe('aaaa')
    const replaced = writeSourceHash(added, 'bbbb')
    expect(readSourceHash(replaced)).toBe('bbbb')
    expect(replaced.match(/source_hash/g)).toHaveLength(1)
    const bare = writeSourceHash('# Only text\n', 'cccc')
    expect(bare).toBe('---\nsource_hash: cccc\n---\n\n# Only text\n')
    expect(readSourceHash('# no frontmatter\nsource_hash: dddd\n')).toBeNull()
  })
})

describe('locale inventory', () => {
  it('classifies every English page and finds orphans', () => {
    const a = '# A\n'
    const root = tree({
      'docs/README.md': '# Home\n',
      'docs/a.md': a,
      'docs/g/b.md': '# B\n',
      'docs/g/c.md': '# C\n',
      'locales/fr/README.md': '# Accueil\n',
      'locales/fr/a.md': writeSourceHash('# A fr\n', sourceHash(a)),
      'locales/fr/g/b.md': writeSourceHash('# B fr\n', sourceHash('# B, older\n')),
      'locales/fr/old.md': '# orphan\n',
    })
    const inv = localeInventory(root, 'fr')
    expect(inv.pages.map((p) => [p.source, p.state, p.route])).toEqual([
      ['docs/README.md', 'unstamped', '/fr/'],
      ['docs/a.md', 'translated', '/fr/a.html'],
      ['docs/g/b.md', 'outdated', '/fr/g/b.html'],
      ['docs/g/c.md', 'missing', '/fr/g/c.html'],
    ])
    expect(inv.orphans).toEqual(['locales/fr/old.md'])
    // Editing the English page flips its stamped twin to outdated.
    fs.appendFileSync(path.join(root, 'docs/a.md'), '\nMore.\n')
    expect(localeInventory(root, 'fr').pages[1].state).toBe('outdated')
  })
})
