/**
 * Oracles CC module (eval 0xec), run by the devchain: the transaction builders behind the RPCs, the
 * index reads komodod answers from, and OraclesValidate. Follows komodod's src/cc/oracles.cpp
 * (OracleCreate/Fund/Register/Subscribe/Data, OracleInfo, OracleDataSample(s), OraclesList,
 * OraclesValidate, OraclesDataValidate) and the wrappers in src/wallet/rpcwallet.cpp.
 *
 * Transactions, as komodod lays them out:
 *   create     vout0 0.0001 P2PK to the global pubkey (oracleslist reads its index), change, opret 'C'
 *   fund       vout0 0.0001 CC to the publisher's Oracles CC address, change, opret 'F'
 *   register   vin: normal, the fund marker (CC)  vout0 0.0001 P2PK to the oracle's marker pubkey,
 *              vout1 0.0001 CC baton, vout2 0.0001 P2PK to the publisher, change, opret 'R' (datafee)
 *   subscribe  vout0 amount CC to the publisher's Oracles CC address, vout1 0.0001 marker, change, opret 'S'
 *   data       vin: normal, baton, subscription/data outputs  vout0 CC change to the publisher,
 *              vout1 0.0001 CC baton, vout2 datafee P2PK to the publisher, change, opret 'D'
 * The baton key is the publisher's private key XOR the module's public private key (OracleBatonPk),
 * so each publisher has one baton address, shared by all the oracles it publishes to.
 */
import type { CcContext, CcModule, ValidationContext } from '../../devchain/modules.ts'
import type { AddrEntry, Coin, LedgerView as Ledger } from '../../devchain/chain/view.ts'
import type { Tx } from '../../devchain/tx/transaction.ts'
import { classifyScript, p2pk } from '../../devchain/tx/script.ts'
import { hashToHex } from '../../devchain/crypto/hash.ts'
import { keyFromPrivate } from '../../devchain/crypto/keys.ts'
import { ccAddress, ccAddressOfScript, ccScript, makeCCcond1 } from '../../devchain/cc/condition.ts'
import { opReturnPayload, opReturnScript } from '../../protocol/opret.ts'
import { ccAddressReply } from '../../devchain/cc/address-reply.ts'
import { bytesEqual, bytesToHex, hexToBytes, pubkeyAddress } from '../../devchain/cc/hashes.ts'
import {
  CC_TXFEE, COIN, atoll, ccUnspents, unspentIndexOrder, checkCount, coinsToSats, ensureCC, finalizeCCTx, normalInputs, requireString, softError, spentInMempool,
  type CCInput,
} from '../../devchain/cc/cc-rpc.ts'
import { evalCodesOfScriptSig, evalValidator, verifySpendFor } from '../../devchain/cc/spend.ts'
import { Amount } from '../../devchain/rpc/amount.ts'
import {
  ORACLES_EVAL, ORACLES_GLOBAL_PUBKEY, ORACLES_MARKER_VALUE, ORACLES_NAME, ORACLES_USAGE, MAX_DATA_SIZE, decodeData, formatError,
  matchesDataFormat, oracles as ORACLES, type OracleSample,
} from './spec.ts'
import {
  FUNCID, decodeOracleCreate, decodeOracleData, decodeOracleOpret, encodeOracleCreate, encodeOracleData, encodeOracleOpret, oraclesFuncid,
  type OracleCreateOpret,
} from './spec/opret.ts'

const GLOBAL_PK = hexToBytes(ORACLES_GLOBAL_PUBKEY)
/** OraclesCCpriv, a public constant of komodod's src/cc/CCcustom.cpp: only used to derive batons. */
const ORACLES_PRIV = hexToBytes('f74b5ba27a5e9cda89b1cbb9e69c2c708537dd007a67ff7c621be2fb048f85bf')
const GLOBAL_NORMAL_ADDRESS = pubkeyAddress(GLOBAL_PK)
const ZERO_TXID = '0'.repeat(64)
/** AddOracleInputs takes at most this many subscription/data outputs. */
const MAX_ORACLE_INPUTS = 60

// ── keys and addresses ────────────────────────────────────────────────────────────────────────

const ccScriptOf = (pubkey: Uint8Array): Uint8Array => ccScript(makeCCcond1(ORACLES_EVAL, pubkey))
export const oraclesCCAddress = (pubkey: Uint8Array): string => ccAddress(ORACLES_EVAL, pubkey)

