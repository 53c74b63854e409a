/**
 * What the Channels builders and ChannelsValidate read from the chain, after komodod's
 * src/cc/channels.cpp (AddChannelsInputs, IsChannelsvout, IsChannelsMarkervout) and
 * src/cc/CCutils.cpp (komodo_txnotarizedconfirmed, ConstrainVout): the addresses of a channel, the
 * last unspent link of its chain of transactions, and the confirmation rule.
 */
import type { Coin, LedgerView as Ledger, TxRecord } from '../../devchain/chain/view.ts'
import type { Tx, TxOut } from '../../devchain/tx/transaction.ts'
import { classifyScript } from '../../devchain/tx/script.ts'
import { ccAddress, ccAddressOfScript, ccScript, makeCCcond1of2, makeTokensCCcond1of2 } from '../../devchain/cc/condition.ts'
import { hexToBytes } from '../../devchain/cc/hashes.ts'
import { ccUnspents, unspentIndexOrder } from '../../devchain/cc/cc-rpc.ts'
import { opReturnPayload } from '../../protocol/opret.ts'
import { CHANNELS_EVAL, CHANNELS_MAXPAYMENTS, CHANNELS_MIN_CONFIRMS } from './spec.ts'
import { decodeChannelsOpret, FUNCID, ZERO_ID, type ChannelsOpret } from './spec/opret.ts'

/** GetCCaddress1of2: where a coin channel between two pubkeys keeps its funds. */
export const channelAddress = (src: string, dest: string): string =>
  ccAddressOfScript(ccScript(makeCCcond1of2(CHANNELS_EVAL, hexToBytes(src), hexToBytes(dest))))
/** GetTokensCCaddress1of2: the same for a token channel. */
export const tokenChannelAddress = (src: string, dest: string): string =>
  ccAddressOfScript(ccScript(makeTokensCCcond1of2(CHANNELS_EVAL, hexToBytes(src), hexToBytes(dest))))
/** GetCCaddress: a side's Channels CC address, where its markers go. */
export const markerAddress = (pubkey: string): string => ccAddress(CHANNELS_EVAL, hexToBytes(pubkey))

/** The Channels fields of a transaction's last output, or null (DecodeChannelsOpRet answering 0). */
export function channelsOpretOf(tx: Tx): ChannelsOpret | null {
  if (tx.vout.length === 0) return null
  const payload = opReturnPayload(tx.vout[tx.vout.length - 1].script)
  return payload ? decodeChannelsOpret(payload) : null
}

/** The open a txid names (myGetTransaction sees the mempool), or why not, in komodod's two steps. */
export function openOf(L: Ledger, opentxid: string): { rec?: TxRecord; open?: ChannelsOpret } {
  const rec = opentxid === ZERO_ID ? undefined : L.txs.get(opentxid)
  if (!rec) return {}
  const o = channelsOpretOf(rec.tx)
  return { rec, open: o?.funcid === FUNCID.open ? o : undefined }
}

/**
 * komodo_txnotarizedconfirmed without notarizations: mined, with `tip − height + 1` of at least
 * MIN_NON_NOTARIZED_CONFIRMS. `tip` is the chain's tip; validation passes the block below the one
 * being checked, as chainActive.Tip() is then.
 */
export function isConfirmed(L: Ledger, txid: string, tip: number = L.height): boolean {
  const rec = L.txs.get(txid)
  if (!rec || rec.height <= 0 || rec.height > tip) return false
  return 1 + tip - rec.height >= CHANNELS_MIN_CONFIRMS
}

/** The address an output pays (Getscriptaddress), or ''. */
export const addressOfOutput = (out: TxOut | undefined): string => (out ? classifyScript(out.script).addresses[0] ?? '' : '')
const isCCOutput = (out: TxOut | undefined): boolean => !!out && classifyScript(out.script).type === 'cryptocondition'

/** ConstrainVout: CC-ness, address and (unless 0) value of an output. */
export function constrainVout(out: TxOut | undefined, cc: boolean, address: string, value: number | bigint): boolean {
  if (!out || isCCOutput(out) !== cc) return false
  if (addressOfOutput(out) !== address) return false
  return BigInt(value) === 0n || BigInt(value) === BigInt(out.value)
}

