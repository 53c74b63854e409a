/**
 * signmessage and verifymessage (src/wallet/rpcwallet.cpp, src/rpc/misc.cpp): a compact recoverable
 * signature over sha256d("Komodo Signed Message:\n" ‖ message), each serialized with its length,
 * base64 as komodod prints it.
 */
import { secp256k1 } from '@noble/curves/secp256k1.js'
import { base64 } from '@scure/base'
import { RpcError, RpcCode } from '../../../protocol/jsonrpc.ts'
import { sha256d } from '../../crypto/hash.ts'
import { decodeAddress, addressFromPubkey } from '../../crypto/keys.ts'
import { Writer } from '../../tx/bytes.ts'
import { checkCount, requireString } from '../params.ts'
import type { MethodDef } from '../context.ts'

/** strMessageMagic (src/main.cpp). */
export const MESSAGE_MAGIC = 'Komodo Signed Message:\n'

export function messageHash(message: string): Uint8Array {
  const enc = new TextEncoder()
  return sha256d(new Writer().varbytes(enc.encode(MESSAGE_MAGIC)).varbytes(enc.encode(message)).finish())
}

/** A P2PKH address (CKeyID); komodod refuses P2SH ("Address does not refer to key") and bad ones. */
function keyAddress(address: string): string {
  const d = decodeAddress(address)
  if (!d) throw new RpcError(RpcCode.TYPE_ERROR, 'Invalid address')
  if (d.version !== 60) throw new RpcError(RpcCode.TYPE_ERROR, 'Address does not refer to key')
  return address
}

const USAGE_SIGN = 'signmessage "address" "message"'
const USAGE_VERIFY = 'verifymessage "address" "signature" "message"'

export const messageMethods: Record<string, MethodDef> = {
  signmessage: { category: 'wallet', usage: USAGE_SIGN, handler: (ctx, p) => {
    checkCount(p, 2, 2, USAGE_SIGN)
    const address = keyAddress(requireString(p, 0))
    const message = requireString(p, 1)
    const key = ctx.wallet.keyForAddress(address)
    if (!key) throw new RpcError(RpcCode.WALLET_ERROR, 'Private key not available')
    const rec = secp256k1.sign(messageHash(message), key.priv, { prehash: false, format: 'recovered' })
    // CKey::SignCompact: header 27 + recovery id + 4 (compressed key), then r ‖ s.
    const compact = new Uint8Array(65)
    compact[0] = 27 + rec[0] + 4
    compact.set(rec.subarray(1), 1)
    return base64.encode(compact)
  } },

  verifymessage: { category: 'util', usage: USAGE_VERIFY, handler: (_ctx, p) => {
    checkCount(p, 3, 3, USAGE_VERIFY)
    const address = keyAddress(requireString(p, 0))
    const signature = requireString(p, 1)
    const message = requireString(p, 2)
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(signature) || signature.length % 4 === 1) {
      throw new RpcError(RpcCode.INVALID_ADDRESS_OR_KEY, 'Malformed base64 encoding')
    }
    const sig = base64.decode(signature.padEnd(Math.ceil(signature.length / 4) * 4, '='))
    if (sig.length !== 65 || sig[0] < 27 || sig[0] > 34) return false
    const recovered = Uint8Array.of((sig[0] - 27) & 3, ...sig.subarray(1))
    try {
      const pub = secp256k1.recoverPublicKey(recovered, messageHash(message), { prehash: false })
      // A header without the compressed flag recovers the uncompressed key, as CPubKey::RecoverCompact does.
      const key = sig[0] >= 31 ? pub : secp256k1.Point.fromBytes(pub).toBytes(false)
      return addressFromPubkey(key) === address
    } catch {
      return false
    }
  } },
}
