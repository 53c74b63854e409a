import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** A throwaway source tree: `files` maps relative paths to contents. */
export function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kj-i18n-'))
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    fs.writeFileSync(path.join(root, rel), text)
  }
  return root
}