/** IsChannelsvout: the value of `v` when it is a CC output at the channel's coin or token 1of2 address. */
export function channelsVoutValue(tx: Tx, src: string, dest: string, v: number): number {
  const out = tx.vout[v]
  if (!isCCOutput(out)) return 0
  const a = addressOfOutput(out)
  return a === channelAddress(src, dest) || a === tokenChannelAddress(src, dest) ? out.value : 0
}

/** IsChannelsMarkervout: the value of `v` when it is a CC output at `pubkey`'s Channels CC address. */
export function markerVoutValue(tx: Tx, pubkey: string, v: number): number {
  const out = tx.vout[v]
  return isCCOutput(out) && addressOfOutput(out) === markerAddress(pubkey) ? out.value : 0
}

/**
 * Mempool transactions paying `address`, in arrival order. komodod scans the whole mempool
 * (myGet_mempool_txs); every channel payment pays its channel address at vout.0, so this finds the
 * same ones without walking every transaction the node knows.
 */
export function mempoolTxsAt(L: Ledger, address: string): TxRecord[] {
  const seen = new Set<string>()
  const out: TxRecord[] = []
  for (const c of L.mempoolByAddress.get(address)?.values() ?? []) {
    const rec = seen.has(c.txid) ? undefined : L.txs.get(c.txid)
    seen.add(c.txid)
    if (rec && rec.height < 0) out.push(rec)
  }
  return out
}

export interface ChannelInputs {
  /** The transaction whose vout.0 (funds) and vout.`marker` this spend takes. */
  prevtxid: string
  funds: number
  /** 1 when the caller is the sender, 2 otherwise. */
  marker: 1 | 2
  fundsCoin: Coin
  markerCoin: Coin
}

/**
 * AddChannelsInputs: the newest link of the channel's chain. First the confirmed unspent vout.0 at
 * the channel address whose transaction belongs to this channel and carries the caller's marker;
 * if the mempool already spends it, the mempool payment of this channel with the fewest payments
 * left. Null when there is none (komodod returns 0: "error adding CC inputs").
 */
export function channelInputs(L: Ledger, opentxid: string, open: ChannelsOpret, mypk: string): ChannelInputs | null {
  const coinaddr = open.tokenid !== ZERO_ID ? tokenChannelAddress(open.srcpub, open.destpub) : channelAddress(open.srcpub, open.destpub)
  const marker: 1 | 2 = open.srcpub === mypk ? 1 : 2
  let txid = ZERO_ID
  let funds = 0
  for (const c of unspentIndexOrder(ccUnspents(L, coinaddr))) {
    const rec = c.vout === 0 ? L.txs.get(c.txid) : undefined
    const o = rec && channelsOpretOf(rec.tx)
    if (!rec || !o || (o.opentxid !== opentxid && c.txid !== opentxid)) continue
    // komodod reads the pubkeys back from each candidate's own OP_RETURN.
    if (markerVoutValue(rec.tx, marker === 1 ? o.srcpub : o.destpub, marker) <= 0) continue
    funds = channelsVoutValue(rec.tx, o.srcpub, o.destpub, 0)
    if (funds > 0) {
      txid = c.txid
      break
    }
  }
  if (txid !== ZERO_ID && L.mempoolSpends.has(`${txid}:0`)) {
    txid = ZERO_ID
    let mindepth = CHANNELS_MAXPAYMENTS
    for (const rec of mempoolTxsAt(L, coinaddr)) {
      const o = channelsOpretOf(rec.tx)
      if (o?.funcid === FUNCID.payment && o.opentxid === opentxid && o.param1 < mindepth) {
        txid = rec.txid
        funds = rec.tx.vout[0]?.value ?? 0
        mindepth = o.param1
      }
    }
  }
  if (txid === ZERO_ID) return null
  const fundsCoin = L.findCoin(txid, 0)
  const markerCoin = L.findCoin(txid, marker)
  // komodod adds both inputs blindly; a coin already spent makes the transaction invalid anyway.
  if (!fundsCoin || !markerCoin) return null
  return { prevtxid: txid, funds, marker, fundsCoin, markerCoin }
}
