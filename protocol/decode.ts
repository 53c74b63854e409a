/**
 * Reading CC structure out of decoded transactions, for TxView and BlockView.
 *
 * A CC output's condition only carries SHA-256 fingerprints (reference §3.3), so the module of an
 * output is found the way komodod's own modules find it: the global CC address of a module, the
 * eval code that opens the transaction's OP_RETURN, or the eval code of a CC input's fulfillment.
 */
import type { DecodedTx, TxVout } from './types.ts'

export interface CcModuleLabel {
  name: string
  evalCode: number
}

/** src/cc/eval.h. */
export const EVAL_NAMES: Readonly<Record<number, string>> = {
  0xe1: 'ImportPayout', 0xe2: 'ImportCoin', 0xe3: 'Assets', 0xe4: 'Faucet', 0xe5: 'Rewards', 0xe6: 'Dice',
  0xe7: 'FSM', 0xe8: 'Auction', 0xe9: 'Lotto', 0xea: 'Heir', 0xeb: 'Channels', 0xec: 'Oracles', 0xed: 'Prices',
  0xee: 'Pegs', 0xf0: 'Payments', 0xf1: 'Gateways', 0xf2: 'Tokens', 0xf3: 'ImportGateway',
}

/** Global CC addresses of the modules (reference §3.3, verified test vectors). */
export const GLOBAL_CC_ADDRESSES: Readonly<Record<string, number>> = {
  RGKRjeTBw4LYFotSDLT6RWzMHbhXri6BG6: 0xe3,
  R9zHrofhRbub7ER77B7NrVch3A63R39GuC: 0xe4,
  RTsRBYL1HSvMoE3qtBJkyiswdVaWkm8YTK: 0xe5,
  REabWB7KjFN5C3LFMZ5odExHPenYzHLtVw: 0xe6,
  RDVHcSekmXgeYBqRupNTmqo3Rn8QRXNduy: 0xea,
  RQy3rwX8sP9oDm3c39vGKA6H315cgtPLfr: 0xeb,
  REt2C4ZMnX8YYX1DRpffNA4hECZTFm39e3: 0xec,
  REpyKi7avsVduqZ3eimncK4uKqSArLTGGK: 0xf0,
  RKWpoK6vTRtq5b9qrRBodLkCzeURHeEk33: 0xf1,
  RAMvUfoyURBRxAdVeTMHxn3giJZCFWeha2: 0xf2,
}

export const labelOf = (evalCode: number): CcModuleLabel | null =>
  EVAL_NAMES[evalCode] ? { name: EVAL_NAMES[evalCode], evalCode } : null

export function hexToBytes(hex: string): Uint8Array {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) throw new Error('not hex')
  const out = new Uint8Array(hex.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return out
}

export const bytesToHex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')

export const isCcOutput = (v: TxVout): boolean =>
  v.scriptPubKey.type === 'cryptocondition' || v.scriptPubKey.type === 'condition' || /OP_CHECKCRYPTOCONDITION$/.test(v.scriptPubKey.asm)

/** The payload of `OP_RETURN <one push>`, or null. */
export function opReturnPayload(scriptHex: string): Uint8Array | null {
  let s: Uint8Array
  try {
    s = hexToBytes(scriptHex)
  } catch {
    return null
  }
  if (s.length < 2 || s[0] !== 0x6a) return null
  const op = s[1]
  let start: number
  let len: number
  if (op < 0x4c) [start, len] = [2, op]
  else if (op === 0x4c && s.length >= 3) [start, len] = [3, s[2]]
  else if (op === 0x4d && s.length >= 4) [start, len] = [4, s[2] | (s[3] << 8)]
  else return null
  return start + len === s.length ? s.subarray(start) : null
}

export type DecodedOpReturn =
  | { module: 'Faucet'; evalCode: 0xe4; kind: 'claim'; nonce: number }
  | { module: 'Tokens'; evalCode: 0xf2; kind: 'create'; creator: string; name: string; description: string; data?: string }
  | { module: 'Tokens'; evalCode: 0xf2; kind: 'transfer'; tokenid: string; destinations: string[] }
  | { module: string; evalCode: number; kind: 'unknown'; funcid: string; hex: string }

