import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ROOT } from '../support/site.ts'

// What a site build reads: everything but dependencies, git data, build output and test artifacts.
const SKIP = new Set(['node_modules', '.git', 'test-results', 'dist', '.temp', '.cache'])

/**
 * A copy of the repository in a temporary folder, with node_modules symlinked, for builds that need a changed
 * source tree (a new locale, an edited page). Returns its root.
 */
export function copySite(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kj-site-'))
  fs.cpSync(ROOT, dir, { recursive: true, filter: (src) => !SKIP.has(path.basename(src)) || src === ROOT })
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
  return dir
}