/** CCtxidaddr: the pubkey 02 ‖ txid (uint256 bytes), whose address marks an oracle's registrations. */
export function markerPubkey(oracletxid: string): Uint8Array {
  return Uint8Array.from([0x02, ...hexToBytes(oracletxid).reverse()])
}
export const markerAddress = (oracletxid: string): string => pubkeyAddress(markerPubkey(oracletxid))

/** OracleBatonPk: the baton key of the node whose private key is `priv`. */
export function batonKey(priv: Uint8Array): { priv: Uint8Array; pub: Uint8Array; address: string } {
  const priv2 = priv.map((b, i) => b ^ ORACLES_PRIV[i])
  // komodod tweaks an invalid key; XOR with a fixed key makes one as likely as guessing a key.
  const kp = keyFromPrivate(priv2)
  return { priv: priv2, pub: kp.pub, address: oraclesCCAddress(kp.pub) }
}

// ── reading transactions (myGetTransaction sees the mempool too) ──────────────────────────────

function lastPayload(tx: Tx): Uint8Array | null {
  return tx.vout.length ? opReturnPayload(tx.vout[tx.vout.length - 1].script) : null
}

/** The oracle created by `txid`, or null (missing or not an 'C' transaction). */
function oracleOf(L: Ledger, txid: string): (OracleCreateOpret & { found: true }) | { found: boolean } {
  const rec = L.txs.get(txid)
  if (!rec || rec.tx.vout.length === 0) return { found: false }
  const payload = lastPayload(rec.tx)
  const c = payload && decodeOracleCreate(payload)
  return c ? { ...c, found: true } : { found: true }
}
const isOracle = (o: ReturnType<typeof oracleOf>): o is OracleCreateOpret & { found: true } => 'format' in o

const opretOf = (L: Ledger, txid: string) => {
  const rec = L.txs.get(txid)
  const payload = rec && lastPayload(rec.tx)
  return { rec, payload }
}

/** Parseuint256: 64 hex characters, else zero. */
function txidParam(s: string): string {
  return /^[0-9a-fA-F]{64}$/.test(s) ? s.toLowerCase() : ZERO_TXID
}

/** Unspent outputs as komodod's unspent index lists them; confirmed only. */
const indexOrder = unspentIndexOrder
const ccUnspentsSorted = (L: Ledger, address: string): Coin[] => indexOrder(ccUnspents(L, address))
const normalUnspentsSorted = (L: Ledger, address: string): Coin[] => indexOrder([...(L.addrUtxos.get(address)?.values() ?? [])])

/** SetCCtxids: txids of the outputs (not spends) an address index holds, in chain order. */
function indexTxids(index: ReadonlyMap<string, readonly AddrEntry[]>, address: string): string[] {
  return (index.get(address) ?? []).filter((e) => !e.spending && e.satoshis >= 0).map((e) => e.txid)
}

// ── komodod's helpers ─────────────────────────────────────────────────────────────────────────

/** OracleCurrentDatafee: the newest registration's fee (the lower one within a block), 0 if none. */
function currentDatafee(L: Ledger, oracletxid: string, publisher: string): bigint {
  let dheight = 0
  let datafee = 0n
  for (const c of normalUnspentsSorted(L, markerAddress(oracletxid))) {
    const { payload } = opretOf(L, c.txid)
    const r = payload && decodeOracleOpret(payload)
    if (!r || r.funcid !== FUNCID.register || r.oracletxid !== oracletxid || r.pubkey !== publisher) continue
    if (c.height > dheight || (c.height === dheight && r.num < datafee)) {
      dheight = c.height
      datafee = r.num
    }
  }
  return datafee
}

/** OracleDatafee: 0 when `oracletxid` is not an oracle. */
function oracleDatafee(L: Ledger, oracletxid: string, publisher: string): bigint {
  return isOracle(oracleOf(L, oracletxid)) ? currentDatafee(L, oracletxid, publisher) : 0n
}

/**
 * OracleBatonUtxo: the newest confirmed baton of (oracle, publisher) at `batonaddr`, then along
 * the mempool transactions that spend it as their vin.1. Zero txid when there is none.
 */
