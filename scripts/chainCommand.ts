import { readFileSync } from 'node:fs'
import path from 'node:path'

/**
 * Node's arguments in the `chain` script of package.json (`node <flags> server/chain/launch.mjs`): what the
 * tests and the bench start, so they run exactly what `npm run chain` runs, V8 flags included.
 */
export function chainCommand(): string[] {
  const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../package.json'), 'utf8')) as { scripts: Record<string, string> }
  const [bin, ...args] = pkg.scripts.chain.split(/\s+/)
  if (bin !== 'node') throw new Error(`the chain script no longer starts with node: ${pkg.scripts.chain}`)
  return args
}
