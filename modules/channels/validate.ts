/**
 * ChannelsValidate and ChannelsExactAmounts (src/cc/channels.cpp), check by check and in komodod's
 * order, with its texts. The engine calls it for a transaction that spends a Channels CC output (a
 * channel's funds or a side's marker); komodod answers any failure as a script failure and only
 * its log shows the text, so the engine records it with recordReject.
 *
 * Layouts the rules expect (vin.0 normal, then the two CC inputs the builder adds):
 *   'P'  vin.1 channel funds, vin.n-1 the payer's marker; vout.0 change to the channel, vout.1/2
 *        markers, vout.3 the payment to the receiver; the secret must hash to the open's hashchain
 *   'C'  vout.0 all funds back to the channel, vout.1/2 markers
 *   'R'  vout.0/1 markers, vout.2 all funds to the sender; the open and the close confirmed
 */
import type { ValidationContext } from '../../devchain/modules.ts'
import type { Tx } from '../../devchain/tx/transaction.ts'
import { hashToHex } from '../../devchain/crypto/hash.ts'
import { ccAddress } from '../../devchain/cc/condition.ts'
import { hexToBytes, pubkeyAddress } from '../../devchain/cc/hashes.ts'
import { evalCodesOfScriptSig } from '../../devchain/cc/spend.ts'
import { EVAL } from '../../protocol/evalCodes.ts'
import { CHANNELS_EVAL, CHANNELS_MARKER_VALUE, CHANNELS_MAXPAYMENTS } from './spec.ts'
import { FUNCID, ZERO_ID } from './spec/opret.ts'
import { channelAddress, channelsOpretOf, constrainVout, isConfirmed, markerAddress, openOf } from './chain.ts'
import { reachesHashchain } from './hashchain.ts'

const isCCInput = (tx: Tx, i: number, vctx: ValidationContext): boolean =>
  i >= 0 && i < tx.vin.length && (vctx.spent[i]?.cc === true || evalCodesOfScriptSig(tx.vin[i].script).length > 0)
/** cp->ismyvin: the fulfillment names the Channels eval code. */
const isChannelsInput = (tx: Tx, i: number): boolean => i >= 0 && i < tx.vin.length && evalCodesOfScriptSig(tx.vin[i].script).includes(CHANNELS_EVAL)

/** ChannelsExactAmounts: what vin.1 spends equals the channel's outputs ('P' also counts the payment). */
function exactAmounts(tx: Tx, vctx: ValidationContext): boolean {
  const o = channelsOpretOf(tx)
  if (!o) return false
  if (o.funcid === FUNCID.open) return true
  const outs = o.funcid === FUNCID.payment ? [0, 3] : o.funcid === FUNCID.close ? [0] : o.funcid === FUNCID.refund ? [2] : null
  if (!outs || tx.vin.length < 2) return false
  const vin = tx.vin[1]
  const prev = vctx.chain.ledger.txs.get(hashToHex(vin.prevHash))
  const spent = prev?.tx.vout[vin.prevIndex]
  if (!spent || outs.some((n) => !tx.vout[n])) return false
  return spent.value === outs.reduce((s, n) => s + tx.vout[n].value, 0)
}

/** The checks on the open that 'P', 'C' and 'R' share. */
function openRejectReason(openTx: Tx, numpayments: number, payment: bigint, src: string, dest: string): string | null {
  if (openTx.vin.length && evalCodesOfScriptSig(openTx.vin[0].script).length > 0) return 'vin.0 is normal for channelopen!'
  if (!constrainVout(openTx.vout[0], true, channelAddress(src, dest), BigInt(numpayments) * payment)) return 'vout.0 is CC or invalid amount for channelopen!'
  if (!constrainVout(openTx.vout[1], true, markerAddress(src), CHANNELS_MARKER_VALUE)) return 'vout.1 is CC marker to srcpub or invalid amount for channelopen!'
  if (!constrainVout(openTx.vout[2], true, markerAddress(dest), CHANNELS_MARKER_VALUE)) return 'vout.2 is CC marker to destpub or invalid amount for channelopen!'
  return null
}

