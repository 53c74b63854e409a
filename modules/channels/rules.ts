/**
 * Channels CC module (eval 0xeb), run by the devchain: the builders behind the RPCs, the reads
 * komodod answers channelslist and channelsinfo from, and ChannelsValidate (validate.ts). Follows
 * komodod's src/cc/channels.cpp (ChannelOpen, ChannelPayment, ChannelClose, ChannelRefund,
 * ChannelsList, ChannelsInfo) and the wrappers in src/wallet/rpcwallet.cpp, texts included.
 *
 * Transactions, as komodod lays them out (markers are 0.0001 CC outputs at each side's Channels
 * CC address, so both find the channel in their own index):
 *   open     vout.0 numpayments×payment to the 1of2 channel address, vout.1/2 markers, change, 'O'
 *   payment  vin: normal, channel funds, payer's marker; vout.0 the rest to the channel,
 *            vout.1/2 markers, vout.3 the payment (P2PK to the receiver), change, 'P' + secret
 *   close    vin as payment; vout.0 every remaining coin back to the channel, vout.1/2 markers, 'C'
 *   refund   vin as payment; vout.0/1 markers, vout.2 the remaining coins to the sender, 'R'
 *
 * A token channel (channelsopen's fourth argument) is built the same way, as komodod builds it: the
 * tokens come from the node's token inputs, the channel holds them in a Tokens 1of2 output (eval
 * Channels + Tokens), payments and the refund pay Tokens CC outputs, the token change goes back to
 * the opener's Tokens address and every OP_RETURN is a Tokens transfer carrying the Channels
 * payload. Only the open can be mined: ChannelsValidate checks every later spend against the coin
 * 1of2 address (validate.ts), so payments, closes and refunds of a token channel are built and then
 * refused at broadcast, as on komodod. Even the open needs a chain started with a -datacarriersize
 * above its 254-byte OP_RETURN: at an asset chain's default (208) the mempool refuses it as
 * non-standard (devchain/chain/policy.ts, after src/main.cpp IsStandardTx).
 */
import type { CcContext, CcModule } from '../../devchain/modules.ts'
import type { Coin } from '../../devchain/chain/view.ts'
import type { TxOut } from '../../devchain/tx/transaction.ts'
import { p2pk } from '../../devchain/tx/script.ts'
import { isPubkeyHex } from '../../devchain/crypto/keys.ts'
import { hashToHex } from '../../devchain/crypto/hash.ts'
import { ccScript, EVAL_TOKENS, makeCCcond1, makeCCcond1of2, makeTokensCCcond1of2 } from '../../devchain/cc/condition.ts'
import { ccAddressReply } from '../../devchain/cc/address-reply.ts'
import { bytesToHex, hexToBytes, pubkeyAddress } from '../../devchain/cc/hashes.ts'
import { CC_TXFEE, checkCount, ensureCC, finalizeCCTx, normalInputs, requireString, softError, type CCInput } from '../../devchain/cc/cc-rpc.ts'
import { evalValidator, verifySpendFor } from '../../devchain/cc/spend.ts'
import { opReturnScript } from '../../protocol/opret.ts'
import {
  CHANNELS_EVAL, CHANNELS_MARKER_VALUE, CHANNELS_MAXPAYMENTS, CHANNELS_NAME, CHANNELS_USAGE, channels as CHANNELS, type ChannelsTxEntry,
} from './spec.ts'
import { encodeChannelsOpret, FUNCID, ZERO_ID, type ChannelsFuncid } from './spec/opret.ts'
import {
  addressOfOutput, channelAddress, channelInputs, channelsOpretOf, isConfirmed, markerAddress, mempoolTxsAt, openOf, tokenChannelAddress,
} from './chain.ts'
import { channelSeed, hashchainOf, reachesHashchain, secretFor } from './hashchain.ts'
import { addTokenInputs, nftEvalOf, tokensCond } from '../tokens/inputs.ts'
import { channelsRejectReason } from './validate.ts'

