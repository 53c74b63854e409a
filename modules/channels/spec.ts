/**
 * The Channels CC module (eval 0xeb), isomorphic part: keys (src/cc/CCcustom.cpp, reference §3.3),
 * catalog entries with komodod's parameter typing (src/wallet/rpcwallet.cpp: every argument a JSON
 * string; numpayments and amounts go through atoi/atol, so they are whole satoshis), result types
 * (src/cc/channels.cpp ChannelsList, ChannelsInfo) and the words for its OP_RETURN in transaction
 * views. The rules and builders are in rules.ts, loaded by the engine only.
 *
 * The flow komodod implements: `channelsopen` locks numpayments × payment in a 1of2 CC output of
 * the sender and the receiver and commits to a hash chain; each `channelspayment` reveals the next
 * secret of that chain and releases whole payments to the receiver's normal address; the sender may
 * `channelsclose` and, once the close is deep enough, `channelsrefund` what is left.
 */
import { p, type MethodSpec } from '../../protocol/methodSpec.ts'
import { EVAL } from '../../protocol/evalCodes.ts'
import { defineModule, type DecodedOpReturn, type OpReturnView } from '../../protocol/module.ts'
import type { CcSuccess, HexResult } from '../../protocol/types.ts'
import { decodeChannelsOpret, FUNCID } from './spec/opret.ts'

export const CHANNELS_EVAL = EVAL.CHANNELS
export const CHANNELS_NAME = 'Channels'
export const CHANNELS_GLOBAL_PUBKEY = '035debdb19b1c98c615259339500511d6216a3ffbeb28ff5655a7ef5790a12ab0b'
export const CHANNELS_CC_ADDRESS = 'RQy3rwX8sP9oDm3c39vGKA6H315cgtPLfr'
export const CHANNELS_NORMAL_ADDRESS = 'RQUuT8zmkvDfXqECH4m3VD3SsHZAfnoh1v'
/** CHANNELS_MAXPAYMENTS (src/cc/CCchannels.h). */
export const CHANNELS_MAXPAYMENTS = 1000
/** CC_MARKER_VALUE of channels.cpp: each side's marker output, in satoshis. */
export const CHANNELS_MARKER_VALUE = 10_000
/**
 * komodo_txnotarizedconfirmed on a chain nobody notarizes (src/cc/CCutils.cpp): an open or a close
 * counts once it has MIN_NON_NOTARIZED_CONFIRMS confirmations, 101 in release builds (2 in a
 * -DTESTMODE build). Payments, closes and refunds wait for it.
 */
export const CHANNELS_MIN_CONFIRMS = 101

const opentxid = p('opentxid', 'string', 'Txid of the channelsopen transaction.', { format: 'txid' })

export const CHANNELS_METHODS: readonly MethodSpec[] = [
  { name: 'channelsaddress', category: 'channels', safety: 'cc-info',
    summary: 'Channels CC addresses and balances, and the 1of2 address a channel between this node and a pubkey would use.',
    params: [p('pubkey', 'string', 'The other side of the channel (required).', { format: 'pubkey' })],
    result: 'object: result, ChannelsCCAddress, ChannelsCCBalance, ChannelsNormalAddress, ChannelsNormalBalance, ChannelsCC1of2Address, ChannelsCC1of2TokensAddress, PubkeyCCaddress(Channels), PubkeyCCbalance(Channels), myCCAddress(Channels), myCCbalance(Channels), myaddress, mybalance' },
  { name: 'channelslist', category: 'channels', safety: 'cc-info',
    summary: 'Channels this node opened or receives from, by open txid.',
    params: [], result: 'object: result, name ("Channels List"), then one key per opentxid: "<n> payments of <payment> satoshi to <destpubkey>"' },
  { name: 'channelsinfo', category: 'channels', safety: 'cc-info', softErrors: true,
    summary: 'A channel\'s address, denomination and transactions, with the secret each payment revealed.',
    params: [p('opentxid', 'string', 'Txid of the channelsopen transaction.', { optional: true, format: 'txid' })],
    result: 'object: result, Channel CC address, Destination address, Number of payments, Denomination (satoshi), Amount (satoshi), Transactions [{Open} | {Payment, Number of payments, Amount, Destination, Secret, Payments left} | {Close} | {Refund, Amount, Destination}]; unknown channel: {result: "error", Error: "Channel not found!"}' },
  { name: 'channelsopen', category: 'channels', safety: 'cc-build', softErrors: true,
    summary: 'Build a transaction that opens a payment channel to a pubkey: numpayments payments of a fixed size.',
    params: [
      p('destpubkey', 'string', 'Pubkey of the receiver.', { format: 'pubkey' }),
      p('numpayments', 'string', 'How many payments, 1 to 1000.', { format: 'integer', example: '10' }),
      p('payment', 'string', 'Size of one payment in satoshis.', { format: 'integer', example: '10000000' }),
      p('tokenid', 'string', 'Lock this token instead of coins. komodod builds such a channel, but its validation refuses every later payment, close and refund of it.', { optional: true, format: 'txid' }),
    ],
    result: 'object: hex (not broadcast; its txid is the opentxid), result' },
  { name: 'channelspayment', category: 'channels', safety: 'cc-build', softErrors: true,
    summary: 'Build a payment through a channel: reveals the next secret and releases whole payments to the receiver.',
    params: [
      opentxid,
      p('amount', 'string', 'Satoshis to release, a multiple of the payment size.', { format: 'integer', example: '10000000' }),
      p('secret', 'string', 'A secret from the sender (the receiver must give one).', { optional: true, format: 'txid' }),
    ],
    result: 'object: hex (not broadcast), result' },
  { name: 'channelsclose', category: 'channels', safety: 'cc-build', softErrors: true,
    summary: 'Build the sender\'s close of a channel (the refund needs it, confirmed).',
    params: [opentxid], result: 'string: the raw transaction hex (not broadcast); errors are {result: "error", error}' },
  { name: 'channelsrefund', category: 'channels', safety: 'cc-build', softErrors: true,
    summary: 'Build the refund of what is left in a closed channel to the sender.',
    params: [opentxid, p('closetxid', 'string', 'Txid of the channelsclose transaction.', { format: 'txid' })],
    result: 'string: the raw transaction hex (not broadcast); errors are {result: "error", error}' },
]

