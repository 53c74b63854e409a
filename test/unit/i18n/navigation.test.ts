import { describe, expect, it } from 'vitest'
import { buildNavbar, buildSidebar, type NavEntry } from '../../../.vuepress/plugins/i18n/navigation.ts'

const marker = { untranslated: 'EN', untranslatedTitle: 'in English' }
const entries: NavEntry[] = [
  { rest: 'guides/docker.md', path: '/fr/guides/docker.html', title: 'Docker' },
  { rest: 'journeys/b.md', path: '/fr/journeys/b.html', title: 'Beta', order: 2, journey: true, fallback: true },
  { rest: 'journeys/a.md', path: '/fr/journeys/a.html', title: 'Alpha', order: 1, journey: true },
  { rest: 'journeys/notes.md', path: '/fr/journeys/notes.html', title: 'Notes' },
  { rest: 'journeys/README.md', path: '/fr/journeys/', title: 'Parcours', order: 1 },
  { rest: 'about.md', path: '/fr/about.html', title: 'À propos', order: 99 },
]

describe('generated navigation', () => {
  it('groups folders under their README title, sorts by order then title, marks fallbacks', () => {
    expect(buildSidebar(entries, marker)).toEqual([
      {
        text: 'Parcours', link: '/fr/journeys/', collapsible: false, children: [
          { text: 'Alpha', link: '/fr/journeys/a.html' },
          { text: 'Beta · EN', link: '/fr/journeys/b.html', ariaLabel: 'Beta (in English)' },
          { text: 'Notes', link: '/fr/journeys/notes.html' },
        ],
      },
      { text: 'À propos', link: '/fr/about.html' },
      { text: 'Guides', collapsible: false, children: [{ text: 'Docker', link: '/fr/guides/docker.html' }] },
    ])
  })

  it('makes journey folders navbar menus of their journeys, other folders links, then the status page', () => {
    const status = { text: 'Traductions', link: '/fr/translations.html' }
    expect(buildNavbar(entries, marker, status)).toEqual([
      {
        text: 'Parcours', children: [
          { text: 'Alpha', link: '/fr/journeys/a.html' },
          { text: 'Beta · EN', link: '/fr/journeys/b.html', ariaLabel: 'Beta (in English)' },
        ],
      },
      { text: 'Guides', link: '/fr/guides/docker.html' },
      status,
    ])
  })
})