const usage = (m: string): string => CHANNELS_USAGE[m]
const marker = (pubkey: Uint8Array): TxOut => ({ value: CHANNELS_MARKER_VALUE, script: ccScript(makeCCcond1(CHANNELS_EVAL, pubkey)) })
const isToken = (tokenid: string): boolean => tokenid !== ZERO_ID
/** The channel's funds: MakeCC1of2vout, or MakeTokensCC1of2vout for a token channel. */
const fundsCondition = (tokenid: string, src: string, dest: string) =>
  (isToken(tokenid) ? makeTokensCCcond1of2 : makeCCcond1of2)(CHANNELS_EVAL, hexToBytes(src), hexToBytes(dest))
const channelOutput = (tokenid: string, value: number, src: string, dest: string): TxOut =>
  ({ value, script: ccScript(fundsCondition(tokenid, src, dest)) })
/** What a payment or refund pays out: P2PK coins, or MakeCC1vout(EVAL_TOKENS) tokens. */
const payout = (tokenid: string, value: number, pubkey: string): TxOut =>
  ({ value, script: isToken(tokenid) ? ccScript(makeCCcond1(EVAL_TOKENS, hexToBytes(pubkey))) : p2pk(hexToBytes(pubkey)) })

// ── komodod's parameter parsing ───────────────────────────────────────────────────────────────

/** strtol's leading integer, saturated like glibc's on 64-bit (atol). */
function atol(s: string): bigint {
  const m = /^\s*[+-]?\d+/.exec(s)
  if (!m) return 0n
  const v = BigInt(m[0].trim())
  const max = (1n << 63n) - 1n
  return v > max ? max : v < -max - 1n ? -max - 1n : v
}
/** atoi: (int)strtol, so values past 32 bits wrap. */
const atoi = (s: string): number => Number(BigInt.asIntN(32, atol(s)))

/** Parseuint256: 64 hex characters, otherwise zero. */
const uint256Param = (s: string): string => (/^[0-9a-fA-F]{64}$/.test(s) ? s.toLowerCase() : ZERO_ID)

/** An optional string argument komodod skips when it is null or empty. */
function optionalString(p: unknown[], i: number): string | null {
  if (p.length <= i || p[i] === null) return null
  const s = requireString(p, i)
  return s === '' ? null : s
}

// ── building ──────────────────────────────────────────────────────────────────────────────────

/** AddNormalinputs(mtx, mypk, total, maxinputs): wallet coins covering `total`, at most `max` of them. */
function normalUpTo(ctx: CcContext, total: number, max: number): Coin[] | null {
  const coins = normalInputs(ctx.wallet, total)
  return coins && coins.length <= max ? coins : null
}

/** FinalizeCCTx with EncodeChannelsOpRet (token-wrapped when `opret.tokenid` is not zero). */
function finalize(ctx: CcContext, mypk: Uint8Array, normal: Coin[], cc: CCInput[], outputs: TxOut[], opret: {
  funcid: ChannelsFuncid; tokenid: string; opentxid: string; srcpub: string; destpub: string; param1: number; param2: bigint; param3: string
}): string {
  const script = opReturnScript(encodeChannelsOpret(opret))
  return finalizeCCTx({ wallet: ctx.wallet, mypk, normal, cc, outputs, opret: script, allowDeficit: true }).hex
}

/**
 * The two CC inputs of a channel spend, signed by this node: the 1of2 funds (CCaddr1of2set, or
 * CCaddrTokens1of2set for a token channel) and its own marker.
 */
function channelSpends(inputs: NonNullable<ReturnType<typeof channelInputs>>, open: { tokenid: string; srcpub: string; destpub: string }, mypk: Uint8Array, priv: Uint8Array): CCInput[] {
  return [
    { coin: inputs.fundsCoin, condition: fundsCondition(open.tokenid, open.srcpub, open.destpub), priv },
    { coin: inputs.markerCoin, condition: makeCCcond1(CHANNELS_EVAL, mypk), priv },
  ]
}

