import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { removedPageImports } from '../../../.vuepress/bundler/removedPageImports.ts'

type Hook = { handler: (this: unknown, id: string) => string | null }
const plugin = removedPageImports()
const resolve = (id: string) => (plugin.resolveId as unknown as Hook).handler.call({}, id)
const load = (id: string) => (plugin.load as unknown as Hook).handler.call({}, id)

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kj-removed-page-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('removedPageImports', () => {
  it('resolves a page file that is gone to an empty page, only under `vuepress dev`', () => {
    const gone = path.join(dir, 'watch-blocks.md')
    const id = resolve(gone)
    expect(id).toBe(`\0kj-removed-page:${gone}`)
    const code = load(id!)
    expect(code).toContain('export const _pageData = {}')
    expect(code).toContain('export default {')
    expect(plugin.apply).toBe('serve')
  })

  it('leaves a page file that is there, and a relative import, to Vite', () => {
    const there = path.join(dir, 'faucet.md')
    fs.writeFileSync(there, '# Faucet\n')
    expect(resolve(there)).toBeNull()
    expect(resolve('./missing.md')).toBeNull()
    expect(load(there)).toBeNull()
  })
})
