/**
 * createrawtransaction and signrawtransaction, following src/rpc/rawtransaction.cpp: the same
 * parameter typing (RPCTypeCheck), error codes and texts, the same defaults (expiry = next height +
 * 200, sequence 0xfffffffe when a lock time is set) and the `errors` array for inputs left unsigned.
 */
import { RpcError, RpcCode } from '../../../protocol/jsonrpc.ts'
import { toHex, hexToHash, hashToHex, fromHex } from '../../crypto/hash.ts'
import { decodeAddress, decodeWif, keyFromPrivate, type KeyPair } from '../../crypto/keys.ts'
import { classifyScript, opReturn, scriptToAsm } from '../../tx/script.ts'
import { newTx, readTx, serializeTx, SEQUENCE_FINAL, type Tx, type TxOut } from '../../tx/transaction.ts'
import { Reader, DecodeError } from '../../tx/bytes.ts'
import { SIGHASH_ALL, SIGHASH_NONE, SIGHASH_SINGLE, SIGHASH_ANYONECANPAY } from '../../tx/sighash.ts'
import type { Coin } from '../../chain/ledger.ts'
import { scriptForAddress, signWithKey } from '../../chain/wallet.ts'
import { checkCount, amountFromValue, typeCheck } from '../params.ts'
import type { MethodDef } from '../context.ts'

/** DEFAULT_TX_EXPIRY_DELTA (src/main.h): blocks a new transaction stays minable. */
export const TX_EXPIRY_DELTA = 200
/** TX_EXPIRY_HEIGHT_THRESHOLD (src/primitives/transaction.h). */
const TX_EXPIRY_HEIGHT_THRESHOLD = 500_000_000
const UINT32_MAX = 0xffffffff

const invalidParam = (m: string): RpcError => new RpcError(RpcCode.INVALID_PARAMETER, m)

/** ParseHashV: any hex string, read like uint256::SetHex (short strings are zero-extended). */
export function parseHash(v: unknown, name: string): string {
  const s = typeof v === 'string' ? v : ''
  if (!/^([0-9a-fA-F]{2})+$/.test(s)) throw invalidParam(`${name} must be hexadecimal string (not '${s}')`)
  return s.toLowerCase().slice(-64).padStart(64, '0')
}

function parseHexV(v: unknown, name: string): Uint8Array {
  const s = typeof v === 'string' ? v : ''
  if (!/^([0-9a-fA-F]{2})+$/.test(s)) throw invalidParam(`${name} must be hexadecimal string (not '${s}')`)
  return fromHex(s)
}

/** A JSON number that must be an integer (UniValue::get_int / get_int64). */
function int(v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new RpcError(RpcCode.MISC_ERROR, 'JSON value is not an integer as expected')
  return v
}

const USAGE_CREATE = 'createrawtransaction [{"txid":"id","vout":n},...] {"address":amount,"data":"hex",...} ( locktime ) ( expiryheight )'
const USAGE_SIGN = 'signrawtransaction "hexstring" ( [{"txid":"id","vout":n,"scriptPubKey":"hex","redeemScript":"hex"},...] ["privatekey1",...] sighashtype )'

const SIGHASH_TYPES: Record<string, number> = {
  ALL: SIGHASH_ALL, 'ALL|ANYONECANPAY': SIGHASH_ALL | SIGHASH_ANYONECANPAY,
  NONE: SIGHASH_NONE, 'NONE|ANYONECANPAY': SIGHASH_NONE | SIGHASH_ANYONECANPAY,
  SINGLE: SIGHASH_SINGLE, 'SINGLE|ANYONECANPAY': SIGHASH_SINGLE | SIGHASH_ANYONECANPAY,
}
/** Sapling's and Overwinter's consensus branch ids (the only ones a Sapling-era komodod knows besides Sprout's 0). */
const BRANCH_IDS = new Set([0, 0x5ba81b19, 0x76b809bb])

/** P2PKH, P2PK or P2SH bytes given as hex in place of an address (createrawtransaction's "script" keys). */
function scriptFromHexKey(name: string): Uint8Array | null {
  if (!/^([0-9a-fA-F]{2})+$/.test(name)) return null
  const s = fromHex(name)
  const t = classifyScript(s).type
  return t === 'pubkeyhash' || t === 'pubkey' || t === 'scripthash' ? s : null
}