/**
 * ChannelOpen's inputs. Coins: AddNormalinputs(funds + txfee + 2 markers, 64). Tokens:
 * AddNormalinputs(txfee + 2 markers, 5), then AddTokenCCInputs(funds, 64). komodod then only asks
 * that both sums together reach funds + txfee + 2 markers, so a large wallet coin can stand in for
 * missing tokens (the open is then valid, since no Tokens input makes TokensValidate run on it).
 */
function openInputs(ctx: CcContext, tokenid: string, mypk: Uint8Array, priv: Uint8Array, funds: bigint): { normal: Coin[]; cc: CCInput[]; sum: bigint; tokens: number } {
  const fees = CC_TXFEE + 2 * CHANNELS_MARKER_VALUE
  const need = funds + BigInt(fees)
  if (!isToken(tokenid)) {
    const normal = need <= BigInt(Number.MAX_SAFE_INTEGER) ? normalUpTo(ctx, Number(need), 64) ?? [] : []
    return { normal, cc: [], sum: BigInt(normal.reduce((s, c) => s + c.value, 0)), tokens: 0 }
  }
  const normal = normalUpTo(ctx, fees, 5) ?? []
  const L = ctx.chain.ledger
  const picked = addTokenInputs(L, tokenid, mypk, funds <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(funds) : Number.MAX_SAFE_INTEGER, 64)
  const condition = tokensCond(nftEvalOf(L, tokenid) || EVAL_TOKENS, 0, mypk)
  const cc = picked.coins.map((coin) => ({ coin, condition, priv }))
  return { normal, cc, sum: BigInt(normal.reduce((s, c) => s + c.value, 0) + picked.sum), tokens: picked.sum }
}

// ── RPCs ──────────────────────────────────────────────────────────────────────────────────────

function channelsaddress(ctx: CcContext, p: unknown[]): unknown {
  // komodod insists on the pubkey (params.size() != 1) before the generic CCaddress reply.
  checkCount(p, 1, 1, usage('channelsaddress'))
  return ccAddressReply(ctx, CHANNELS, p, 'plain')
}

function channelsopen(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 3, 4, usage('channelsopen'))
  const { pubkey, priv } = ensureCC(ctx)
  const destHex = requireString(p, 0)
  const numpayments = atoi(requireString(p, 1))
  const payment = atol(requireString(p, 2))
  const tokenid = p.length === 4 ? uint256Param(requireString(p, 3)) : ZERO_ID
  if (numpayments <= 0 || payment <= 0n || numpayments > CHANNELS_MAXPAYMENTS) {
    return softError(`invalid ChannelOpen param numpayments.${numpayments} payment.${payment} - max_numpayments.${CHANNELS_MAXPAYMENTS}`)
  }
  // CPubKey::IsFullyValid. komodod would also take a 65-byte key; its conditions here are compressed only.
  if (!isPubkeyHex(destHex)) return softError('invalid destination pubkey')
  const destpub = destHex.toLowerCase()
  const funds = BigInt(numpayments) * payment
  const inputs = openInputs(ctx, tokenid, pubkey, priv, funds)
  if (inputs.sum < funds + BigInt(CC_TXFEE + 2 * CHANNELS_MARKER_VALUE)) return softError('error adding funds')
  // FinalizeCCTx signs a token input only at the addresses it knows for the Channels cp: the Tokens
  // one (fungible tokens) or Channels + Tokens. A non-fungible token's outputs carry its own eval
  // code, so komodod hits "CC signing error", FinalizeCCTxExt answers a null UniValue and
  // channelsopen returns it as it is (src/cc/CCtx.cpp FinalizeCCTxExt, src/wallet/rpcwallet.cpp).
  const nft = isToken(tokenid) ? nftEvalOf(ctx.chain.ledger, tokenid) : 0
  if (inputs.cc.length > 0 && nft !== 0 && nft !== CHANNELS_EVAL) return null
  const mine = bytesToHex(pubkey)
  // The seed comes from the first input's outpoint (vin.0, a normal input unless there was none) and this node's private key.
  const first = inputs.normal[0] ?? inputs.cc[0].coin
  const seed = channelSeed(priv, first.txid, first.vout)
  const outputs = [channelOutput(tokenid, Number(funds), mine, destpub), marker(pubkey), marker(hexToBytes(destpub))]
  if (BigInt(inputs.tokens) > funds) outputs.push(payout(tokenid, inputs.tokens - Number(funds), mine))
  const hex = finalize(ctx, pubkey, inputs.normal, inputs.cc, outputs, {
    funcid: FUNCID.open, tokenid, opentxid: ZERO_ID, srcpub: mine, destpub, param1: numpayments, param2: payment, param3: hashchainOf(seed, numpayments),
  })
  return { hex, result: 'success' }
}

