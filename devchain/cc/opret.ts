/**
 * The OP_RETURN payloads of the Faucet and Tokens modules, as komodod's E_MARSHAL writes them
 * (bytes, then CompactSize-prefixed vectors and strings):
 *   faucetget      e4 'G' <int32 LE nonce>
 *   tokencreate    f2 'c' <vec pubkey33> <str name> <str description> [11 <vec NFT data>]
 *   tokentransfer  f2 't' <tokenid, display byte order> 01 <vec destpubkey33>
 */
import { bytesToHex, concat, hexToBytes } from './hashes.ts'
import { EVAL } from './module-keys.ts'

export const OP_RETURN = 0x6a
export const OPRETID_NONFUNGIBLEDATA = 0x11
const utf8 = new TextEncoder()
const fromUtf8 = new TextDecoder()

export function compactSize(n: number): Uint8Array {
  if (n < 0xfd) return Uint8Array.of(n)
  if (n <= 0xffff) return Uint8Array.of(0xfd, n & 0xff, n >> 8)
  return Uint8Array.of(0xfe, n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff)
}

const vec = (b: Uint8Array) => concat(compactSize(b.length), b)

/** `OP_RETURN <one push of payload>`, with the push opcode komodod's CScript would choose. */
export function opReturnScript(payload: Uint8Array): Uint8Array {
  const n = payload.length
  const head = n < 0x4c ? Uint8Array.of(n)
    : n <= 0xff ? Uint8Array.of(0x4c, n)
    : Uint8Array.of(0x4d, n & 0xff, n >> 8)
  return concat(Uint8Array.of(OP_RETURN), head, payload)
}

/** The payload of an `OP_RETURN <push>` script, or null. */
export function opReturnPayload(script: Uint8Array): Uint8Array | null {
  if (script.length < 2 || script[0] !== OP_RETURN) return null
  const op = script[1]
  let start: number
  let len: number
  if (op < 0x4c) { start = 2; len = op }
  else if (op === 0x4c && script.length >= 3) { start = 3; len = script[2] }
  else if (op === 0x4d && script.length >= 4) { start = 4; len = script[2] | (script[3] << 8) }
  else return null
  return start + len === script.length ? script.subarray(start) : null
}

class Reader {
  o = 0
  constructor(readonly b: Uint8Array) {}
  byte(): number {
    if (this.o >= this.b.length) throw new Error('opret: truncated')
    return this.b[this.o++]
  }
  bytes(n: number): Uint8Array {
    if (this.o + n > this.b.length) throw new Error('opret: truncated')
    const out = this.b.subarray(this.o, this.o + n)
    this.o += n
    return out
  }
  size(): number {
    const first = this.byte()
    if (first < 0xfd) return first
    const k = first === 0xfd ? 2 : first === 0xfe ? 4 : 8
    const raw = this.bytes(k)
    let n = 0
    for (let i = k - 1; i >= 0; i--) n = n * 256 + raw[i]
    return n
  }
  vec(): Uint8Array { return this.bytes(this.size()) }
  done(): boolean { return this.o === this.b.length }
}

// ── Faucet ────────────────────────────────────────────────────────────────────────────────────

export const FAUCET_FUNCID_GET = 0x47 // 'G'

export function encodeFaucetGet(nonce: number): Uint8Array {
  const n = nonce >>> 0
  return Uint8Array.of(EVAL.FAUCET, FAUCET_FUNCID_GET, n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff)
}

export function decodeFaucetGet(payload: Uint8Array): { nonce: number } | null {
  if (payload.length !== 6 || payload[0] !== EVAL.FAUCET || payload[1] !== FAUCET_FUNCID_GET) return null
  return { nonce: (payload[2] | (payload[3] << 8) | (payload[4] << 16) | (payload[5] << 24)) >>> 0 }
}

// ── Tokens ────────────────────────────────────────────────────────────────────────────────────

export const TOKENS_FUNCID_CREATE = 0x63 // 'c'
export const TOKENS_FUNCID_TRANSFER = 0x74 // 't'

export interface TokenCreateOpret {
  creatorPubkey: Uint8Array
  name: string
  description: string
  nftData?: Uint8Array
}

export function encodeTokenCreate(o: TokenCreateOpret): Uint8Array {
  const parts = [Uint8Array.of(EVAL.TOKENS, TOKENS_FUNCID_CREATE), vec(o.creatorPubkey), vec(utf8.encode(o.name)), vec(utf8.encode(o.description))]
  if (o.nftData && o.nftData.length > 0) parts.push(Uint8Array.of(OPRETID_NONFUNGIBLEDATA), vec(o.nftData))
  return concat(...parts)
}

export function decodeTokenCreate(payload: Uint8Array): TokenCreateOpret | null {
  try {
    const r = new Reader(payload)
    if (r.byte() !== EVAL.TOKENS || r.byte() !== TOKENS_FUNCID_CREATE) return null
    const creatorPubkey = r.vec()
    const name = fromUtf8.decode(r.vec())
    const description = fromUtf8.decode(r.vec())
    let nftData: Uint8Array | undefined
    while (!r.done()) {
      const id = r.byte()
      const blob = r.vec()
      if (id === OPRETID_NONFUNGIBLEDATA) nftData = blob
    }
    if (creatorPubkey.length !== 33) return null
    return nftData ? { creatorPubkey, name, description, nftData } : { creatorPubkey, name, description }
  } catch {
    return null
  }
}

export interface TokenTransferOpret {
  /** Display (RPC) hex of the tokenid. */
  tokenid: string
  destPubkeys: Uint8Array[]
}

export function encodeTokenTransfer(o: TokenTransferOpret): Uint8Array {
  // revuint256: the opret holds the tokenid in display order, i.e. the txid's internal bytes reversed.
  return concat(Uint8Array.of(EVAL.TOKENS, TOKENS_FUNCID_TRANSFER), hexToBytes(o.tokenid), Uint8Array.of(o.destPubkeys.length), ...o.destPubkeys.map(vec))
}

export function decodeTokenTransfer(payload: Uint8Array): TokenTransferOpret | null {
  try {
    const r = new Reader(payload)
    if (r.byte() !== EVAL.TOKENS || r.byte() !== TOKENS_FUNCID_TRANSFER) return null
    const tokenid = bytesToHex(r.bytes(32))
    const n = r.byte()
    const destPubkeys: Uint8Array[] = []
    for (let i = 0; i < n; i++) destPubkeys.push(r.vec())
    return { tokenid, destPubkeys }
  } catch {
    return null
  }
}

/** Which function a Tokens payload carries ('c', 't'), or null. */
export function tokensFuncId(payload: Uint8Array): number | null {
  return payload.length >= 2 && payload[0] === EVAL.TOKENS ? payload[1] : null
}