function batonUtxo(L: Ledger, oracletxid: string, batonaddr: string, publisher: string): string {
  let dheight = 0
  let batontxid = ZERO_TXID
  for (const c of ccUnspentsSorted(L, batonaddr)) {
    if (c.value !== CC_TXFEE) continue
    const { payload } = opretOf(L, c.txid)
    if (!payload || payload.length <= 2) continue
    let match = false
    if (payload[1] === FUNCID.data) {
      const d = decodeOracleData(payload)
      match = !!d && d.oracletxid === oracletxid && d.publisher === publisher
    } else if (payload[1] === FUNCID.register) {
      const r = decodeOracleOpret(payload)
      match = !!r && r.funcid === FUNCID.register && r.oracletxid === oracletxid && r.pubkey === publisher
    }
    if (match && c.height > dheight) {
      dheight = c.height
      batontxid = c.txid
    }
  }
  // komodod loops while the baton is spent in the mempool; a spend at another position than vin.1
  // would loop forever there, so the walk stops at it here.
  for (let guard = 0; batontxid !== ZERO_TXID && guard < 10_000; guard++) {
    const spender = L.mempoolSpends.get(`${batontxid}:1`)
    const next = spender ? L.txs.get(spender) : undefined
    if (!spender || !next || next.tx.vin.length < 2 || hashToHex(next.tx.vin[1].prevHash) !== batontxid || next.tx.vin[1].prevIndex !== 1) break
    batontxid = spender
  }
  return batontxid
}

/**
 * AddOracleInputs: confirmed outputs at the publisher's Oracles CC address made by a subscription
 * or a datum of this oracle, each ≥ 10,000 sat and not spent in the mempool. `total` 0 counts all.
 */
function oracleInputs(L: Ledger, oracletxid: string, publisher: Uint8Array, total: bigint, maxinputs: number): { coins: Coin[]; sum: bigint } {
  const coins: Coin[] = []
  let sum = 0n
  for (const c of ccUnspentsSorted(L, oraclesCCAddress(publisher))) {
    const { rec, payload } = opretOf(L, c.txid)
    if (!rec || rec.tx.vout.length < 2 || !payload) continue
    const f = oraclesFuncid(payload)
    let id: string | null = null
    if (f === FUNCID.subscribe) id = decodeOracleOpret(payload)?.oracletxid ?? null
    else if (f === FUNCID.data) id = decodeOracleData(payload)?.oracletxid ?? null
    if (id !== oracletxid || !c.cc || c.value < 10_000 || spentInMempool(L, c)) continue
    coins.push(c)
    sum += BigInt(c.value)
    if ((total > 0n && sum >= total) || (maxinputs > 0 && coins.length >= maxinputs)) break
  }
  return { coins, sum }
}

/**
 * LifetimeOraclesFunds. komodod compares the subscription's pubkey field — the subscriber — with
 * the publisher, so only what a publisher paid itself counts; kept as komodod has it.
 */
function lifetimeFunds(L: Ledger, oracletxid: string, publisher: string): bigint {
  let total = 0n
  for (const txid of indexTxids(L.ccIndex, oraclesCCAddress(hexToBytes(publisher)))) {
    const { rec, payload } = opretOf(L, txid)
    const s = payload && decodeOracleOpret(payload)
    if (rec && s && s.funcid === FUNCID.subscribe && s.oracletxid === oracletxid && s.pubkey === publisher) total += BigInt(rec.tx.vout[0].value)
  }
  return total
}

/** AddMyOraclesFunds: this node's unspent fund marker for the oracle (confirmed first, then mempool). */
function myFundMarker(L: Ledger, mypk: Uint8Array, oracletxid: string): Coin | null {
  const mine = bytesToHex(mypk)
  const isFund = (payload: Uint8Array | null | undefined, value: number): boolean => {
    const f = payload && decodeOracleOpret(payload)
    return !!f && f.funcid === FUNCID.fund && f.pubkey === mine && f.oracletxid === oracletxid && f.num === BigInt(value)
  }
  for (const c of ccUnspentsSorted(L, oraclesCCAddress(mypk))) {
    if (isFund(opretOf(L, c.txid).payload, c.value) && !spentInMempool(L, c)) return c
  }
  for (const c of L.mempoolByAddress.get(oraclesCCAddress(mypk))?.values() ?? []) {
    const rec = c.vout === 0 ? L.txs.get(c.txid) : undefined
    if (rec && isFund(lastPayload(rec.tx), c.value) && !spentInMempool(L, c)) return c
  }
  return null
}

/** "%.8f" of satoshis, as komodod's sprintf prints coins. */
const coins8 = (sats: bigint): string => new Amount(Number(sats)).toFixed8()