function channelspayment(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 2, 3, usage('channelspayment'))
  const { pubkey, priv } = ensureCC(ctx)
  const opentxid = uint256Param(requireString(p, 0))
  const amount = BigInt(atoi(requireString(p, 1)))
  const given = optionalString(p, 2)
  let secret = given === null ? ZERO_ID : uint256Param(given)
  const L = ctx.chain.ledger
  const mine = bytesToHex(pubkey)
  if (amount < 1n) return softError('invalid payment amount, must be greater than 0')
  const { rec: openRec, open } = openOf(L, opentxid)
  if (!openRec) return softError('invalid channel open txid')
  if (!open) return softError('invalid channel open tx')
  if (mine !== open.srcpub && mine !== open.destpub) return softError('this is not our channel')
  if (amount % open.param2 !== 0n || amount < open.param2) return softError('invalid amount, not a magnitude of payment size')
  if (mine === open.destpub && secret === ZERO_ID) return softError('invalid secret, secret is necessary when making payment from destination')
  if (!isConfirmed(L, opentxid)) return softError('channelsopen tx not yet confirmed/notarized')
  const normal = normalUpTo(ctx, CC_TXFEE + CHANNELS_MARKER_VALUE, 3)
  if (!normal) return softError('error adding normal inputs')
  const inputs = channelInputs(L, opentxid, open, mine)
  const change = inputs ? BigInt(inputs.funds) - amount : -1n
  if (!inputs || change < 0n) return softError('error adding CC inputs')
  const numpayments = amount / open.param2
  const prev = channelsOpretOf(L.txs.get(inputs.prevtxid)!.tx)
  if (!prev || (prev.funcid !== FUNCID.payment && prev.funcid !== FUNCID.open)) return softError('invalid previous tx')
  const prevdepth = BigInt(prev.param1)
  if (numpayments > prevdepth) return softError('not enough funds in channel for that amount')
  if (numpayments === 0n) return softError('invalid amount')
  const left = Number(prevdepth - numpayments)
  if (secret !== ZERO_ID) {
    if (!reachesHashchain(secret, open.param1 - left, open.param3)) return softError('invalid secret supplied')
  } else {
    // Only the opener can make the secret: the seed needs its private key (a receiver's node
    // would make a wrong one, and validation would refuse it).
    const vin0 = openRec.tx.vin[0]
    secret = secretFor(channelSeed(priv, hashToHex(vin0.prevHash), vin0.prevIndex), left)
  }
  // The tokenid is the previous link's (its DecodeChannelsOpRet is the last one before the outputs).
  const { tokenid } = prev
  const outputs = [
    channelOutput(tokenid, Number(change), open.srcpub, open.destpub), marker(hexToBytes(open.srcpub)), marker(hexToBytes(open.destpub)),
    payout(tokenid, Number(amount), open.destpub),
  ]
  const hex = finalize(ctx, pubkey, normal, channelSpends(inputs, open, pubkey, priv), outputs, {
    funcid: FUNCID.payment, tokenid, opentxid, srcpub: open.srcpub, destpub: open.destpub, param1: left, param2: numpayments, param3: secret,
  })
  return { hex, result: 'success' }
}

