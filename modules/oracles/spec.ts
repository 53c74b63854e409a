/**
 * What the Oracles module (eval 0xec) is, for every layer: its eval code and global keys
 * (src/cc/CCcustom.cpp, reference §3.3), its methods for the catalog (usage lines and parameter
 * typing from src/wallet/rpcwallet.cpp: every argument a JSON string), and the shapes of its
 * replies (src/cc/oracles.cpp: OracleInfo, OracleDataSample(s)). Isomorphic; imports only protocol/.
 *
 * The flow komodod implements: `oraclescreate` names a data feed and its format; a publisher pays
 * `oraclesfund` (a 0.0001 CC marker that proves it owns its pubkey) and `oraclesregister`s with a
 * data fee; subscribers `oraclessubscribe`, locking coins at the publisher's Oracles CC address;
 * each `oraclesdata` spends the publisher's baton, makes the next one, and pays the data fee out of
 * the subscriptions to the publisher's normal address. `oraclessamples` reads the data back.
 */
import type { MethodSpec, ParamSpec } from '../../protocol/catalog.ts'
import { EVAL } from '../../protocol/evalCodes.ts'
import { defineModule, type DecodedOpReturn, type OpReturnView } from '../../protocol/module.ts'
import { bytesToHex } from '../../protocol/opret.ts'
import type { CcSuccess, HexResult } from '../../protocol/types.ts'
import { decodeOracleCreate, decodeOracleData, decodeOracleOpret, FUNCID } from './spec/opret.ts'
import { oracleStrings } from './spec/strings.ts'

export const ORACLES_EVAL = EVAL.ORACLES
export const ORACLES_NAME = 'Oracles'
export const ORACLES_GLOBAL_PUBKEY = '038c1d42db6a45a57eccb8981b078fb7857b9b496293fe299d2b8d120ac5b5691a'
/** Global CC address and the normal (P2PKH) address of the global pubkey, where creations are marked. */
export const ORACLES_CC_ADDRESS = 'REt2C4ZMnX8YYX1DRpffNA4hECZTFm39e3'
export const ORACLES_NORMAL_ADDRESS = 'RHkFKzn1csxA3fWzAsxsLWohoCgBbirXb5'

/** The baton, the fund marker and the register markers are 10,000 sat (CC_MARKER_VALUE, txfee). */
export const ORACLES_MARKER_VALUE = 10_000

const param = (name: string, summary: string, extra: Partial<ParamSpec> = {}): ParamSpec => ({ name, type: 'string', summary, ...extra })
const oracletxid = param('oracletxid', 'Txid of the oraclescreate transaction.', { format: 'txid' })

