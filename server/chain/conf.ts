/**
 * Where `npm run chain` takes its RPC credentials and port from, besides the command line, so a
 * password never has to sit in argv (where `ps` and /proc/<pid>/cmdline show it to every user):
 *   1. the command line (-rpcuser=, -rpcpassword=, -rpcport=) — wins, as in komodod;
 *   2. the environment: DEVCHAIN_RPC_USER, DEVCHAIN_RPC_PASSWORD, DEVCHAIN_RPC_PORT;
 *   3. a conf file read the way komodod reads one (src/util.cpp ReadConfigFile): `-conf=<file>`, else
 *      `<name>.conf` in the data directory (komodod: ~/.komodo/<NAME>/<NAME>.conf); `key=value` lines,
 *      `#` comments; a value already given on the command line is not overridden.
 * Deviation: komodod quietly runs without a missing `-conf` file; here a `-conf` that names a
 * missing file stops the start, since it is almost always a typo.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chainParamsFrom } from '../../devchain/chain/params.ts'

/** The conf keys the devchain understands; komodod's other keys (server, txindex, addnode…) are ignored. */
const CONF_KEYS = ['rpcuser', 'rpcpassword', 'rpcport'] as const
const ENV_KEYS: Record<(typeof CONF_KEYS)[number], string> = {
  rpcuser: 'DEVCHAIN_RPC_USER',
  rpcpassword: 'DEVCHAIN_RPC_PASSWORD',
  rpcport: 'DEVCHAIN_RPC_PORT',
}

/** `key=value` lines of a komodod conf file (later lines do not override earlier ones, as komodod). */
export function parseConf(text: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim()
    const eq = line.indexOf('=')
    if (eq <= 0) continue
    const key = line.slice(0, eq).trim().replace(/^-+/, '')
    if (!out.has(key)) out.set(key, line.slice(eq + 1).trim())
  }
  return out
}

/** A start-up refusal about the conf file, printed as one line. */
export class ConfError extends Error {
  override name = 'ConfError'
}

const flagOf = (a: string): string => a.replace(/^-+/, '').split('=')[0]

export interface ResolvedArgs {
  /** The flags the chain starts with: the command line plus what the environment and conf file add. */
  args: string[]
  /** The conf file read, if any (for the start-up line; never its contents). */
  confFile: string | null
}

/** Adds -rpcuser/-rpcpassword/-rpcport from the environment and the conf file where argv has none. */
export function resolveChainArgs(argv: readonly string[], env: Record<string, string | undefined>): ResolvedArgs {
  const given = new Set(argv.map(flagOf))
  const confFlag = argv.find((a) => flagOf(a) === 'conf')
  const chainArgs = argv.filter((a) => flagOf(a) !== 'conf')
  const args = [...chainArgs]
  for (const key of CONF_KEYS) {
    const value = env[ENV_KEYS[key]]?.trim()
    if (value && !given.has(key)) {
      args.push(`-${key}=${value}`)
      given.add(key)
    }
  }
  let confFile: string | null = null
  if (confFlag) {
    confFile = resolve(confFlag.slice(confFlag.indexOf('=') + 1))
    if (!existsSync(confFile)) throw new ConfError(`-conf: no such file: ${confFile}`)
  } else {
    const p = chainParamsFrom(chainArgs, env)
    const candidate = p.datadir === null ? null : join(p.datadir, `${p.name}.conf`)
    if (candidate && existsSync(candidate)) confFile = candidate
  }
  if (confFile) {
    const conf = parseConf(readFileSync(confFile, 'utf8'))
    for (const key of CONF_KEYS) {
      const value = conf.get(key)
      if (value !== undefined && !given.has(key)) args.push(`-${key}=${value}`)
    }
  }
  return { args, confFile }
}
