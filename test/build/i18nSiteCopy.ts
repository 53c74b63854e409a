import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildStatus } from '../../.vuepress/locales/status.ts'
import { sourceHash, writeSourceHash } from '../../.vuepress/locales/inventory.ts'
import { ROOT, buildSite } from '../support/site.ts'

// What a site build reads: everything but dependencies, git data, build output and test artifacts.
const SKIP = new Set(['node_modules', '.git', 'test-results', 'dist', '.temp', '.cache'])

/**
 * A copy of the repository in a temporary folder, with node_modules symlinked, for builds that need a changed
 * source tree (a new locale, an edited page). Returns its root.
 */
export function copySite(into = fs.mkdtempSync(path.join(os.tmpdir(), 'kj-site-'))): string {
  fs.mkdirSync(into, { recursive: true })
  fs.cpSync(ROOT, into, { recursive: true, filter: (src) => src === ROOT || !SKIP.has(path.basename(src)) })
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(into, 'node_modules'), 'dir')
  return into
}

/** The French locale the fixture adds: a locale.json and one translated page, nothing else. */
export const FR = {
  localeJson: {
    lang: 'fr-FR',
    name: 'Français',
    search: { placeholder: 'Rechercher' },
    theme: { selectLanguageText: 'Langues', backToHome: "Retour à l'accueil" },
    ui: { i18n: { fallback: { title: 'Pas encore traduite', readOriginal: "Lire l'original" }, outdated: { title: 'Traduction peut-être périmée' } } },
  },
  page: 'journeys/your-own-chain.md',
  pageBody: '# Votre propre chaîne\n\n## Démarrer la chaîne\n\nLancez `npm run dev`.\n',
}

/** A sentence only in a page body: the search index must never contain it. */
export const BODY_MARKER = 'Quartzzebra body sentence that no index should hold'

export interface I18nFixture {
  root: string
  dist: string
  /** The English page the fixture edited, and its zh twin that was current before the edit. */
  edited: { source: string; twin: string; twinRoute: string; englishRoute: string }
}

/**
 * The i18n fixture site: a copy of the repository plus `locales/fr/` (locale.json and one page), with one
 * English page edited after its zh twin was stamped, built once. `npm test` shares it between the build and
 * e2e layers through a folder beside KJ_TEST_DIST; a layer run alone builds its own.
 */
export function i18nFixture(): I18nFixture {
  const shared = process.env.KJ_TEST_DIST ? path.join(path.dirname(process.env.KJ_TEST_DIST), 'i18n-fixture') : null
  const metaFile = shared && path.join(shared, 'fixture.json')
  if (metaFile && fs.existsSync(metaFile)) return JSON.parse(fs.readFileSync(metaFile, 'utf8')) as I18nFixture
  const root = copySite(shared ? path.join(shared, 'site') : undefined)
  fs.mkdirSync(path.join(root, 'locales/fr/journeys'), { recursive: true })
  fs.writeFileSync(path.join(root, 'locales/fr/locale.json'), JSON.stringify(FR.localeJson, null, 2))
  const english = fs.readFileSync(path.join(root, 'docs', FR.page), 'utf8')
  const frontmatter = /^---\n[\s\S]*?\n---\n/.exec(english)?.[0] ?? ''
  fs.writeFileSync(path.join(root, 'locales/fr', FR.page), writeSourceHash(frontmatter.replace(/^title:.*$/m, 'title: Votre propre chaîne') + '\n' + FR.pageBody, sourceHash(english)))
  // Stamp a zh translation as current, then edit its English original: the twin must turn outdated.
  const zh = buildStatus(root).locales.find((l) => l.dir === 'zh')!
  const pick = zh.pages.find((p) => p.state !== 'missing' && p.source !== 'docs/README.md')!
  const twinFile = path.join(root, pick.translation)
  fs.writeFileSync(twinFile, writeSourceHash(fs.readFileSync(twinFile, 'utf8'), sourceHash(fs.readFileSync(path.join(root, pick.source), 'utf8'))))
  fs.appendFileSync(path.join(root, pick.source), `\n${BODY_MARKER}.\n`)
  const dist = buildSite(path.join(root, 'dist'), root)
  const fixture: I18nFixture = {
    root,
    dist,
    edited: { source: pick.source, twin: pick.translation, twinRoute: pick.route, englishRoute: pick.englishRoute },
  }
  if (metaFile) fs.writeFileSync(metaFile, JSON.stringify(fixture))
  return fixture
}

/** Runs `vuepress build` in `root` expecting it to fail; returns its output. */
export function failingBuild(root: string): string {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vuepress/bin/vuepress.js'), 'build'], {
    cwd: root,
    env: { ...process.env, KJ_DIST: path.join(root, 'dist-failing') },
    encoding: 'utf8',
  })
  if (r.status === 0) throw new Error('vuepress build succeeded where it should have failed')
  return r.stdout + r.stderr
}
