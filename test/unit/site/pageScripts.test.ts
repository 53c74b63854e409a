import { renderPageToVue, type App, type Page } from 'vuepress/core'
import * as sfc from 'vue/compiler-sfc'
import { describe, expect, it, vi } from 'vitest'
import { compilePageScript, withPageScripts } from '../../../.vuepress/bundler/pageScripts.ts'

/** A page's SFC as VuePress itself writes it, for a page with the given script blocks. */
function pageSfc(data: Record<string, unknown>, blocks: Partial<Page['sfcBlocks']> = {}, dev = false): sfc.SFCDescriptor {
  const page = {
    data,
    chunkFilePath: '/site/.vuepress/.temp/pages/ru/guide/"quoted".html.vue',
    sfcBlocks: { template: { type: 'template', content: '', contentStripped: '<p>{{ 1 }}</p>', tagOpen: '<template>', tagClose: '</template>' }, script: null, scriptSetup: null, scripts: [], styles: [], customBlocks: [], ...blocks },
  } as unknown as Page
  const source = renderPageToVue({ env: { isDev: dev } } as App, page)
  return sfc.parse(source, { filename: '/site/docs/guide.md' }).descriptor
}

// What plugin-vue passes for a page in `vuepress build`.
const BUILD: sfc.SFCScriptCompileOptions = { id: 'data-v-1', isProd: true, genDefaultAs: '_sfc_main' }
const DATA = {
  path: '/ru/guide.html', title: 'Цепочка "как есть" \\ </p> \u2028', lang: 'ru-RU',
  frontmatter: { rpc: ['getinfo'], nested: { quote: "it's", n: 1.5, none: null } },
}

describe('compilePageScript', () => {
  it('gives what compileScript gives for the script VuePress writes for a page', () => {
    const descriptor = pageSfc(DATA)
    const fast = compilePageScript(descriptor, BUILD)
    const real = sfc.compileScript(descriptor, BUILD)
    expect(fast).not.toBeNull()
    expect(fast!.content).toBe(real.content)
    expect(fast!.content).toContain('const _sfc_main = { name: ')
    expect(fast!.bindings).toEqual(real.bindings)
    expect(Object.getOwnPropertyDescriptor(fast!.bindings, '__isScriptSetup')).toEqual(Object.getOwnPropertyDescriptor(real.bindings, '__isScriptSetup'))
    expect({ ...fast, content: '', scriptAst: [], bindings: {} }).toEqual({ ...real, content: '', scriptAst: [], bindings: {} })
  })

  it('leaves every other script to the compiler', () => {
    const own = { type: 'script', content: '', contentStripped: 'export const n = 1', tagOpen: '<script>', tagClose: '</script>' }
    const setup = { type: 'script', content: '<script setup>\nconst n = 1\n</script>', contentStripped: 'const n = 1', tagOpen: '<script setup>', tagClose: '</script>' }
    const ts = { ...own, contentStripped: '', tagOpen: '<script lang="ts">' }
    expect(compilePageScript(pageSfc(DATA, { script: own } as never), BUILD)).toBeNull()
    expect(compilePageScript(pageSfc(DATA, { scriptSetup: setup } as never), BUILD)).toBeNull()
    expect(compilePageScript(pageSfc(DATA, { script: ts } as never), BUILD)).toBeNull()
    // `vuepress dev` (HMR code in the script, and plugin-vue's HMR compares the script's AST).
    expect(compilePageScript(pageSfc(DATA, {}, true), { ...BUILD, isProd: false })).toBeNull()
    expect(compilePageScript(pageSfc(DATA), { ...BUILD, isProd: false })).toBeNull()
    expect(compilePageScript(pageSfc(DATA), { ...BUILD, genDefaultAs: undefined })).toBeNull()
  })
})

describe('withPageScripts', () => {
  it('calls the wrapped compiler for anything but a page script', () => {
    const compileScript = vi.fn(sfc.compileScript)
    const compiler = withPageScripts({ ...sfc, compileScript })
    compiler.compileScript(pageSfc(DATA), BUILD)
    expect(compileScript).not.toHaveBeenCalled()
    const { descriptor } = sfc.parse('<script setup>\nconst n = 1\n</script>', { filename: '/c.vue' })
    expect(compiler.compileScript(descriptor, BUILD).content).toContain('setup')
    expect(compileScript).toHaveBeenCalledOnce()
  })
})
