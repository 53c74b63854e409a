// @vitest-environment happy-dom
/**
 * The widgets' UI strings (components/i18n/widgetUi.ts) stay out of a translated page's first load: only
 * the islands that wait for them may read them, and they reach every component once loaded.
 */
import fs from 'node:fs'
import path from 'node:path'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { uiPart } from '../../../.vuepress/bundler/localeUiParts.ts'
import { en } from '../../../components/i18n/en.ts'
import { ensureUiStrings, ensureWidgetUi, setUiLoaders, uiLoadersFromGlob, uiStringsFor, uiTranslationFor } from '../../../components/i18n/localeUi.ts'
import { useUiStrings } from '../../../components/i18n/useUiStrings.ts'
import { WIDGET_ISLANDS, WIDGET_KEYS } from '../../../components/i18n/widgetUi.ts'

vi.mock('vuepress/client', async (importOriginal) => ({ ...(await importOriginal<object>()), useRouteLocale: () => ref('/ru/') }))

const ROOT = path.resolve(import.meta.dirname, '../../..')
/** Every Vue and TypeScript file of the components, the modules and the site's own client code. */
function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(vue|ts)$/.test(e.name) && !e.parentPath.includes('.temp'))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)))
}

describe('the widgets\' UI strings', () => {
  it('are read only by the islands that wait for them, their transaction details and the modules\' panels', () => {
    const allowed = new Set([...WIDGET_ISLANDS.map((n) => `components/${n}.vue`), 'components/TxDetails.vue'])
    const reads = new RegExp(`\\b(?:t|ui|strings)(?:\\.value)?\\.(?:${WIDGET_KEYS.join('|')})\\.\\w`)
    const readers = ['components', 'modules', '.vuepress'].flatMap(sources).filter((f) => reads.test(fs.readFileSync(path.join(ROOT, f), 'utf8')))
    expect(readers.length).toBeGreaterThan(0)
    const panel = /^modules\/[^/]+\/[A-Z]\w*\.vue$/
    expect(readers.filter((f) => !allowed.has(f) && !panel.test(f))).toEqual([])
  })

  it('belong to islands the client registers lazily, and are keys of the English strings', () => {
    const client = fs.readFileSync(path.join(ROOT, '.vuepress/client.ts'), 'utf8')
    for (const name of WIDGET_ISLANDS) expect(client, name).toContain(`${name}: () => import('../components/${name}.vue')`)
    for (const key of WIDGET_KEYS) expect(Object.hasOwn(en, key), key).toBe(true)
  })

  it('are a part of their own, out of the core part', () => {
    const ui = { common: { run: 'Выполнить' }, tx: { title: 'Транзакция' }, clock: { title: 'Часы' }, faucet: { title: 'Кран' } }
    expect(uiPart(ui, 'core')).toEqual({ common: { run: 'Выполнить' } })
    expect(uiPart(ui, 'widgets')).toEqual({ tx: { title: 'Транзакция' }, clock: { title: 'Часы' } })
    expect(uiPart(ui, 'modules')).toEqual({ faucet: { title: 'Кран' } })
  })

  it('reach a component once loaded, in either order with the core strings, each part loaded once', async () => {
    const calls: string[] = []
    setUiLoaders(
      { '/ru/': async () => { calls.push('core'); return { common: { run: 'Выполнить' } } } },
      {},
      { '/ru/': async () => { calls.push('widgets'); return { tx: { title: 'Транзакция' } } } },
    )
    const View = defineComponent({ setup() { const t = useUiStrings(); return () => h('p', `${t.value.common.run} ${t.value.tx.title}`) } })
    const w = mount(View)
    expect(w.text()).toBe(`${en.common.run} ${en.tx.title}`)
    await Promise.all([ensureWidgetUi('/ru/'), ensureWidgetUi('/ru/')])
    await flushPromises()
    expect(w.text()).toBe(`${en.common.run} Транзакция`)
    await ensureUiStrings('/ru/')
    await ensureWidgetUi('/ru/')
    await flushPromises()
    expect(w.text()).toBe('Выполнить Транзакция')
    expect(uiStringsFor('/ru/').tx.title).toBe('Транзакция')
    expect(uiTranslationFor('/ru/')).toEqual({ common: { run: 'Выполнить' }, tx: { title: 'Транзакция' } })
    expect(calls).toEqual(['widgets', 'core'])
  })

  it('come from every locale.json through the real glob, apart from the core strings', async () => {
    const glob = (part: string) => uiLoadersFromGlob(part === 'core'
      ? import.meta.glob('../../../locales/*/locale.json', { query: '?kj-ui=core', import: 'default' })
      : import.meta.glob('../../../locales/*/locale.json', { query: '?kj-ui=widgets', import: 'default' }))
    setUiLoaders(glob('core'), {}, glob('widgets'))
    await ensureUiStrings('/ru/')
    expect(uiTranslationFor('/ru/')).not.toHaveProperty('tx')
    expect(uiStringsFor('/ru/').tx.title).toBe(en.tx.title)
    await ensureWidgetUi('/ru/')
    expect(uiTranslationFor('/ru/')).toHaveProperty('tx')
    expect(uiStringsFor('/ru/').tx.title).not.toBe(en.tx.title)
  })
})
