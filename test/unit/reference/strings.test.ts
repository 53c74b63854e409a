import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { MethodSpec } from '../../../protocol/catalog.ts'
import { METHODS, getMethod } from '../../../modules/catalog.ts'
import { ENGLISH_LABELS } from '../../../.vuepress/reference/labels.ts'
import type { ReferenceFile } from '../../../.vuepress/reference/strings.ts'
import { methodSourceHash, readReferenceFile, resolveStrings, translationStatus } from '../../../.vuepress/reference/strings.ts'

const ROOT = path.resolve(import.meta.dirname, '../../..')
const tokencreate = getMethod('tokencreate') as MethodSpec

describe('translated strings', () => {
  it('falls back to English string by string', () => {
    const t = resolveStrings({
      labels: { result: '结果', yes: '' },
      methods: { tokencreate: { summary: '构建创建代币的交易。', params: { name: '最多 32 个字符。' } } },
    })
    expect(t.labels.result).toBe('结果')
    expect(t.labels.yes).toBe(ENGLISH_LABELS.yes)
    expect(t.labels.parameters).toBe(ENGLISH_LABELS.parameters)
    const m = t.method(tokencreate)
    expect(m.summary).toBe('构建创建代币的交易。')
    expect(m.params.name).toBe('最多 32 个字符。')
    expect(m.params.supply).toBe('Supply in coins; 1 token = 1 satoshi.')
    expect(m.result).toBe(tokencreate.result)
    expect(t.categories.tokens.title).toBe('Tokens CC')
  })

  it('ignores translated params the catalog no longer has', () => {
    const m = resolveStrings({ methods: { tokencreate: { params: { gone: 'x' } } } }).method(tokencreate)
    expect(Object.keys(m.params)).toEqual(tokencreate.params.map((p) => p.name))
  })

  it('is all English for a locale without reference.json', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kj-ref-'))
    expect(readReferenceFile(dir, 'xx')).toEqual({})
    expect(resolveStrings(readReferenceFile(dir, 'xx')).method(tokencreate).summary).toBe(tokencreate.summary)
  })

  it('reports missing and outdated translations by source hash', () => {
    const getinfo = getMethod('getinfo') as MethodSpec
    const file: ReferenceFile = {
      methods: {
        tokencreate: { source_hash: methodSourceHash(tokencreate), summary: 'x' },
        getinfo: { source_hash: methodSourceHash({ ...getinfo, summary: 'older text' }), summary: 'y' },
      },
    }
    const s = translationStatus(file, [tokencreate, getinfo, getMethod('help') as MethodSpec])
    expect(s).toEqual({ translated: 2, total: 3, outdated: ['getinfo'], missing: ['help'] })
  })
})

describe('locales/*/reference.json', () => {
  const dirs = fs.readdirSync(path.join(ROOT, 'locales')).filter((d) => fs.existsSync(path.join(ROOT, 'locales', d, 'reference.json')))

  it('exists for zh', () => {
    expect(dirs).toContain('zh')
  })

  it('names only catalog methods, their params, and known labels', () => {
    for (const dir of dirs) {
      const file = readReferenceFile(path.join(ROOT, 'locales'), dir)
      for (const key of Object.keys(file.labels ?? {})) expect(ENGLISH_LABELS, `${dir} label ${key}`).toHaveProperty(key)
      for (const [name, text] of Object.entries(file.methods ?? {})) {
        const spec = getMethod(name)
        expect(spec, `${dir}: ${name} is not in the catalog`).toBeDefined()
        for (const p of Object.keys(text.params ?? {}))
          expect(spec!.params.map((x) => x.name), `${dir}: ${name}(${p})`).toContain(p)
      }
    }
  })

  it('gives zh a summary for every catalog method', () => {
    const s = translationStatus(readReferenceFile(path.join(ROOT, 'locales'), 'zh'), METHODS)
    expect(s.missing).toEqual([])
  })
})