/** C++ ostream's default rendering of a double (6 significant digits, %g-style). */
function cppDouble(x: number): string {
  if (x === 0) return '0'
  const exp = Math.floor(Math.log10(Math.abs(x)))
  if (exp < -5 || exp >= 6) {
    const [m, e] = x.toExponential(5).split('e')
    const mant = m.replace(/\.?0+$/, '')
    const n = Number(e)
    return `${mant}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`
  }
  return String(Number(x.toPrecision(6)))
}

/** komodod's ParseHex: hex pairs from the start, whitespace skipped, stopping at anything else. */
function parseHexLoose(s: string): Uint8Array {
  const out: number[] = []
  const t = s.replace(/\s+/g, '')
  for (let i = 0; i + 1 < t.length && /^[0-9a-fA-F]{2}$/.test(t.slice(i, i + 2)); i += 2) out.push(parseInt(t.slice(i, i + 2), 16))
  return Uint8Array.from(out)
}

/** AddNormalinputs with komodod's input cap; null when the wallet cannot cover `total` within it. */
function normalUpTo(ctx: CcContext, total: number, maxinputs: number): Coin[] | null {
  const coins = normalInputs(ctx.wallet, total)
  return coins && coins.length <= maxinputs ? coins : null
}

const built = (hex: string) => ({ hex, result: 'success' })

/**
 * FinalizeCCTx. Like komodod it signs even when the inputs fall short of outputs plus fee (a datum
 * whose subscriptions no longer cover the fee): the mempool then refuses it (bad-txns-in-belowout).
 */
function finalize(ctx: CcContext, mypk: Uint8Array, normal: Coin[], cc: CCInput[], outputs: { value: number; script: Uint8Array }[], opret: Uint8Array) {
  return built(finalizeCCTx({ wallet: ctx.wallet, mypk, normal, cc, outputs, opret: opReturnScript(opret), allowDeficit: true }).hex)
}

// ── RPCs ──────────────────────────────────────────────────────────────────────────────────────

const usage = (m: string) => ORACLES_USAGE[m]

function oraclescreate(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 3, 3, usage('oraclescreate'))
  const { pubkey } = ensureCC(ctx)
  const name = requireString(p, 0)
  const description = requireString(p, 1)
  const format = requireString(p, 2)
  const bad = formatError(name, description, format)
  if (bad) return softError(bad)
  const normal = normalUpTo(ctx, 2 * CC_TXFEE, 3)
  if (!normal) return softError('error adding normal inputs')
  return finalize(ctx, pubkey, normal, [], [{ value: CC_TXFEE, script: p2pk(GLOBAL_PK) }], encodeOracleCreate({ name, description, format }))
}

/** The oracle a builder refers to, or komodod's soft error ("cant find" / "invalid" + the txid). */
function requireOracle(ctx: CcContext, oracletxid: string): OracleCreateOpret | { result: string; error: string } {
  const o = oracleOf(ctx.chain.ledger, oracletxid)
  if (!o.found) return softError(`cant find oracletxid ${oracletxid}`)
  if (!isOracle(o)) return softError(`invalid oracletxid ${oracletxid}`)
  return o
}
const isError = (x: unknown): x is { result: string; error: string } => typeof x === 'object' && x !== null && 'error' in x

function oraclesfund(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 1, 1, usage('oraclesfund'))
  const { pubkey } = ensureCC(ctx)
  const oracletxid = txidParam(requireString(p, 0))
  // The activation date (PUBKEY_SPOOFING_FIX_ACTIVATION, July 2019) predates every devchain block.
  const o = requireOracle(ctx, oracletxid)
  if (isError(o)) return o
  const normal = normalUpTo(ctx, CC_TXFEE + ORACLES_MARKER_VALUE, 2)
  if (!normal) return softError('error adding normal inputs')
  const opret = encodeOracleOpret({ funcid: FUNCID.fund, oracletxid, pubkey: bytesToHex(pubkey), num: BigInt(ORACLES_MARKER_VALUE) })
  return finalize(ctx, pubkey, normal, [], [{ value: ORACLES_MARKER_VALUE, script: ccScriptOf(pubkey) }], opret)
}

