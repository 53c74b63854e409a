/**
 * Chain parameters from komodod's own command-line flags, with the asset-chain magic and port
 * derivation of reference §7.2 (both branches: with and without "extra" parameters). The extra bytes,
 * the premine and the coinbase maturity follow komodo_args and komodo_ac_block_subsidy in
 * src/komodo_utils.cpp.
 */
import { crc32 } from '../crypto/crc32.ts'
import { concatBytes } from '@noble/hashes/utils.js'
import { sha256, fromHex } from '../crypto/hash.ts'

export interface ChainParams {
  name: string
  /** Premine in whole coins (-ac_supply). */
  supply: number
  /** Block reward in satoshis (-ac_reward; 10,000 sat when omitted). */
  reward: number
  /** Satoshis block 1 pays: supply·COIN + (magic & 0xffffff). */
  premineSats: number
  /** Whether a non-zero -ac_reward (or -ac_eras) was given: getinfo then prints the era fields. */
  rewardSet: boolean
  /** The per-era reward flags as komodod normalised them (getinfo prints them). */
  flags: AcFlags
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
  /** Coinbase maturity in blocks (-ac_cbmaturity; asset chains without eras: 1, with eras: 100). */
  coinbaseMaturity: number
  /** -datacarriersize: the largest standard OP_RETURN script (208 bytes on asset chains). */
  dataCarrierBytes: number
  /** Genesis time (fixed, so hashes replay) and the per-block time step. */
  genesisTime: number
}

export const DEFAULT_ARGS = ['-ac_name=DOCS', '-ac_supply=1000000', '-ac_cc=2']
export const DEFAULT_REWARD_SAT = 10_000
export const GENESIS_TIME = 1_700_000_000
const COIN = 100_000_000

const MAX_ERAS = 7
const TIMELOCK_OFF = 0xffffffffffffffffn

/** komodod's Split(): a comma list into `n` slots, the rest filled with the last value (src/util.cpp). */
function splitList(v: string | undefined, n = MAX_ERAS): bigint[] {
  const vals = (v ?? '').split(',').map((x) => x.trim()).filter((x) => /^\d+$/.test(x)).map((x) => BigInt(x))
  const last = vals.length ? vals[vals.length - 1] : 0n
  return Array.from({ length: n }, (_, i) => vals[i] ?? last)
}

function leN(n: bigint, bytes: number): Uint8Array {
  const b = new Uint8Array(bytes)
  let v = BigInt.asUintN(bytes * 8, n)
  for (let i = 0; i < bytes; i++, v >>= 8n) b[i] = Number(v & 0xffn)
  return b
}

const le64 = (n: number | bigint): Uint8Array => leN(BigInt(n), 8)
const le32 = (n: number | bigint): Uint8Array => leN(BigInt(n), 4)

/** The -ac_* values komodod reads in komodo_args (src/komodo_utils.cpp), as it normalises them. */
export interface AcFlags {
  eras: number // ASSETCHAINS_LASTERA + 1
  end: bigint[]
  reward: bigint[]
  halving: bigint[]
  decay: bigint[]
  notarypay: bigint[]
}

function acInt(m: Map<string, string>, key: string, dflt = 0n): bigint {
  const v = m.get(key)
  if (v === undefined || !/^-?\d+$/.test(v.trim())) return v === undefined ? dflt : 0n // atoi64("abc") = 0
  return BigInt(v.trim())
}

/**
 * komodod's "extra" bytes, hashed into the magic: every -ac_* flag komodo_args (src/komodo_utils.cpp)
 * appends, in its order and widths. Null when none of them is set (the 8000 + magic % 7777 branch).
 */
