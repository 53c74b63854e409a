/**
 * The chain's -ac_* parameters from `deploy/chain.env`, the one file the komodod nodes, the site's devchain and the
 * pages' command lines share. The environment overrides the file key by key (compose passes the file as env_file).
 */
import fs from 'node:fs'
import path from 'node:path'

export const CHAIN_ENV_FILE = path.resolve(import.meta.dirname, '../deploy/chain.env')

/** The -ac_* flags these keys become, in komodod's usual order. */
const FLAGS = [['AC_NAME', 'ac_name'], ['AC_SUPPLY', 'ac_supply'], ['AC_REWARD', 'ac_reward'], ['AC_CC', 'ac_cc']] as const

/** `KEY=value` lines; `#` comments and blank lines skipped, no quoting or expansion (compose's env_file reads it too). */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line)
    if (m && !line.trimStart().startsWith('#')) out[m[1]] = m[2].trim()
  }
  return out
}

/** komodod's flags for the chain: the file's values, overridden by the environment; an empty or 0 reward is unset. */
export function chainArgs(env: Record<string, string | undefined> = process.env, file = CHAIN_ENV_FILE): string[] {
  const values = { ...parseEnvFile(fs.readFileSync(file, 'utf8')) }
  for (const [key] of FLAGS) if (env[key] !== undefined) values[key] = env[key]!
  return FLAGS.filter(([key]) => values[key] && !(key === 'AC_REWARD' && values[key] === '0')).map(([key, flag]) => `-${flag}=${values[key]}`)
}