function createRaw(height: number, p: unknown[]): string {
  checkCount(p, 2, 4, USAGE_CREATE)
  typeCheck(p, ['array', 'object', 'number', 'number'])
  if (p[0] === null || p[1] === null) throw invalidParam('Invalid parameter, arguments 1 and 2 must be non-null')
  const inputs = p[0] as unknown[]
  const sendTo = p[1] as Record<string, unknown>
  let lockTime = 0
  if (p.length > 2 && p[2] !== null) {
    lockTime = int(p[2])
    if (lockTime < 0 || lockTime > UINT32_MAX) throw invalidParam('Invalid parameter, locktime out of range')
  }
  let expiry = height + TX_EXPIRY_DELTA
  if (p.length > 3 && p[3] !== null) {
    expiry = int(p[3])
    if (expiry < 0 || expiry >= TX_EXPIRY_HEIGHT_THRESHOLD) {
      throw invalidParam(`Invalid parameter, expiryheight must be nonnegative and less than ${TX_EXPIRY_HEIGHT_THRESHOLD}.`)
    }
  }
  const vin = inputs.map((input) => {
    if (!input || typeof input !== 'object' || Array.isArray(input)) throw new RpcError(RpcCode.MISC_ERROR, 'JSON value is not an object as expected')
    const o = input as Record<string, unknown>
    const txid = parseHash(o.txid, 'txid')
    if (typeof o.vout !== 'number') throw invalidParam('Invalid parameter, missing vout key')
    const vout = int(o.vout)
    if (vout < 0) throw invalidParam('Invalid parameter, vout must be positive')
    let sequence = lockTime ? UINT32_MAX - 1 : SEQUENCE_FINAL
    if (typeof o.sequence === 'number') sequence = int(o.sequence) >>> 0
    return { prevHash: hexToHash(txid), prevIndex: vout, script: new Uint8Array(0), sequence }
  })
  const vout: TxOut[] = []
  const seen = new Set<string>()
  for (const [name, value] of Object.entries(sendTo)) {
    if (name === 'data') {
      const data = parseHexV(typeof value === 'string' ? value : String(value), 'Data')
      vout.push({ value: 0, script: opReturn(data) })
      continue
    }
    let script: Uint8Array | null = decodeAddress(name) ? scriptForAddress(name) : null
    if (!script) {
      if (/^[0-9a-fA-F]+$/.test(name)) {
        script = scriptFromHexKey(name)
        if (!script) throw new RpcError(RpcCode.INVALID_ADDRESS_OR_KEY, `Invalid script: ${name} (only P2PKH, P2PK and P2SH scripts are allowed)`)
      } else throw new RpcError(RpcCode.INVALID_ADDRESS_OR_KEY, `Invalid Komodo address or script: ${name}`)
    }
    // Duplicates are judged by destination: a P2PK script and its address's P2PKH are one destination.
    const dest = classifyScript(script).addresses[0] ?? toHex(script)
    if (seen.has(dest)) throw invalidParam(`Invalid parameter, duplicated destination: ${name}`)
    seen.add(dest)
    vout.push({ value: amountFromValue(value), script })
  }
  return toHex(serializeTx(newTx(vin, vout, lockTime, expiry)))
}

/** Decodes one transaction, or several concatenated (txVariants); -22 when anything does not parse. */
function decodeVariants(hex: string): Tx[] {
  const raw = parseHexV(hex, 'argument 1')
  const out: Tx[] = []
  const r = new Reader(raw)
  try {
    while (r.remaining > 0) out.push(readTx(r))
  } catch (e) {
    if (e instanceof DecodeError || e instanceof RangeError) throw new RpcError(RpcCode.DESERIALIZATION_ERROR, 'TX decode failed')
    throw e
  }
  if (!out.length) throw new RpcError(RpcCode.DESERIALIZATION_ERROR, 'Missing transaction')
  return out
}

/** ScriptErrorString: the reason inside komodod's "mandatory-script-verify-flag-failed (…)". */
function scriptError(reason: string): string {
  const m = /^mandatory-script-verify-flag-failed \((.*)\)$/.exec(reason)
  return m ? m[1] : reason
}