/** Why komodod's ChannelsValidate refuses `tx`, or null. */
export function channelsRejectReason(tx: Tx, vctx: ValidationContext): string | null {
  const L = vctx.chain.ledger
  // chainActive.Tip() while a transaction is checked: the block below the one it would enter.
  const tip = vctx.height - 1
  if (tx.vout.length < 1) return 'no vouts'
  if (!exactAmounts(tx, vctx)) return 'invalid channel inputs vs. outputs!'
  const o = channelsOpretOf(tx)
  if (!o) return 'unexpected channels missing funcid'
  const { rec: openRec, open } = openOf(L, o.opentxid)
  if (!openRec) return 'invalid channelopen tx!'
  if (!open) return 'invalid channelopen OP_RETURN data!'
  // From here on komodod's srcpub, destpub and tokenid are the open's.
  const { srcpub: src, destpub: dest, tokenid, param1: numpayments, param2: payment, param3: hashchain } = open
  const last = tx.vin.length - 1
  const prevRec = tx.vin.length > 1 ? L.txs.get(hashToHex(tx.vin[1].prevHash)) : undefined
  const markerVinOk = (): boolean => isChannelsInput(tx, last) && prevRec?.tx.vout[tx.vin[last].prevIndex]?.value === CHANNELS_MARKER_VALUE
  switch (o.funcid) {
    case FUNCID.open:
      return 'unexpected ChannelsValidate for channelsopen!'
    case FUNCID.payment: {
      const bad = openRejectReason(openRec.tx, numpayments, payment, src, dest)
      if (bad) return bad
      if (!isConfirmed(L, o.opentxid, tip)) return 'channelopen is not yet confirmed(notarised)!'
      if (isCCInput(tx, 0, vctx)) return 'vin.0 is normal for channelpayment!'
      if (!isCCInput(tx, tx.vin.length - 2, vctx)) return `vin.${tx.vin.length - 2} is CC for channelpayment!`
      if (!constrainVout(tx.vout[1], true, markerAddress(src), CHANNELS_MARKER_VALUE)) return 'vout.1 is CC marker to srcpub or invalid amount for channelpayment!'
      if (!constrainVout(tx.vout[2], true, markerAddress(dest), CHANNELS_MARKER_VALUE)) return 'vout.2 is CC marker to destpub or invalid amount for channelpayment!'
      const amount = o.param2 * payment
      if (tokenid !== ZERO_ID && !constrainVout(tx.vout[3], true, ccAddress(EVAL.TOKENS, hexToBytes(dest)), amount)) {
        return 'vout.3 is CC or invalid amount or invalid receiver for channelpayment!'
      }
      if (tokenid === ZERO_ID && !constrainVout(tx.vout[3], false, pubkeyAddress(hexToBytes(dest)), amount)) {
        return 'vout.3 is normal or invalid amount or invalid receiver for channelpayment!'
      }
      if (o.param1 > CHANNELS_MAXPAYMENTS) return 'too many payment increments!'
      if (!reachesHashchain(o.param3, numpayments - o.param1, hashchain)) return 'invalid secret for payment, does not reach final hashchain!'
      if (BigInt(tx.vout[3].value) !== amount) return 'vout amount does not match number_of_payments*payment!'
      if (prevRec) {
        const prev = channelsOpretOf(prevRec.tx)
        if (!prev) return 'invalid previous tx OP_RETURN data!'
        if (!constrainVout(tx.vout[0], true, channelAddress(src, dest), (BigInt(prev.param1) - o.param2) * payment)) {
          return 'vout.0 is CC or invalid CC change amount for channelpayment!'
        }
        if (!markerVinOk()) return `vin.${last} is CC marker or invalid marker amount for channelpayment!`
        if (BigInt(o.param1) + o.param2 !== BigInt(prev.param1)) return 'invalid payment depth!'
        if (tx.vout[3].value > (prevRec.tx.vout[0]?.value ?? 0)) return 'not enough funds in channel for that amount!'
      }
      return null
    }
    case FUNCID.close: {
      const bad = openRejectReason(openRec.tx, numpayments, payment, src, dest)
      if (bad) return bad
      if (!isConfirmed(L, o.opentxid, tip)) return 'channelopen is not yet confirmed(notarised)!'
      if (isCCInput(tx, 0, vctx)) return 'vin.0 is normal for channelclose!'
      if (!isCCInput(tx, tx.vin.length - 2, vctx)) return `vin.${tx.vin.length - 2} is CC for channelclose!`
      if (!constrainVout(tx.vout[0], true, channelAddress(src, dest), 0)) return 'vout.0 is CC for channelclose!'
      if (!constrainVout(tx.vout[1], true, markerAddress(src), CHANNELS_MARKER_VALUE)) return 'vout.1 is CC marker to srcpub or invalid amount for channelclose!'
      if (!constrainVout(tx.vout[2], true, markerAddress(dest), CHANNELS_MARKER_VALUE)) return 'vout.2 is CC marker to destpub or invalid amount for channelclose!'
      if (o.param1 > CHANNELS_MAXPAYMENTS) return 'too many payment increments!'
      if (prevRec) {
        if (!channelsOpretOf(prevRec.tx)) return 'invalid previous tx OP_RETURN data!'
        if (!markerVinOk()) return `vin.${last} is CC marker or invalid marker amount for channelclose!`
        if (tx.vout[0].value !== prevRec.tx.vout[0]?.value) return 'invalid CC amount, amount must match funds in channel'
      }
      return null
    }
    case FUNCID.refund: {
      const bad = openRejectReason(openRec.tx, numpayments, payment, src, dest)
      if (bad) return bad
      if (!isConfirmed(L, o.opentxid, tip)) return 'channelopen is not yet confirmed(notarised)!'
      if (!isConfirmed(L, o.param3, tip)) return 'channelClose is not yet confirmed(notarised)!'
      if (isCCInput(tx, 0, vctx)) return 'vin.0 is normal for channelrefund!'
      if (!isCCInput(tx, tx.vin.length - 2, vctx)) return `vin.${tx.vin.length - 2} CC for channelrefund!`
      if (!constrainVout(tx.vout[0], true, markerAddress(src), CHANNELS_MARKER_VALUE)) return 'vout.0 is CC marker to srcpub or invalid amount for channelrefund!'
      if (!constrainVout(tx.vout[1], true, markerAddress(dest), CHANNELS_MARKER_VALUE)) return 'vout.1 is CC marker to destpub or invalid amount for channelrefund!'
      const amount = BigInt(o.param1) * payment
      if (tokenid !== ZERO_ID && !constrainVout(tx.vout[2], true, ccAddress(EVAL.TOKENS, hexToBytes(src)), amount)) {
        return 'vout.2 is CC or invalid amount or invalid receiver for channelrefund!'
      }
      if (tokenid === ZERO_ID && !constrainVout(tx.vout[2], false, pubkeyAddress(hexToBytes(src)), amount)) {
        return 'vout.2 is normal or invalid amount or invalid receiver for channelrefund!'
      }
      if (o.param1 > CHANNELS_MAXPAYMENTS) return 'too many payment increments!'
      if (prevRec) {
        if (!channelsOpretOf(prevRec.tx)) return 'invalid previous tx OP_RETURN data!'
        if (!markerVinOk()) return `vin.${last} is CC marker or invalid marker amount for channelrefund!`
        if (tx.vout[2].value !== prevRec.tx.vout[0]?.value) return 'invalid amount, refund amount and funds in channel must match!'
      }
      return null
    }
    default:
      return 'unexpected channels funcid'
  }
}