function oraclesregister(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 2, 2, usage('oraclesregister'))
  const { pubkey, priv } = ensureCC(ctx)
  const oracletxid = txidParam(requireString(p, 0))
  const feeText = requireString(p, 1)
  // atol first; komodod reads "0.01" as coins only when atol gives 0.
  let datafee = BigInt(atoll(feeText))
  if (datafee === 0n) datafee = BigInt(coinsToSats(feeText))
  const o = requireOracle(ctx, oracletxid)
  if (isError(o)) return o
  if (datafee < BigInt(CC_TXFEE)) return softError('datafee must be txfee or more')
  const normal = normalUpTo(ctx, 3 * CC_TXFEE, 4)
  if (!normal) return softError('error adding normal inputs')
  const fund = myFundMarker(ctx.chain.ledger, pubkey, oracletxid)
  if (!fund) return softError('error adding inputs from your Oracles CC address, please fund it first with oraclesfund rpc!')
  const baton = batonKey(priv)
  const outputs = [
    { value: CC_TXFEE, script: p2pk(markerPubkey(oracletxid)) },
    { value: CC_TXFEE, script: ccScriptOf(baton.pub) },
    { value: CC_TXFEE, script: p2pk(pubkey) },
  ]
  const opret = encodeOracleOpret({ funcid: FUNCID.register, oracletxid, pubkey: bytesToHex(pubkey), num: datafee })
  return finalize(ctx, pubkey, normal, [{ coin: fund, condition: makeCCcond1(ORACLES_EVAL, pubkey), priv }], outputs, opret)
}

function oraclessubscribe(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 3, 3, usage('oraclessubscribe'))
  const { pubkey } = ensureCC(ctx)
  const oracletxid = txidParam(requireString(p, 0))
  const publisherHex = requireString(p, 1)
  const amount = coinsToSats(requireString(p, 2))
  const o = requireOracle(ctx, oracletxid)
  if (isError(o)) return o
  // Devchain deviation: komodod builds the output from whatever ParseHex gives; anything but a
  // compressed pubkey would lock the coins for good, so it is refused here.
  if (!/^0[23][0-9a-fA-F]{64}$/.test(publisherHex)) return softError('invalid publisher pubkey')
  const publisher = hexToBytes(publisherHex)
  const normal = amount >= 0 ? normalUpTo(ctx, amount + 2 * CC_TXFEE, 64) : null
  if (!normal) return softError('error adding normal inputs')
  const outputs = [
    { value: amount, script: ccScriptOf(publisher) },
    { value: CC_TXFEE, script: p2pk(markerPubkey(oracletxid)) },
  ]
  const opret = encodeOracleOpret({ funcid: FUNCID.subscribe, oracletxid, pubkey: bytesToHex(pubkey), num: BigInt(amount) })
  return finalize(ctx, pubkey, normal, [], outputs, opret)
}

function oraclesdata(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 2, 2, usage('oraclesdata'))
  const { pubkey, priv } = ensureCC(ctx)
  const oracletxid = txidParam(requireString(p, 0))
  const data = parseHexLoose(requireString(p, 1))
  const L = ctx.chain.ledger
  const mine = bytesToHex(pubkey)
  if (data.length > MAX_DATA_SIZE) return softError(`datasize ${data.length} is too big`)
  const datafee = oracleDatafee(L, oracletxid, mine)
  if (datafee <= 0n) return softError(`datafee ${cppDouble(Number(datafee) / COIN)}is illegal`)
  const o = oracleOf(L, oracletxid)
  if (!o.found) return softError('invalid oracle txid')
  if (!isOracle(o)) return softError('invalid oracle txid opret data')
  if (!matchesDataFormat(data, o.format)) return softError('data does not match length or content format specification')
  const myaddr = oraclesCCAddress(pubkey)
  const normal = normalUpTo(ctx, 2 * CC_TXFEE, 3)
  if (!normal) return softError('couldnt add normal inputs')
  const baton = batonKey(priv)
  const batontxid = batonUtxo(L, oracletxid, baton.address, mine)
  const cc: CCInput[] = []
  if (batontxid !== ZERO_TXID) {
    const coin = L.findCoin(batontxid, 1)
    if (coin) cc.push({ coin, condition: makeCCcond1(ORACLES_EVAL, baton.pub), priv: baton.priv })
  }
  const { coins, sum } = oracleInputs(L, oracletxid, pubkey, datafee, MAX_ORACLE_INPUTS)
  if (sum <= 0n) return softError(`couldnt find enough oracle inputs ${myaddr}, limit 1 per utxo`)
  for (const coin of coins) cc.push({ coin, condition: makeCCcond1(ORACLES_EVAL, pubkey), priv })
  const change = sum > datafee ? sum - datafee : 0n
  const outputs = [
    { value: Number(change), script: ccScriptOf(pubkey) },
    { value: ORACLES_MARKER_VALUE, script: ccScriptOf(baton.pub) },
    { value: Number(datafee), script: p2pk(pubkey) },
  ]
  return finalize(ctx, pubkey, normal, cc, outputs, encodeOracleData({ oracletxid, batontxid, publisher: mine, data }))
}