export function extraBytes(m: Map<string, string>, flags: AcFlags): Uint8Array | null {
  const cc = acInt(m, 'ac_cc')
  const pubkeyHex = m.get('ac_pubkey') ?? ''
  const pubkey = /^[0-9a-fA-F]{66}$/.test(pubkeyHex) ? fromHex(pubkeyHex) : new Uint8Array(33)
  const script = m.get('ac_script') ?? ''
  const hasOverride = pubkey[0] !== 0 || script.length > 1
  // Commission and founders need an override pubkey or script; komodod zeroes them otherwise.
  const commission = hasOverride ? acInt(m, 'ac_perc') : 0n
  const founders = hasOverride ? acInt(m, 'ac_founders') : 0n
  const foundersReward = acInt(m, 'ac_founders_reward')
  // With founders and no reward komodod defaults the commission to 35% (53846154).
  const commissionOrFounders = founders !== 0n && commission === 0n && foundersReward === 0n ? 53846154n : commission
  const pub = acInt(m, 'ac_public')
  const priv = acInt(m, 'ac_private')
  const txpow = acInt(m, 'ac_txpow') & 3n
  let staked = acInt(m, 'ac_staked')
  if (staked > 100n) staked = 100n
  const unlockFrom = acInt(m, 'ac_timeunlockfrom')
  const unlockTo = acInt(m, 'ac_timeunlockto')
  // An unlock window that ends before it starts switches the time lock off, as in komodod.
  const timelock = m.has('ac_timelockgte') && unlockFrom <= unlockTo ? BigInt.asUintN(64, acInt(m, 'ac_timelockgte')) : TIMELOCK_OFF
  const selfimport = m.get('ac_import') ?? ''
  const ccenable = cc !== 0n ? splitList(m.get('ac_ccenable'), 256) : []
  const enabled: number[] = []
  let prev = 0n
  for (const e of ccenable) if (e !== prev && e !== 0n) {
    enabled.push(Number(e & 0xffn))
    prev = e
  }
  const cclib = cc !== 0n ? m.get('ac_cclib') ?? '' : ''
  const blocktime = acInt(m, 'ac_blocktime', 60n)
  const mineropret = m.get('ac_mineropret') ?? ''
  const nk = splitList(m.get('ac_nk'), 2)
  const snapshot = acInt(m, 'ac_snapshot')
  const earlytxid = acInt(m, 'ac_earlytxidcontract')
  const cbmaturity = acInt(m, 'ac_cbmaturity')
  const adaptivepow = acInt(m, 'ac_adaptivepow')
  const lastEra = flags.eras - 1
  const anySet = flags.end[0] !== 0n || flags.reward[0] !== 0n || flags.halving[0] !== 0n || flags.decay[0] !== 0n ||
    commissionOrFounders !== 0n || pub !== 0n || priv !== 0n || txpow !== 0n || founders !== 0n || script.length > 1 ||
    selfimport.length > 0 || pubkey[0] !== 0 || timelock !== TIMELOCK_OFF || lastEra > 0 || m.has('ac_beam') ||
    m.has('ac_coda') || enabled.length > 0 || cclib.length > 0 || foundersReward !== 0n || flags.notarypay[0] !== 0n ||
    blocktime !== 60n || mineropret.length !== 0 || (nk[0] !== 0n && nk[1] !== 0n) || snapshot !== 0n ||
    earlytxid !== 0n || cbmaturity !== 0n || adaptivepow !== 0n
  if (!anySet) return null
  const parts: Uint8Array[] = [pubkey]
  for (let i = 0; i <= lastEra; i++) {
    parts.push(le64(flags.end[i]), le64(flags.reward[i]), le64(flags.halving[i]), le64(flags.decay[i]))
    if (flags.notarypay[0] !== 0n) parts.push(le64(flags.notarypay[i]))
  }
  if (lastEra > 0) parts.push(le64(lastEra))
  if (timelock !== TIMELOCK_OFF) parts.push(le64(timelock), le64(unlockFrom), le64(unlockTo))
  // -ac_algo: this komodod knows only equihash, so the algo bytes never appear.
  const val = commissionOrFounders | ((staked & 0xffn) << 32n) | ((cc & 0xffffn) << 40n) | (BigInt(pub !== 0n) << 7n) | (BigInt(priv !== 0n) << 6n) | txpow
  parts.push(le64(val))
  if (founders !== 0n) {
    parts.push(Uint8Array.of(1))
    if (founders > 1n) parts.push(le32(founders))
    if (foundersReward !== 0n) parts.push(le64(foundersReward))
  }
  if (script.length > 1) parts.push(fromHex(script.slice(0, script.length & ~1)))
  if (selfimport.length) parts.push(new TextEncoder().encode(selfimport))
  if (m.has('ac_beam')) parts.push(Uint8Array.of(0x62))
  if (m.has('ac_coda')) parts.push(Uint8Array.of(0x63))
  if (enabled.length) {
    // 256 disable bits: all set, then the enabled eval codes and code 0 cleared.
    const bits = new Uint8Array(32).fill(0xff)
    for (const e of [...enabled, 0]) bits[e >> 3] &= ~(1 << (e & 7))
    parts.push(bits)
  }
  if (cclib.length > 1) parts.push(new TextEncoder().encode(cclib))
  if (blocktime !== 60n) parts.push(le32(blocktime))
  if (mineropret.length) parts.push(fromHex(mineropret.slice(0, mineropret.length & ~1)))
  if (nk[0] !== 0n && nk[1] !== 0n) parts.push(le64(nk[0]), le64(nk[1]))
  if (snapshot !== 0n) parts.push(le32(snapshot))
  if (earlytxid !== 0n) parts.push(le32(earlytxid))
  if (cbmaturity !== 0n) parts.push(le32(cbmaturity))
  if (adaptivepow !== 0n) parts.push(Uint8Array.of(Number(adaptivepow & 0xffn)))
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

/** -ac_end/-ac_reward/-ac_halving/-ac_decay/-ac_notarypay per era, normalised as komodo_args does. */
export function acFlags(m: Map<string, string>): AcFlags {
  let eras = Number(acInt(m, 'ac_eras', 1n))
  if (eras < 1 || eras > MAX_ERAS) eras = 1
  const end = splitList(m.get('ac_end'))
  // A linear decay needs an end height; a decay above 100% is ignored.
  const decay = splitList(m.get('ac_decay')).map((d, i) => (d === 100_000_000n && end[i] === 0n) || d > 100_000_000n ? 0n : d)
  return { eras, end, reward: splitList(m.get('ac_reward')), halving: splitList(m.get('ac_halving')), decay, notarypay: splitList(m.get('ac_notarypay')) }
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
  const flags = acFlags(m)
  // -ac_reward=0 is komodod's "unset": no extra bytes, the 10,000-sat default reward, no getinfo fields.
  const rewardSet = flags.reward[0] !== 0n || flags.eras > 1
  const reward = flags.reward[0] !== 0n ? Number(flags.reward[0]) : DEFAULT_REWARD_SAT
  const cc = intArg(m, 'ac_cc', 0)
  const blocktime = intArg(m, 'ac_blocktime', 60) || 60
  const staked = Math.min(100, intArg(m, 'ac_staked', 0))
  const { magic, p2pport } = magicAndPort(name, supply, extraBytes(m, flags))
  // Block 1 pays the supply plus magic & 0xffffff satoshis (the whole magic on staked chains):
  // komodo_ac_block_subsidy, src/komodo_utils.cpp. RT1/1000 → 1000.07809721.
  const magicExtra = staked ? magic >>> 0 : (magic >>> 0) & 0xffffff
  const premineSats = supply * COIN + magicExtra
  if (!Number.isSafeInteger(premineSats)) throw new ArgError(`-ac_supply=${supply} is beyond what the devchain can count exactly`)
  // Maturity: -ac_cbmaturity, else 1 on chains without eras, else komodod's default 100.
  const cbm = intArg(m, 'ac_cbmaturity', 0)
  const coinbaseMaturity = cbm !== 0 ? cbm : flags.eras === 1 || staked ? 1 : 100
  const datadir = m.get('datadir') ?? env.DEVCHAIN_DATA ?? '.devchain'
  return {
    name, supply, premineSats, reward, rewardSet, flags, cc, blocktime, staked,
    regtest: m.has('regtest') && m.get('regtest') !== '0',
    magic, p2pport,
    rpcport: intArg(m, 'rpcport', p2pport + 1),
    rpcuser: m.get('rpcuser') ?? 'user',
    rpcpassword: m.get('rpcpassword') ?? 'pass',
    datadir,
    coinbaseMaturity,
    dataCarrierBytes: intArg(m, 'datacarriersize', 208), // MAX_OP_RETURN_RELAY_AC, src/script/standard.h
    genesisTime: GENESIS_TIME,
  }
}