function channelsclose(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 1, 1, usage('channelsclose'))
  const { pubkey, priv } = ensureCC(ctx)
  const opentxid = uint256Param(requireString(p, 0))
  const L = ctx.chain.ledger
  const mine = bytesToHex(pubkey)
  const { rec: openRec, open } = openOf(L, opentxid)
  if (!openRec) return softError('invalid channel open txid')
  if (!open) return softError('invalid channel open tx')
  if (!isConfirmed(L, opentxid)) return softError('channelsopen tx not yet confirmed/notarized')
  if (mine !== open.srcpub) return softError('cannot close, you are not channel owner')
  const normal = normalUpTo(ctx, CC_TXFEE + CHANNELS_MARKER_VALUE, 3)
  if (!normal) return softError('error adding normal inputs')
  const inputs = channelInputs(L, opentxid, open, mine)
  if (!inputs || inputs.funds <= 0) return softError('error adding CC inputs')
  const outputs = [channelOutput(open.tokenid, inputs.funds, mine, open.destpub), marker(pubkey), marker(hexToBytes(open.destpub))]
  // komodod returns FinalizeCCTx's std::string as the UniValue: the reply is the hex itself.
  return finalize(ctx, pubkey, normal, channelSpends(inputs, open, pubkey, priv), outputs, {
    funcid: FUNCID.close, tokenid: open.tokenid, opentxid, srcpub: mine, destpub: open.destpub, param1: Number(BigInt(inputs.funds) / open.param2), param2: open.param2, param3: ZERO_ID,
  })
}

function channelsrefund(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 2, 2, usage('channelsrefund'))
  const { pubkey, priv } = ensureCC(ctx)
  const opentxid = uint256Param(requireString(p, 0))
  const closetxid = uint256Param(requireString(p, 1))
  const L = ctx.chain.ledger
  const mine = bytesToHex(pubkey)
  const closeRec = closetxid === ZERO_ID ? undefined : L.txs.get(closetxid)
  if (!closeRec) return softError('invalid channel close txid')
  const close = channelsOpretOf(closeRec.tx)
  if (!close || close.funcid !== FUNCID.close) return softError('invalid channel close tx')
  if (!isConfirmed(L, closetxid)) return softError('channelsclose tx not yet confirmed/notarized')
  if (close.opentxid !== opentxid) return softError('open and close txid are not from same channel')
  const { rec: openRec, open } = openOf(L, opentxid)
  if (!openRec) return softError('invalid channel open txid')
  if (!isConfirmed(L, opentxid)) return softError('channelsopen tx not yet confirmed/notarized')
  if (!open) return softError('invalid channel open tx')
  if (mine !== open.srcpub) return softError('cannot refund, you are not the channel owner')
  const normal = normalUpTo(ctx, CC_TXFEE + CHANNELS_MARKER_VALUE, 3)
  if (!normal) return softError('error adding normal inputs')
  const inputs = channelInputs(L, opentxid, open, mine)
  if (!inputs || inputs.funds <= 0) return softError('error adding CC inputs')
  const prev = channelsOpretOf(L.txs.get(inputs.prevtxid)!.tx)
  if (!prev) return softError('previous tx is invalid')
  // As in a payment, the tokenid is the previous link's.
  const { tokenid } = prev
  const outputs = [marker(pubkey), marker(hexToBytes(open.destpub)), payout(tokenid, inputs.funds, mine)]
  return finalize(ctx, pubkey, normal, channelSpends(inputs, open, pubkey, priv), outputs, {
    funcid: FUNCID.refund, tokenid, opentxid, srcpub: mine, destpub: open.destpub, param1: Number(BigInt(inputs.funds) / open.param2), param2: open.param2, param3: closetxid,
  })
}

/** SetCCtxids on a full node: every txid with a (non-negative) entry at `address`, in index order. */
function indexTxids(ctx: CcContext, address: string): string[] {
  return (ctx.chain.ledger.ccIndex.get(address) ?? []).filter((e) => !e.spending && e.satoshis >= 0).map((e) => e.txid)
}