/** komodod's usage lines (the runtime_error of a wrong parameter count, newline added by the engine). */
export const CHANNELS_USAGE: Readonly<Record<string, string>> = {
  channelsaddress: 'channelsaddress pubkey',
  channelslist: 'channelslist',
  channelsinfo: 'channelsinfo [opentxid]',
  channelsopen: 'channelsopen destpubkey numpayments payment [tokenid]',
  channelspayment: 'channelspayment opentxid amount [secret]',
  channelsclose: 'channelsclose opentxid',
  channelsrefund: 'channelsrefund opentxid closetxid',
}

// ── result shapes ─────────────────────────────────────────────────────────────────────────────

export type ChannelsTxEntry =
  | { Open: string }
  | { Payment: string; 'Number of payments': number; Amount: number; Destination: string; Secret: string; 'Payments left': number }
  | { Close: string }
  | { Refund: string; Amount: number; Destination: string }
  | Record<string, never>

export interface ChannelsInfo extends CcSuccess {
  'Channel CC address': string
  'Destination address': string
  'Number of payments': number
  'Token id'?: string
  'Denomination (satoshi)'?: string
  'Amount (satoshi)'?: string
  'Denomination (token satoshi)'?: string
  'Amount (token satoshi)'?: string
  Transactions: ChannelsTxEntry[]
}

declare module '../../protocol/types.ts' {
  interface ResultOf {
    channelsopen: HexResult
    channelspayment: HexResult
    /** komodod returns FinalizeCCTx's string itself here, not an object (src/cc/channels.cpp). */
    channelsclose: string
    channelsrefund: string
    channelsinfo: ChannelsInfo
    channelslist: CcSuccess & { name: string } & Record<string, string>
  }
}

// ── transaction views ─────────────────────────────────────────────────────────────────────────

const short = (id: string): string => `${id.slice(0, 10)}…${id.slice(-8)}`
const KINDS: Record<number, string> = { [FUNCID.open]: 'open', [FUNCID.payment]: 'payment', [FUNCID.close]: 'close', [FUNCID.refund]: 'refund' }

/** A Channels payload as the transaction views show it; null when komodod would not read it. */
export function decodeChannelsPayload(payload: Uint8Array): DecodedOpReturn | null {
  const o = decodeChannelsOpret(payload)
  const kind = o && KINDS[o.funcid]
  if (!o || !kind) return null
  return {
    module: CHANNELS_NAME, evalCode: CHANNELS_EVAL, kind, opentxid: o.opentxid, srcpub: o.srcpub, destpub: o.destpub,
    param1: o.param1, param2: o.param2.toString(), param3: o.param3,
  }
}

export function viewChannelsPayload(d: DecodedOpReturn): OpReturnView | null {
  const id = short(String(d.opentxid))
  const parties = [
    { key: 'channel.tx.sender', values: [String(d.srcpub)], code: true },
    { key: 'channel.tx.receiver', values: [String(d.destpub)], code: true },
  ]
  switch (d.kind) {
    case 'open': return {
      summary: { key: 'channel.tx.open', values: { numpayments: Number(d.param1), payment: String(d.param2) } },
      details: [...parties, { key: 'channel.tx.hashchain', values: [String(d.param3)], code: true }],
    }
    case 'payment': return {
      summary: { key: 'channel.tx.payment', values: { opentxid: id, released: String(d.param2), left: Number(d.param1) } },
      details: [{ key: 'channel.tx.secret', values: [String(d.param3)], code: true }, ...parties],
    }
    case 'close': return { summary: { key: 'channel.tx.close', values: { opentxid: id, left: Number(d.param1) } }, details: parties }
    case 'refund': return {
      summary: { key: 'channel.tx.refund', values: { opentxid: id, left: Number(d.param1) } },
      details: [{ key: 'channel.tx.closetxid', values: [String(d.param3)], code: true }, ...parties],
    }
    default: return null
  }
}

export const channels = defineModule({
  id: 'channels',
  name: CHANNELS_NAME,
  evalCode: CHANNELS_EVAL,
  category: 'channels',
  globalPubkey: CHANNELS_GLOBAL_PUBKEY,
  globalAddress: CHANNELS_CC_ADDRESS,
  methods: CHANNELS_METHODS,
  reference: {
    title: 'Channels CC',
    intro: 'The Channels Custom Consensus module (eval code 0xeb): prepaid payment channels whose payments are released by the secrets of a hash chain.',
  },
  panels: [],
  strings: {
    channel: {
      tx: {
        open: 'Channel open: {numpayments} payments of {payment} satoshis',
        payment: 'Payment through channel {opentxid}: releases {released}, {left} left',
        close: 'Close of channel {opentxid}: {left} payments left in it',
        refund: 'Refund of channel {opentxid}: {left} payments back to the sender',
        sender: 'Sender pubkey',
        receiver: 'Receiver pubkey',
        hashchain: 'Hash chain (the last link; every secret hashes to it)',
        secret: 'Secret revealed',
        closetxid: 'Close txid',
      },
    },
  },
  decodeOpReturn: decodeChannelsPayload,
  viewOpReturn: viewChannelsPayload,
})