function oraclesinfo(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 1, 1, usage('oraclesinfo'))
  ensureCC(ctx)
  const origtxid = txidParam(requireString(p, 0))
  const L = ctx.chain.ledger
  const o = oracleOf(L, origtxid)
  if (!o.found) return softError('cant find oracleid')
  // komodod prints a local uint256 that is still zero here.
  if (!isOracle(o)) return softError(`invalid oracletxid ${ZERO_TXID}`)
  const marker = markerAddress(origtxid)
  const latest = new Map<string, { txid: string; height: number }>()
  for (const c of normalUnspentsSorted(L, marker)) {
    const { payload } = opretOf(L, c.txid)
    const r = payload && decodeOracleOpret(payload)
    if (!r || r.funcid !== FUNCID.register || r.oracletxid !== origtxid) continue
    const seen = latest.get(r.pubkey)
    if (!seen || c.height > seen.height) latest.set(r.pubkey, { txid: c.txid, height: c.height })
  }
  // std::map<CPubKey,…> iterates in pubkey byte order.
  const registered = [...latest.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([pk, { txid }]) => {
    const rec = L.txs.get(txid)!
    const r = decodeOracleOpret(lastPayload(rec.tx)!)!
    // Getscriptaddress of the registration's vout.1 (the baton, unless someone hand-built it otherwise).
    const baton = classifyScript(rec.tx.vout[1]?.script ?? new Uint8Array()).addresses[0] ?? ''
    return {
      publisher: pk,
      baton,
      batontxid: batonUtxo(L, origtxid, baton, pk),
      lifetime: coins8(lifetimeFunds(L, origtxid, pk)),
      funds: coins8(oracleInputs(L, origtxid, hexToBytes(pk), 0n, 0).sum),
      datafee: coins8(r.num),
    }
  })
  return { result: 'success', txid: origtxid, name: o.name, description: o.description, format: o.format, marker, registered }
}

function oracleslist(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 0, 0, usage('oracleslist'))
  ensureCC(ctx)
  const L = ctx.chain.ledger
  return indexTxids(L.addrIndex, GLOBAL_NORMAL_ADDRESS).filter((txid) => isOracle(oracleOf(L, txid)))
}

const sampleOf = (txid: string, data: Uint8Array, format: string): OracleSample => ({ txid, data: decodeData(data, format) })

function oraclessample(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 2, 2, usage('oraclessample'))
  ensureCC(ctx)
  const oracletxid = txidParam(requireString(p, 0))
  const txid = txidParam(requireString(p, 1))
  const L = ctx.chain.ledger
  const o = oracleOf(L, oracletxid)
  if (!o.found) return softError('cannot find oracles txid')
  if (!isOracle(o)) return softError('invalid oracles txid')
  const { rec, payload } = opretOf(L, txid)
  if (!rec || rec.tx.vout.length === 0) return softError('cannot find data txid')
  const d = payload && decodeOracleData(payload)
  if (!d || d.oracletxid !== oracletxid) return softError('invalid data tx')
  return { result: 'success', ...sampleOf(txid, d.data, o.format) }
}

function oraclessamples(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 3, 3, usage('oraclessamples'))
  ensureCC(ctx)
  const oracletxid = txidParam(requireString(p, 0))
  const batonaddr = requireString(p, 1)
  const num = atoll(requireString(p, 2))
  const L = ctx.chain.ledger
  const o = oracleOf(L, oracletxid)
  // Both texts print a local uint256 that is still zero (komodod).
  if (!o.found) return softError(`cant find oracletxid ${ZERO_TXID}`)
  if (!isOracle(o)) return softError(`invalid oracletxid ${ZERO_TXID}`)
  const samples: OracleSample[] = []
  const full = () => num !== 0 && samples.length >= num
  const take = (txid: string, tx: Tx): void => {
    if (tx.vout.length < 2 || tx.vout[1].value !== ORACLES_MARKER_VALUE) return
    const d = decodeOracleData(lastPayload(tx) ?? new Uint8Array())
    if (d && d.oracletxid === oracletxid) samples.push(sampleOf(txid, d.data, o.format))
  }
  // Mempool data first (its order: the devchain's arrival order), then the chain, newest first.
  for (const c of L.mempoolByAddress.get(batonaddr)?.values() ?? []) {
    const rec = c.vout === 1 ? L.txs.get(c.txid) : undefined
    if (!rec) continue
    take(rec.txid, rec.tx)
    if (full()) return { result: 'success', samples }
  }
  const txids = indexTxids(L.ccIndex, batonaddr)
  // komodod's loop stops before txids.begin(): the oldest entry, the publisher's first registration.
  for (let i = txids.length - 1; i > 0; i--) {
    const rec = L.txs.get(txids[i])
    if (!rec) continue
    take(txids[i], rec.tx)
    if (full()) break
  }
  return { result: 'success', samples }
}

