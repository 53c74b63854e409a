/**
 * How complete each locale's RPC reference strings are: `npx tsx scripts/reference-status.ts`.
 * Lists methods whose translation is missing, or was made from English text that has since changed.
 */
import fs from 'node:fs'
import path from 'node:path'
import { METHODS } from '../modules/catalog.ts'
import { readReferenceFile, translationStatus } from '../.vuepress/reference/strings.ts'

const localesDir = path.resolve(import.meta.dirname, '../locales')
for (const dir of fs.readdirSync(localesDir).sort()) {
  if (!fs.existsSync(path.join(localesDir, dir, 'locale.json'))) continue
  const s = translationStatus(readReferenceFile(localesDir, dir), METHODS)
  console.log(`${dir}: ${s.translated}/${s.total} methods translated, ${s.outdated.length} outdated, ${s.missing.length} missing`)
  if (s.outdated.length) console.log(`  outdated: ${s.outdated.join(', ')}`)
  if (s.missing.length) console.log(`  missing: ${s.missing.join(', ')}`)
}