export const ORACLES_METHODS: readonly MethodSpec[] = [
  { name: 'oraclesaddress', category: 'oracles', safety: 'cc-info', softErrors: true,
    summary: 'Oracles CC addresses and balances, global and yours.',
    params: [param('pubkey', 'Also show the Oracles CC address of this pubkey.', { optional: true, format: 'pubkey' })],
    result: 'object: result, OraclesCCAddress, OraclesCCBalance, OraclesNormalAddress, OraclesNormalBalance, OraclesCCTokensAddress, [PubkeyCCaddress(Oracles), PubkeyCCbalance(Oracles)], myCCAddress(Oracles), myCCbalance(Oracles), myaddress, mybalance' },
  { name: 'oracleslist', category: 'oracles', safety: 'cc-info',
    summary: 'Txids of every mined oracle.', params: [], result: 'array of oracletxids' },
  { name: 'oraclesinfo', category: 'oracles', safety: 'cc-info', softErrors: true,
    summary: 'Name, format and registered publishers (baton, funds, data fee) of an oracle.',
    params: [oracletxid],
    result: 'object: result, txid, name, description, format, marker, registered [{publisher, baton, batontxid, lifetime, funds, datafee}] (amounts as strings)' },
  { name: 'oraclescreate', category: 'oracles', safety: 'cc-build', softErrors: true,
    summary: 'Build a transaction that creates an oracle with a data format.',
    params: [
      param('name', 'Up to 32 characters.', { example: 'DOCSPRICE' }),
      param('description', 'Up to 4096 characters.', { example: 'A price feed made in the docs' }),
      param('format', 'One letter per field: s S d D c C t T i I l L h (e.g. "Ihh").', { example: 'sL' }),
    ],
    result: 'object: hex (not broadcast; its txid is the oracletxid), result' },
  { name: 'oraclesfund', category: 'oracles', safety: 'cc-build', softErrors: true,
    summary: 'Build the 0.0001 CC marker a publisher pays before it registers.',
    params: [oracletxid], result: 'object: hex (not broadcast), result' },
  { name: 'oraclesregister', category: 'oracles', safety: 'cc-build', softErrors: true,
    summary: 'Build a transaction that registers this node as a publisher with a data fee.',
    params: [oracletxid, param('datafee', 'Satoshis paid per datum, at least 10000.', { format: 'integer', example: '1000000' })],
    result: 'object: hex (not broadcast), result' },
  { name: 'oraclessubscribe', category: 'oracles', safety: 'cc-build', softErrors: true,
    summary: 'Build a transaction that funds a publisher: coins its data fees are paid from.',
    params: [
      oracletxid,
      param('publisher', 'Pubkey of a registered publisher.', { format: 'pubkey' }),
      param('amount', 'Coins to lock for the publisher, as a string.', { format: 'coins', example: '0.1' }),
    ],
    result: 'object: hex (not broadcast), result' },
  { name: 'oraclesdata', category: 'oracles', safety: 'cc-build', softErrors: true,
    summary: 'Build a transaction that publishes one datum, encoded for the oracle\'s format.',
    params: [oracletxid, param('hexstr', 'The datum as hex, length prefixes included.', { format: 'hex', example: '034b4d44a086010000000000' })],
    result: 'object: hex (not broadcast), result' },
  { name: 'oraclessample', category: 'oracles', safety: 'cc-info', softErrors: true,
    summary: 'One published datum, decoded with the oracle\'s format.',
    params: [oracletxid, param('txid', 'Txid of an oraclesdata transaction.', { format: 'txid' })],
    result: 'object: result, txid, data (array of strings)' },
  { name: 'oraclessamples', category: 'oracles', safety: 'cc-info', softErrors: true,
    summary: 'The data a publisher published, newest first, decoded with the oracle\'s format.',
    params: [
      oracletxid,
      param('batonaddress', 'The publisher\'s baton address (oraclesinfo registered[].baton).', { format: 'address' }),
      param('num', 'How many samples; "0" for all.', { format: 'integer', example: '0' }),
    ],
    result: 'object: result, samples [{txid, data (array of strings)}]' },
]

/** komodod's usage lines (the runtime_error text of a wrong parameter count, newline added). */
export const ORACLES_USAGE: Readonly<Record<string, string>> = {
  oraclesaddress: 'oraclesaddress [pubkey]',
  oracleslist: 'oracleslist',
  oraclesinfo: 'oraclesinfo oracletxid',
  oraclescreate: 'oraclescreate name description format',
  oraclesfund: 'oraclesfund oracletxid',
  oraclesregister: 'oraclesregister oracletxid datafee',
  oraclessubscribe: 'oraclessubscribe oracletxid publisher amount',
  oraclesdata: 'oraclesdata oracletxid hexstr',
  oraclessample: 'oraclessample oracletxid txid',
  oraclessamples: 'oraclessamples oracletxid batonaddress num',
}

// ── result shapes ─────────────────────────────────────────────────────────────────────────────

export interface OraclePublisher {
  publisher: string
  /** The publisher's baton CC address: `oraclessamples` reads the data from it. */
  baton: string
  /** The newest baton (last datum or the registration); 64 zeros when none is unspent. */
  batontxid: string
  /** Coins, as "%.8f" strings. */
  lifetime: string
  funds: string
  datafee: string
}

