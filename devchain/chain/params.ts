/**
 * Chain parameters from komodod's own command-line flags, with the asset-chain magic and port
 * derivation of reference §7.2 (both branches: with and without "extra" parameters).
 */
import { crc32 } from '../crypto/crc32.ts'
import { concatBytes } from '@noble/hashes/utils.js'
import { sha256 } from '../crypto/hash.ts'

export interface ChainParams {
  name: string
  /** Premine in whole coins (-ac_supply). */
  supply: number
  /** Block reward in satoshis (-ac_reward; 10,000 sat when omitted). */
  reward: number
  /** Whether -ac_reward was given (it changes the magic and getinfo fields). */
  rewardSet: boolean
  cc: number
  blocktime: number
  staked: number
  regtest: boolean
  magic: number // signed int32, as getinfo prints it
  p2pport: number
  rpcport: number
  rpcuser: string
  rpcpassword: string
  datadir: string | null
  /** Coinbase maturity in blocks (asset chains without eras: 1). */
  coinbaseMaturity: number
  /** Genesis time (fixed, so hashes replay) and the per-block time step. */
  genesisTime: number
}

export const DEFAULT_ARGS = ['-ac_name=DOCS', '-ac_supply=1000000', '-ac_cc=2']
export const DEFAULT_REWARD_SAT = 10_000
export const GENESIS_TIME = 1_700_000_000

function le64(n: number): Uint8Array {
  const b = new Uint8Array(8)
  new DataView(b.buffer).setBigUint64(0, BigInt(n), true)
  return b
}

function le32(n: number): Uint8Array {
  const b = new Uint8Array(4)
  new DataView(b.buffer).setUint32(0, n >>> 0, true)
  return b
}

/** komodod's "extra" bytes (komodo_args), for the parameters the devchain understands. */
function extraBytes(p: { reward: number; rewardSet: boolean; cc: number; staked: number; blocktime: number }): Uint8Array | null {
  const extra = p.rewardSet || p.blocktime !== 60
  if (!extra) return null
  const parts: Uint8Array[] = [new Uint8Array(33)] // no -ac_pubkey override
  // One era: endsubsidy, reward, halving, decay (each uint64 LE); no notarypay.
  parts.push(le64(0), le64(p.rewardSet ? p.reward : 0), le64(0), le64(0))
  // commission | staked<<32 | cc<<40 | public<<7 | private<<6 | txpow
  const val = (BigInt(p.staked & 0xff) << 32n) | (BigInt(p.cc & 0xffff) << 40n)
  const v = new Uint8Array(8)
  new DataView(v.buffer).setBigUint64(0, val, true)
  parts.push(v)
  if (p.blocktime !== 60) parts.push(le32(p.blocktime))
  return concatBytes(...parts)
}

export function magicAndPort(name: string, supply: number, extra: Uint8Array | null): { magic: number; p2pport: number } {
  const data = new Uint8Array(8 + name.length)
  data.set(le64(supply))
  data.set(new TextEncoder().encode(name), 8)
  let crc0 = 0
  if (extra && extra.length) crc0 = new DataView(sha256(extra).buffer.slice(0)).getUint32(0, true)
  const magicU = crc32(data, crc0) >>> 0
  const p2pport = extra && extra.length ? 16000 + (magicU % 49500) : 8000 + (magicU % 7777)
  return { magic: magicU | 0, p2pport }
}

export class ArgError extends Error {}

/** Parses komodod-style flags (`-name=value`, `-flag`); unknown flags are ignored like komodod's. */
export function parseArgs(argv: readonly string[]): Map<string, string> {
  const m = new Map<string, string>()
  for (const a of argv) {
    if (!a.startsWith('-')) continue
    const s = a.replace(/^--?/, '')
    const eq = s.indexOf('=')
    if (eq < 0) m.set(s, '1')
    else m.set(s.slice(0, eq), s.slice(eq + 1))
  }
  return m
}

function intArg(m: Map<string, string>, key: string, dflt: number): number {
  const v = m.get(key)
  if (v === undefined) return dflt
  const n = Number(v)
  if (!Number.isFinite(n) || n < 0) throw new ArgError(`invalid -${key}=${v}`)
  return Math.floor(n)
}

export function chainParamsFrom(argv: readonly string[] = DEFAULT_ARGS, env: Record<string, string | undefined> = {}): ChainParams {
  const m = parseArgs(argv.length ? argv : DEFAULT_ARGS)
  // A command line with only non-chain flags (e.g. -rpcport) still gets the default chain.
  if (!m.has('ac_name')) for (const [k, v] of parseArgs(DEFAULT_ARGS)) if (!m.has(k)) m.set(k, v)
  const name = m.get('ac_name') as string
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(name)) throw new ArgError(`invalid -ac_name=${name}`)
  const supply = intArg(m, 'ac_supply', 10)
  const rewardSet = m.has('ac_reward')
  const reward = rewardSet ? intArg(m, 'ac_reward', 0) : DEFAULT_REWARD_SAT
  const cc = intArg(m, 'ac_cc', 0)
  const blocktime = intArg(m, 'ac_blocktime', 60) || 60
  const staked = intArg(m, 'ac_staked', 0)
  const { magic, p2pport } = magicAndPort(name, supply, extraBytes({ reward, rewardSet, cc, staked, blocktime }))
  const datadir = m.get('datadir') ?? env.DEVCHAIN_DATA ?? '.devchain'
  return {
    name, supply, reward, rewardSet, cc, blocktime, staked,
    regtest: m.has('regtest') && m.get('regtest') !== '0',
    magic, p2pport,
    rpcport: intArg(m, 'rpcport', p2pport + 1),
    rpcuser: m.get('rpcuser') ?? 'user',
    rpcpassword: m.get('rpcpassword') ?? 'pass',
    datadir,
    coinbaseMaturity: intArg(m, 'ac_cbmaturity', 1),
    genesisTime: GENESIS_TIME,
  }
}