class Reader {
  o = 0
  constructor(private readonly b: Uint8Array) {}
  byte(): number {
    if (this.o >= this.b.length) throw new Error('truncated')
    return this.b[this.o++]
  }
  bytes(n: number): Uint8Array {
    if (this.o + n > this.b.length) throw new Error('truncated')
    return this.b.subarray(this.o, (this.o += n))
  }
  size(): number {
    const first = this.byte()
    if (first < 0xfd) return first
    const raw = this.bytes(first === 0xfd ? 2 : first === 0xfe ? 4 : 8)
    let n = 0
    for (let i = raw.length - 1; i >= 0; i--) n = n * 256 + raw[i]
    return n
  }
  vec(): Uint8Array {
    return this.bytes(this.size())
  }
  get rest(): number {
    return this.b.length - this.o
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: false })

/**
 * Decodes the OP_RETURN formats of the modules the journeys use (E_MARSHAL layouts):
 * faucetget `e4 'G' <int32 LE nonce>`, tokencreate `f2 'c' <vec pubkey> <str name> <str desc> [11 <vec data>]`,
 * tokentransfer `f2 't' <tokenid 32 bytes> <count> <vec pubkey>…`. Other payloads of a known eval
 * code come back as `unknown` with their funcid; anything else is null.
 */
export function decodeOpReturn(scriptHex: string): DecodedOpReturn | null {
  const payload = opReturnPayload(scriptHex)
  if (!payload || payload.length < 2) return null
  const evalCode = payload[0]
  const module = EVAL_NAMES[evalCode]
  if (!module) return null
  const funcid = payload[1]
  try {
    const r = new Reader(payload.subarray(2))
    if (evalCode === 0xe4 && funcid === 0x47 && payload.length === 6) {
      const b = r.bytes(4)
      return { module: 'Faucet', evalCode: 0xe4, kind: 'claim', nonce: (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0 }
    }
    if (evalCode === 0xf2 && funcid === 0x63) {
      const creator = bytesToHex(r.vec())
      const name = utf8.decode(r.vec())
      const description = utf8.decode(r.vec())
      let data: string | undefined
      if (r.rest > 0 && r.byte() === 0x11) data = bytesToHex(r.vec())
      return { module: 'Tokens', evalCode: 0xf2, kind: 'create', creator, name, description, ...(data ? { data } : {}) }
    }
    if (evalCode === 0xf2 && funcid === 0x74) {
      const tokenid = bytesToHex(r.bytes(32))
      const count = r.byte()
      const destinations: string[] = []
      for (let i = 0; i < count; i++) destinations.push(bytesToHex(r.vec()))
      return { module: 'Tokens', evalCode: 0xf2, kind: 'transfer', tokenid, destinations }
    }
  } catch {
    // A payload that claims a known layout but does not parse is shown raw below.
  }
  return { module, evalCode, kind: 'unknown', funcid: String.fromCharCode(funcid), hex: bytesToHex(payload) }
}

/** Eval codes of the CC inputs: an eval fulfillment is DER `af <len> 80 <len> <code>`. */
export function inputEvalCodes(tx: DecodedTx): number[] {
  const codes = new Set<number>()
  for (const vin of tx.vin) {
    const hex = vin.scriptSig?.hex ?? ''
    for (const m of hex.matchAll(/af038001([0-9a-f]{2})/gi)) {
      const code = parseInt(m[1], 16)
      if (EVAL_NAMES[code]) codes.add(code)
    }
  }
  return [...codes]
}

/** The CC module of each output (null for normal outputs or when nothing tells the module). */
export function labelOutputs(tx: DecodedTx): (CcModuleLabel | null)[] {
  const opret = tx.vout.map((v) => decodeOpReturn(v.scriptPubKey.hex)).find((d) => d !== null)
  const fromInputs = inputEvalCodes(tx)
  const txEval = opret?.evalCode ?? (fromInputs.length === 1 ? fromInputs[0] : undefined)
  return tx.vout.map((v) => {
    if (!isCcOutput(v)) return null
    for (const a of v.scriptPubKey.addresses ?? []) {
      const code = GLOBAL_CC_ADDRESSES[a]
      if (code !== undefined) return labelOf(code)
    }
    return txEval !== undefined ? labelOf(txEval) : null
  })
}
