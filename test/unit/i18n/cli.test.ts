import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readSourceHash, sourceHash } from '../../../.vuepress/locales/inventory.ts'
import { buildStatus } from '../../../.vuepress/locales/status.ts'
import { tree } from './fixtures.ts'

const ROOT = path.resolve(import.meta.dirname, '../../..')
const run = (script: string, args: string[], root: string) =>
  spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/i18n', script), ...args], {
    cwd: root, env: { ...process.env, KJ_ROOT: root, INIT_CWD: root }, encoding: 'utf8',
  })

// Each case spawns tsx (a few seconds on a busy machine).
describe('npm run i18n:stamp and i18n:status', { timeout: 60_000 }, () => {
  it('stamps a translation with its English hash, then status --check passes; an edit makes it outdated', () => {
    const root = tree({
      'docs/x.md': '# X\n',
      'locales/fr/locale.json': JSON.stringify({ lang: 'fr', name: 'Français' }),
      'locales/fr/x.md': '---\ntitle: X fr\n---\n\n# X fr\n',
    })
    const stamp = run('stamp.ts', ['locales/fr/x.md'], root)
    expect(stamp.status, stamp.stderr).toBe(0)
    expect(readSourceHash(fs.readFileSync(path.join(root, 'locales/fr/x.md'), 'utf8'))).toBe(sourceHash('# X\n'))
    expect(buildStatus(root).locales[0].counts.translated).toBe(1)
    fs.writeFileSync(path.join(root, 'docs/x.md'), '# X, edited\n')
    const status = run('status.ts', ['--check'], root)
    expect(status.status, status.stderr).toBe(0)
    expect(status.stdout).toContain('0 translated, 1 outdated')
    expect(status.stdout).toContain('outdated  locales/fr/x.md')
  })

  it('refuses to stamp a file that translates nothing', () => {
    const root = tree({ 'docs/x.md': '# X\n', 'locales/fr/y.md': '# Y\n' })
    const r = run('stamp.ts', ['locales/fr/y.md'], root)
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('has no English original at docs/y.md')
  })

  it('--check exits non-zero on a malformed locale.json, naming the file and the field', () => {
    const root = tree({ 'docs/x.md': '# X\n', 'locales/fr/locale.json': JSON.stringify({ lang: 'fr', name: 'Français', ui: { nope: 'x' } }) })
    const r = run('status.ts', ['--check'], root)
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('error: locales/fr/locale.json: field "ui.nope" is not a key of components/i18n/en.ts')
  })
})
