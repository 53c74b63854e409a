/**
 * The Channels OP_RETURN (src/cc/channels.cpp EncodeChannelsOpRet / DecodeChannelsOpRet), isomorphic:
 *
 *   eb <funcid> <opentxid uint256> <vec srcpub> <vec destpub> <int32 LE> <int64 LE> <uint256>
 *
 * One layout for the four functions; the three numbers mean:
 *   'O' open     zero opentxid, numpayments, payment (satoshis), hashchain (the chain's last link)
 *   'P' payment  opentxid, payments left after it, payments it releases, the secret it reveals
 *   'C' close    opentxid, payments still in the channel, payment, zero
 *   'R' refund   opentxid, payments refunded, payment, closetxid
 * uint256 fields are raw (internal byte order): shown reversed, as komodod's GetHex prints them.
 * A token channel wraps the same bytes in a Tokens transfer payload (EncodeTokenOpRet): `f2 't'
 * <tokenid, display order> 02 <vec srcpub> <vec destpub> 14 <vec channels payload>`, 0x14 being
 * OPRETID_CHANNELSDATA.
 */
import { EVAL } from '../../../protocol/evalCodes.ts'
import { bytesToHex, concatBytes, hexToBytes, PayloadReader, sizedBytes } from '../../../protocol/opret.ts'

export const FUNCID = { open: 0x4f, payment: 0x50, close: 0x43, refund: 0x52 } as const // 'O' 'P' 'C' 'R'
export type ChannelsFuncid = (typeof FUNCID)[keyof typeof FUNCID]
const FUNCIDS: readonly number[] = Object.values(FUNCID)
/** OPRETID_CHANNELSDATA (src/cc/CCinclude.h): the channels payload inside a token opret. */
export const OPRETID_CHANNELSDATA = 0x14
const TOKENS_TRANSFER = 0x74 // 't'
export const ZERO_ID = '0'.repeat(64)

export interface ChannelsOpret {
  funcid: ChannelsFuncid
  /** Display hex; zero in an open. */
  opentxid: string
  srcpub: string
  destpub: string
  /** int32: numpayments ('O'), payments left ('P'), payments in the channel ('C', 'R'). */
  param1: number
  /** int64 satoshis or a count: payment ('O', 'C', 'R'), payments released ('P'). */
  param2: bigint
  /** Display hex: hashchain ('O'), secret ('P'), zero ('C'), closetxid ('R'). */
  param3: string
  /** Display hex of the token, zero for a coin channel. */
  tokenid: string
}

/** A uint256 as E_MARSHAL writes it: its internal bytes, the display hex reversed. */
export const uint256Bytes = (display: string): Uint8Array => hexToBytes(display).reverse()
export const uint256Hex = (raw: Uint8Array): string => bytesToHex(Uint8Array.from(raw).reverse())

function int32le(n: number): Uint8Array {
  const b = new Uint8Array(4)
  new DataView(b.buffer).setInt32(0, n, true)
  return b
}
function int64le(n: bigint): Uint8Array {
  const b = new Uint8Array(8)
  new DataView(b.buffer).setBigInt64(0, BigInt.asIntN(64, n), true)
  return b
}

/** The channels payload alone (what a coin channel's OP_RETURN pushes). */
export function encodeChannelsPayload(o: Omit<ChannelsOpret, 'tokenid'>): Uint8Array {
  return concatBytes(
    Uint8Array.of(EVAL.CHANNELS, o.funcid), uint256Bytes(o.opentxid), sizedBytes(hexToBytes(o.srcpub)), sizedBytes(hexToBytes(o.destpub)),
    int32le(o.param1), int64le(o.param2), uint256Bytes(o.param3),
  )
}

/** EncodeChannelsOpRet's payload: plain for coins, wrapped in a token transfer for a token channel. */
export function encodeChannelsOpret(o: ChannelsOpret): Uint8Array {
  const inner = encodeChannelsPayload(o)
  if (o.tokenid === ZERO_ID) return inner
  return concatBytes(
    Uint8Array.of(EVAL.TOKENS, TOKENS_TRANSFER), hexToBytes(o.tokenid), Uint8Array.of(2), sizedBytes(hexToBytes(o.srcpub)),
    sizedBytes(hexToBytes(o.destpub)), Uint8Array.of(OPRETID_CHANNELSDATA), sizedBytes(inner),
  )
}

function decodeInner(payload: Uint8Array, tokenid: string): ChannelsOpret | null {
  try {
    const r = new PayloadReader(payload)
    if (payload.length <= 2 || r.byte() !== EVAL.CHANNELS) return null
    const funcid = r.byte()
    const opentxid = uint256Hex(r.bytes(32))
    const srcpub = bytesToHex(r.vec())
    const destpub = bytesToHex(r.vec())
    const n = r.bytes(4)
    const param1 = new DataView(n.buffer, n.byteOffset, 4).getInt32(0, true)
    const v = r.bytes(8)
    const param2 = new DataView(v.buffer, v.byteOffset, 8).getBigInt64(0, true)
    const param3 = uint256Hex(r.bytes(32))
    // E_UNMARSHAL succeeds only when every byte was read; DecodeChannelsOpRet then returns the
    // funcid byte whatever it is, and its callers compare it.
    if (r.rest !== 0 || funcid === 0) return null
    return { funcid: funcid as ChannelsFuncid, opentxid, srcpub, destpub, param1, param2, param3, tokenid }
  } catch {
    return null
  }
}

/** The token wrapper's tokenid and its OPRETID_CHANNELSDATA blob, or null. */
function unwrapToken(payload: Uint8Array): { tokenid: string; inner: Uint8Array } | null {
  try {
    const r = new PayloadReader(payload)
    if (r.byte() !== EVAL.TOKENS || r.byte() !== TOKENS_TRANSFER) return null
    const tokenid = bytesToHex(r.bytes(32))
    const n = r.byte()
    if (n > 2) return null
    for (let i = 0; i < n; i++) r.vec()
    while (r.rest > 0) {
      const id = r.byte()
      const blob = r.vec()
      if (id === OPRETID_CHANNELSDATA && blob.length > 0) return { tokenid, inner: blob }
    }
    return null
  } catch {
    return null
  }
}

/** DecodeChannelsOpRet: the fields of a channels payload (plain or token-wrapped), or null. */
export function decodeChannelsOpret(payload: Uint8Array): ChannelsOpret | null {
  const t = unwrapToken(payload)
  return t ? decodeInner(t.inner, t.tokenid) : decodeInner(payload, ZERO_ID)
}

/** Whether the funcid is one of the four komodod writes (for views; consensus compares itself). */
export const isKnownFuncid = (f: number): f is ChannelsFuncid => FUNCIDS.includes(f)