function channelslist(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 0, 0, usage('channelslist'))
  const { pubkey } = ensureCC(ctx)
  const L = ctx.chain.ledger
  const out: Record<string, unknown> = { result: 'success', name: 'Channels List' }
  for (const txid of indexTxids(ctx, markerAddress(bytesToHex(pubkey)))) {
    const rec = L.txs.get(txid)
    const o = rec && channelsOpretOf(rec.tx)
    if (o?.funcid === FUNCID.open) out[txid] = `${o.param1} payments of ${o.param2} satoshi to ${o.destpub}`
  }
  return out
}

function channelsinfo(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 0, 1, usage('channelsinfo'))
  const { pubkey } = ensureCC(ctx)
  const given = optionalString(p, 0)
  const channeltxid = given === null ? ZERO_ID : uint256Param(given)
  const L = ctx.chain.ledger
  const { rec: openRec, open } = openOf(L, channeltxid)
  // komodod's one miss answer, with a capital E.
  if (!openRec || !open) return { result: 'error', Error: 'Channel not found!' }
  const out: Record<string, unknown> = {
    result: 'success',
    'Channel CC address': channelAddress(open.srcpub, open.destpub),
    'Destination address': pubkeyAddress(hexToBytes(open.destpub)),
    'Number of payments': open.param1,
  }
  const total = (BigInt(open.param1) * open.param2).toString()
  if (open.tokenid !== ZERO_ID) {
    Object.assign(out, { 'Token id': open.tokenid, 'Denomination (token satoshi)': open.param2.toString(), 'Amount (token satoshi)': total })
  } else {
    Object.assign(out, { 'Denomination (satoshi)': open.param2.toString(), 'Amount (satoshi)': total })
  }
  // The transactions this node holds a marker of, then the channel's payments still in the mempool.
  const recs = indexTxids(ctx, markerAddress(bytesToHex(pubkey))).flatMap((txid) => {
    const rec = L.txs.get(txid)
    const o = rec && channelsOpretOf(rec.tx)
    return rec && o && (o.opentxid === channeltxid || txid === channeltxid) ? [rec] : []
  })
  for (const address of new Set([channelAddress(open.srcpub, open.destpub), tokenChannelAddress(open.srcpub, open.destpub)])) {
    for (const rec of mempoolTxsAt(L, address)) {
      const o = channelsOpretOf(rec.tx)
      if (o?.funcid === FUNCID.payment && o.opentxid === channeltxid) recs.push(rec)
    }
  }
  const transactions = recs.map((rec): ChannelsTxEntry => {
    const o = channelsOpretOf(rec.tx)!
    if (o.funcid === FUNCID.open && rec.txid === channeltxid) return { Open: rec.txid }
    if (o.funcid === FUNCID.payment && o.opentxid === channeltxid) {
      return {
        Payment: rec.txid, 'Number of payments': Number(o.param2), Amount: Number(o.param2 * open.param2),
        Destination: addressOfOutput(rec.tx.vout[3]), Secret: o.param3, 'Payments left': o.param1,
      }
    }
    if (o.funcid === FUNCID.close && o.opentxid === channeltxid) return { Close: rec.txid }
    if (o.funcid === FUNCID.refund && o.opentxid === channeltxid) {
      return { Refund: rec.txid, Amount: Number(BigInt(o.param1) * o.param2), Destination: addressOfOutput(rec.tx.vout[2]) }
    }
    return {}
  })
  out.Transactions = transactions
  return out
}

export const rules: CcModule = {
  evalCode: CHANNELS_EVAL,
  name: CHANNELS_NAME,
  category: 'channels',
  rpc: { channelsaddress, channelslist, channelsinfo, channelsopen, channelspayment, channelsclose, channelsrefund },
  usage: CHANNELS_USAGE,
  validate: evalValidator(CHANNELS_EVAL, CHANNELS_NAME, channelsRejectReason),
  verifySpend: (tx, i, coin) => verifySpendFor(CHANNELS_EVAL, tx, i, coin),
}
