// `npm run i18n:stamp -- locales/<dir>/<path>.md …`: records in each translation's frontmatter the hash of its
// English original (`source_hash:`), marking it up to date. Run it after translating or re-checking a page.
import fs from 'node:fs'
import path from 'node:path'
import { ROOT } from '../../.vuepress/locales/discover.ts'
import { sourceHash, writeSourceHash } from '../../.vuepress/locales/inventory.ts'

const root = process.env.KJ_ROOT || ROOT
const files = process.argv.slice(2).filter((a) => !a.startsWith('--'))
if (!files.length) {
  console.error('usage: npm run i18n:stamp -- locales/<dir>/<path>.md [more files]')
  process.exit(2)
}
let failed = false
for (const file of files) {
  // npm runs scripts from the package root; INIT_CWD is where the translator typed the command.
  const rel = path.relative(root, path.resolve(process.env.INIT_CWD || process.cwd(), file)).split(path.sep).join('/')
  const m = /^locales\/[^/]+\/(.+\.md)$/.exec(rel)
  const source = m && path.join(root, 'docs', m[1])
  if (!m || !source) {
    console.error(`${file}: not a translated page (expected locales/<dir>/<path>.md)`)
    failed = true
  } else if (!fs.existsSync(source)) {
    console.error(`${file}: has no English original at docs/${m[1]}`)
    failed = true
  } else {
    const hash = sourceHash(fs.readFileSync(source, 'utf8'))
    const target = path.join(root, rel)
    fs.writeFileSync(target, writeSourceHash(fs.readFileSync(target, 'utf8'), hash))
    console.log(`${rel}: source_hash ${hash} (docs/${m[1]})`)
  }
}
process.exit(failed ? 1 : 0)