export interface OraclesInfo extends CcSuccess {
  txid: string
  name: string
  description: string
  format: string
  /** Normal address derived from the oracletxid; registrations and subscriptions pay 0.0001 to it. */
  marker: string
  registered: OraclePublisher[]
}

export interface OracleSample {
  txid: string
  /** One string per format field: integers in decimal, `d`/`D`/`h` as hex, texts as they are. */
  data: string[]
}

export interface OraclesSamples extends CcSuccess {
  samples: OracleSample[]
}

export interface OraclesSample extends CcSuccess, OracleSample {}

declare module '../../protocol/types.ts' {
  interface ResultOf {
    oraclescreate: HexResult
    oraclesfund: HexResult
    oraclesregister: HexResult
    oraclessubscribe: HexResult
    oraclesdata: HexResult
    oraclesinfo: OraclesInfo
    oracleslist: string[]
    oraclessample: OraclesSample
    oraclessamples: OraclesSamples
  }
}

export * from './spec/format.ts'

// ── transaction views ─────────────────────────────────────────────────────────────────────────


const short = (id: string): string => `${id.slice(0, 10)}…${id.slice(-8)}`

/** An Oracles payload as the transaction views show it; null when komodod would not read it. */
export function decodeOraclesPayload(payload: Uint8Array): DecodedOpReturn | null {
  const base = { module: ORACLES_NAME, evalCode: ORACLES_EVAL }
  const c = decodeOracleCreate(payload)
  if (c) return { ...base, kind: 'create', ...c }
  const d = decodeOracleData(payload)
  if (d) return { ...base, kind: 'data', oracletxid: d.oracletxid, batontxid: d.batontxid, publisher: d.publisher, data: bytesToHex(d.data) }
  const o = decodeOracleOpret(payload)
  if (!o) return null
  const kind = o.funcid === FUNCID.fund ? 'fund' : o.funcid === FUNCID.register ? 'register' : 'subscribe'
  return { ...base, kind, oracletxid: o.oracletxid, pubkey: o.pubkey, num: o.num.toString() }
}

/** The words for a decoded payload: UI string keys under `oracle.tx` with their values. */
export function viewOraclesPayload(d: DecodedOpReturn): OpReturnView | null {
  const id = short(String(d.oracletxid ?? ''))
  const pubkey = { key: 'oracle.tx.pubkey', values: [String(d.pubkey ?? d.publisher)], code: true }
  switch (d.kind) {
    case 'create': return {
      summary: { key: 'oracle.tx.create', values: { name: String(d.name), format: String(d.format) } },
      details: [{ key: 'oracle.tx.description', values: [String(d.description)] }],
    }
    case 'fund': return { summary: { key: 'oracle.tx.fund', values: { oracletxid: id } }, details: [pubkey] }
    case 'register': return { summary: { key: 'oracle.tx.register', values: { oracletxid: id, datafee: String(d.num) } }, details: [pubkey] }
    case 'subscribe': return { summary: { key: 'oracle.tx.subscribe', values: { oracletxid: id, amount: String(d.num) } }, details: [pubkey] }
    case 'data': return {
      summary: { key: 'oracle.tx.data', values: { oracletxid: id } },
      details: [pubkey, { key: 'oracle.tx.baton', values: [String(d.batontxid)], code: true }, { key: 'oracle.tx.datum', values: [String(d.data)], code: true }],
    }
    default: return null
  }
}

export const oracles = defineModule({
  id: 'oracles',
  name: ORACLES_NAME,
  evalCode: ORACLES_EVAL,
  category: 'oracles',
  globalPubkey: ORACLES_GLOBAL_PUBKEY,
  globalAddress: ORACLES_CC_ADDRESS,
  methods: ORACLES_METHODS,
  reference: {
    title: 'Oracles CC',
    intro: 'The Oracles Custom Consensus module (eval code 0xec): publish off-chain data on-chain in a declared format, paid for by subscribers.',
  },
  panels: ['OracleDataPanel', 'OracleSamplesPanel'],
  strings: { oracle: oracleStrings },
  decodeOpReturn: decodeOraclesPayload,
  viewOpReturn: viewOraclesPayload,
})