export const rawtransactionMethods: Record<string, MethodDef> = {
  createrawtransaction: { category: 'rawtransactions', usage: USAGE_CREATE, handler: (ctx, p) => createRaw(ctx.dc.ledger.height + 1, p) },

  signrawtransaction: { category: 'rawtransactions', usage: USAGE_SIGN, handler: (ctx, p) => {
    checkCount(p, 1, 5, USAGE_SIGN)
    typeCheck(p, ['string', 'array', 'array', 'string', 'string'])
    const variants = decodeVariants(p[0] as string)
    const tx = variants[0]
    const L = ctx.dc.ledger
    // The view: chain and mempool coins, then the prevtxs the caller describes.
    const view = new Map<string, Pick<Coin, 'script' | 'value'>>()
    for (const i of tx.vin) {
      const c = L.viewCoin(hashToHex(i.prevHash), i.prevIndex)
      if (c) view.set(`${hashToHex(i.prevHash)}:${i.prevIndex}`, c)
    }
    let keys: KeyPair[] | null = null
    if (p.length > 2 && p[2] !== null) {
      keys = (p[2] as unknown[]).map((k) => {
        if (typeof k !== 'string') throw new RpcError(RpcCode.MISC_ERROR, 'JSON value is not a string as expected')
        const priv = decodeWif(k)
        if (!priv) throw new RpcError(RpcCode.INVALID_ADDRESS_OR_KEY, 'Invalid private key')
        return keyFromPrivate(priv)
      })
    }
    if (p.length > 1 && p[1] !== null) {
      for (const prev of p[1] as unknown[]) {
        if (!prev || typeof prev !== 'object' || Array.isArray(prev)) {
          throw new RpcError(RpcCode.DESERIALIZATION_ERROR, 'expected object with {"txid\'","vout","scriptPubKey"}')
        }
        const o = prev as Record<string, unknown>
        for (const [k, t] of [['txid', 'string'], ['vout', 'number'], ['scriptPubKey', 'string']] as const) {
          if (typeof o[k] !== t) throw new RpcError(RpcCode.TYPE_ERROR, `Expected type ${t === 'number' ? 'number' : 'string'} for ${k}, got ${o[k] === undefined ? 'null' : typeof o[k] === 'number' ? 'number' : typeof o[k]}`)
        }
        const txid = parseHash(o.txid, 'txid')
        const n = int(o.vout)
        if (n < 0) throw new RpcError(RpcCode.DESERIALIZATION_ERROR, 'vout must be positive')
        const script = parseHexV(o.scriptPubKey, 'scriptPubKey')
        const key = `${txid}:${n}`
        const known = view.get(key)
        if (known && toHex(known.script) !== toHex(script)) {
          throw new RpcError(RpcCode.DESERIALIZATION_ERROR, `Previous output scriptPubKey mismatch:\n${scriptToAsm(known.script)}\nvs:\n${scriptToAsm(script)}`)
        }
        view.set(key, { script, value: 'amount' in o ? amountFromValue(o.amount) : 0 })
      }
    }
    let hashType = SIGHASH_ALL
    if (p.length > 3 && p[3] !== null) {
      const t = SIGHASH_TYPES[p[3] as string]
      if (t === undefined) throw invalidParam('Invalid sighash param')
      hashType = t
    }
    if (p.length > 4 && p[4] !== null) {
      const s = p[4] as string
      const id = /^[0-9a-fA-F]{1,8}$/.test(s) ? parseInt(s, 16) : NaN
      if (!BRANCH_IDS.has(id)) throw new RpcError(RpcCode.MISC_ERROR, `${s} is not a valid consensus branch id`)
    }
    const single = (hashType & ~SIGHASH_ANYONECANPAY) === SIGHASH_SINGLE
    const errors: Record<string, unknown>[] = []
    const errorOf = (i: number, error: string) => {
      const input = tx.vin[i]
      errors.push({ txid: hashToHex(input.prevHash), vout: input.prevIndex, scriptSig: toHex(input.script), sequence: input.sequence, error })
    }
    for (let i = 0; i < tx.vin.length; i++) {
      const input = tx.vin[i]
      const coin = view.get(`${hashToHex(input.prevHash)}:${input.prevIndex}`)
      if (!coin) {
        errorOf(i, 'Input not found or already spent')
        continue
      }
      // Only sign SIGHASH_SINGLE when there is a matching output; keep a signature another variant has.
      if (!single || i < tx.vout.length) {
        const key = keys
          ? keys.find((k) => classifyScript(coin.script).addresses[0] === k.address)
          : ctx.wallet.keyForScript(coin.script)
        if (key && (classifyScript(coin.script).type === 'pubkey' || classifyScript(coin.script).type === 'pubkeyhash')) signWithKey(tx, i, coin, key, hashType)
      }
      if (input.script.length === 0) {
        const other = variants.slice(1).find((v) => v.vin[i]?.script.length)
        if (other) input.script = other.vin[i].script
      }
      const full: Coin = { txid: hashToHex(input.prevHash), vout: input.prevIndex, value: coin.value, script: coin.script, height: -1, coinbase: false, address: null, cc: classifyScript(coin.script).type === 'cryptocondition' }
      const reason = L.verifyInput(tx, i, full, { chain: { params: ctx.dc.params, ledger: L }, height: L.height + 1, spent: [], txid: '' })
      if (reason) errorOf(i, scriptError(reason))
    }
    const r: Record<string, unknown> = { hex: toHex(serializeTx(tx)), complete: errors.length === 0 }
    if (errors.length) r.errors = errors
    return r
  } },
}
