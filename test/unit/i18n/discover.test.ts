import { describe, expect, it } from 'vitest'
import { englishUi as en } from '../../../components/i18n/englishUi.ts'
import { discoverLocales, LocaleConfigError } from '../../../.vuepress/locales/discover.ts'
import { tree } from './fixtures.ts'

describe('locale discovery', () => {
  it('turns each locale.json into site, theme and search locales with merged UI strings', () => {
    const root = tree({
      'locales/fr/locale.json': JSON.stringify({
        lang: 'fr-FR', name: 'Français', dir: 'ltr', theme: { backToHome: 'Accueil' }, search: { placeholder: 'Rechercher' },
        ui: { i18n: { fallback: { title: 'Pas encore traduit' } } },
      }),
      'locales/ar/locale.json': JSON.stringify({ lang: 'ar', name: 'العربية', dir: 'rtl' }),
      'locales/notes/readme.txt': 'a folder without locale.json is not a locale',
    })
    const d = discoverLocales(root)
    expect(Object.keys(d.site)).toEqual(['/', '/ar/', '/fr/'])
    expect(d.site['/fr/'].lang).toBe('fr-FR')
    expect(d.theme['/fr/']).toEqual({ backToHome: 'Accueil', selectLanguageName: 'Français' })
    expect(d.search['/fr/'].placeholder).toBe('Rechercher')
    const fr = d.list.find((l) => l.dir === 'fr')!
    expect(fr.ui.i18n.fallback.title).toBe('Pas encore traduit')
    // The client loads UI strings per locale: they stay out of the site data every page carries.
    expect(d.site['/fr/']).not.toHaveProperty('ui')
    expect(fr.ui.i18n.outdated.title).toBe(en.i18n.outdated.title)
    expect((d.site['/ar/'] as unknown as { dir: string }).dir).toBe('rtl')
    expect(d.list.find((l) => l.dir === 'fr')!.missingUi).toContain('i18n.outdated.title')
  })

  it('throws one error naming every bad file and field, or reports them when not strict', () => {
    const root = tree({
      'locales/fr/locale.json': JSON.stringify({ lang: 'fr-FR' }),
      'locales/de/locale.json': '{ not json',
      'locales/es/locale.json': JSON.stringify({ lang: 'es', name: 'Español' }),
    })
    let caught: unknown
    try {
      discoverLocales(root)
    } catch (e) {
      caught = e
    }
    expect(caught).toBeInstanceOf(LocaleConfigError)
    const message = (caught as Error).message
    expect(message).toContain('locales/fr/locale.json: field "name" is required')
    expect(message).toContain('locales/de/locale.json: is not valid JSON')
    const loose = discoverLocales(root, { strict: false })
    expect(loose.list.map((l) => l.dir)).toEqual(['es'])
    expect(loose.errors).toHaveLength(2)
  })
})
