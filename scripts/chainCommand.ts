import { readFileSync } from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '..')

/**
 * What the `chain` script of package.json runs (`sh server/chain/chain.sh`), as a program and its
 * arguments for spawn(): the tests and the benches start exactly what `npm run chain` starts.
 */
export function chainCommand(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  const [program, script, ...rest] = pkg.scripts.chain.split(/\s+/)
  if (program !== 'sh' || !script) throw new Error(`the chain script no longer runs a shell script: ${pkg.scripts.chain}`)
  return [program, path.join(ROOT, script), ...rest]
}

/** The V8 flags chain.sh gives Node on every start. */
export function chainNodeFlags(): string[] {
  const m = /^flags='([^']*)'$/m.exec(readFileSync(path.join(ROOT, 'server/chain/chain.sh'), 'utf8'))
  if (!m) throw new Error('server/chain/chain.sh no longer sets flags=')
  return m[1].split(/\s+/).filter(Boolean)
}

/** Node on the chain's launcher directly, without chain.sh (so without its startup snapshot). */
export function chainOnNode(flags: string[] = chainNodeFlags(), root = ROOT): string[] {
  return [process.execPath, ...flags, path.join(root, 'server/chain/launch.mjs')]
}