// ── consensus (OraclesValidate) ───────────────────────────────────────────────────────────────

/** IsCCInput: the input carries a crypto-condition fulfillment. */
const isCCInput = (tx: Tx, i: number, vctx: ValidationContext): boolean =>
  i < tx.vin.length && (vctx.spent[i]?.cc === true || evalCodesOfScriptSig(tx.vin[i].script).length > 0)
/** cp->ismyvin: the fulfillment names the Oracles eval code. */
const isOraclesInput = (tx: Tx, i: number): boolean => i >= 0 && i < tx.vin.length && evalCodesOfScriptSig(tx.vin[i].script).includes(ORACLES_EVAL)

/** ConstrainVout: CC-ness, address and (non-zero) value of an output. */
function constrainVout(out: { value: number; script: Uint8Array } | undefined, cc: boolean, address: string, value: number): boolean {
  if (!out) return false
  const info = classifyScript(out.script)
  if ((info.type === 'cryptocondition') !== cc) return false
  if (info.addresses[0] !== address) return false
  return value === 0 || value === out.value
}

/** The fund marker a register transaction spends at `vin`; komodod's condition for a valid one. */
function fundVinOk(L: Ledger, tx: Tx, vin: number, oracletxid: string): { ok: boolean; pk?: string } {
  const prevTxid = hashToHex(tx.vin[vin].prevHash)
  const n = tx.vin[vin].prevIndex
  const { rec, payload } = opretOf(L, prevTxid)
  const f = payload && decodeOracleOpret(payload)
  if (!rec || !f || f.funcid !== FUNCID.fund) return { ok: false }
  const out = rec.tx.vout[n]
  const ok = !!out && out.value === ORACLES_MARKER_VALUE && classifyScript(out.script).type === 'cryptocondition' &&
    f.pubkey.length === 66 && ccAddressOfScript(out.script) === oraclesCCAddress(hexToBytes(f.pubkey)) && f.oracletxid === oracletxid
  return { ok, pk: f.pubkey }
}

function registerRejectReason(tx: Tx, vctx: ValidationContext): string | null {
  const L = vctx.chain.ledger
  const r = decodeOracleOpret(lastPayload(tx)!)
  if (!r || r.funcid !== FUNCID.register) return 'invalid oraclesregister OP_RETURN data!'
  const oracle = L.txs.get(r.oracletxid)
  if (!oracle) return 'invalid oraclescreate txid!'
  const c = oracle.tx.vout.length ? decodeOracleCreate(lastPayload(oracle.tx) ?? new Uint8Array()) : null
  if (!c) return 'invalid oraclescreate OP_RETURN data!'
  if (oracle.tx.vin.length && evalCodesOfScriptSig(oracle.tx.vin[0].script).length > 0) return 'vin.0 is normal for oraclescreate!'
  if (!constrainVout(oracle.tx.vout[0], false, GLOBAL_NORMAL_ADDRESS, CC_TXFEE)) return 'invalid marker for oraclescreate!'
  if (isCCInput(tx, 0, vctx)) return 'vin.0 is normal for oraclesregister!'
  const last = tx.vin.length - 1
  if (!isOraclesInput(tx, 1) && !isOraclesInput(tx, last)) return 'there is no CC vin from oraclesfund tx'
  // komodod: `(ismyvin(vin.1) && (…)) || oracletxid != txid`, where txid is the fund's oracletxid
  // once vin.1 was read and zero otherwise: the fund marker has to be vin.1.
  let pk: string | undefined
  const first = isOraclesInput(tx, 1) ? fundVinOk(L, tx, 1, r.oracletxid) : { ok: false }
  if (!first.ok) {
    return 'invalid vin.1 for oraclesregister, it must be CC vin or pubkey not same as vin pubkey, register and fund tx must be done from owner of pubkey that registers to oracle!!'
  }
  pk = first.pk
  if (isOraclesInput(tx, last)) {
    const lastOk = fundVinOk(L, tx, last, r.oracletxid)
    if (!lastOk.ok) {
      return `invalid vin.${last} for oraclesregister, it must be CC vin or pubkey not same as vin pubkey, register and fund tx must be done from owner of pubkey that registers to oracle!!`
    }
    pk = lastOk.pk
  }
  if (!constrainVout(tx.vout[0], false, markerAddress(r.oracletxid), CC_TXFEE)) return 'invalid marker for oraclesregister!'
  if (!pk || !constrainVout(tx.vout[2], false, pubkeyAddress(hexToBytes(pk)), ORACLES_MARKER_VALUE)) {
    return 'pubkey in OP_RETURN and in vout.2 not matching, register must be done from owner of pubkey that registers to oracle!'
  }
  return null
}

/** OraclesDataValidate. */
function dataRejectReason(tx: Tx, vctx: ValidationContext): string | null {
  const L = vctx.chain.ledger
  const d = tx.vin.length >= 2 && tx.vout.length >= 3 ? decodeOracleData(lastPayload(tx) ?? new Uint8Array()) : null
  if (!d) return "unexpected OraclesValidate 'D' tx invalid"
  const datafee = BigInt(tx.vout[2].value)
  if (oracleDatafee(L, d.oracletxid, d.publisher) !== datafee) return 'mismatched datafee'
  if (d.publisher.length !== 66) return 'mismatched datafee'
  const publisherScript = ccScriptOf(hexToBytes(d.publisher))
  let inputs = 0n
  for (let i = 0; i < tx.vin.length; i++) {
    if (!isOraclesInput(tx, i)) continue
    if (i === 0) return 'unexpected vin.0 is CC'
    const prev = L.txs.get(hashToHex(tx.vin[i].prevHash))
    if (!prev) return 'cant find vinTx'
    const n = tx.vin[i].prevIndex
    const out = prev.tx.vout[n]
    // IsOraclesvout: any CC output, by its value.
    if (!out || classifyScript(out.script).type !== 'cryptocondition' || out.value === 0) continue
    if (i === 1) {
      if (!prev.tx.vout[1] || !bytesEqual(prev.tx.vout[1].script, tx.vout[1].script)) return 'baton violation'
    } else if (bytesEqual(publisherScript, out.script)) inputs += BigInt(out.value)
  }
  let outputs = 0n
  const v0 = tx.vout[0]
  if (classifyScript(v0.script).type === 'cryptocondition' && v0.value !== 0) {
    if (!bytesEqual(v0.script, publisherScript)) return 'invalid CC vout CC destination'
    outputs += BigInt(v0.value)
  }
  if (inputs !== outputs + datafee) return 'mismatched inputs != outputs + datafee'
  return null
}

/** Why komodod's OraclesValidate refuses a transaction that spends an Oracles CC output, or null. */
export function oraclesRejectReason(tx: Tx, vctx: ValidationContext): string | null {
  if (tx.vout.length < 1) return 'no vouts'
  const payload = lastPayload(tx)
  if (!payload || payload.length <= 2) return 'unexpected oracles missing funcid'
  switch (payload[1]) {
    case FUNCID.create: return 'unexpected OraclesValidate for create'
    // komodod's text for a spent fund marker outside a registration is the create one, too.
    case FUNCID.fund: return 'unexpected OraclesValidate for create'
    case FUNCID.register: return registerRejectReason(tx, vctx)
    case FUNCID.subscribe: return 'unexpected OraclesValidate for subscribe'
    case FUNCID.data: return dataRejectReason(tx, vctx)
    default: return 'unexpected OraclesValidate funcid'
  }
}

export const rules: CcModule = {
  evalCode: ORACLES_EVAL,
  name: ORACLES_NAME,
  category: 'oracles',
  rpc: {
    oraclesaddress: (ctx, p) => ccAddressReply(ctx, ORACLES, p, 'plain'),
    oracleslist, oraclesinfo, oraclescreate, oraclesfund, oraclesregister, oraclessubscribe, oraclesdata, oraclessample, oraclessamples,
  },
  usage: ORACLES_USAGE,
  validate: evalValidator(ORACLES_EVAL, ORACLES_NAME, oraclesRejectReason),
  verifySpend: (tx, i, coin) => verifySpendFor(ORACLES_EVAL, tx, i, coin),
}
