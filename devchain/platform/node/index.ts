/**
 * The engine's platform in Node (see ../types.ts): OpenSSL hashing and ECDH, Buffer hex.
 */
import { createECDH, createHash, randomBytes as nodeRandomBytes } from 'node:crypto'
import type { Platform } from '../types.ts'

/**
 * Compressed public key via OpenSSL: noble's first multiplication by G builds its precomputed
 * table (~100 ms), which a chain start (two wallet keys) would otherwise pay before its first answer.
 */
function publicKey(priv: Uint8Array): Uint8Array {
  const ecdh = createECDH('secp256k1')
  ecdh.setPrivateKey(priv)
  return new Uint8Array(ecdh.getPublicKey(null, 'compressed'))
}

export const platform: Platform = {
  name: 'node',
  sha256: (data) => createHash('sha256').update(data).digest(),
  publicKey,
  toHex: (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex'),
  fromHex: (h) => new Uint8Array(Buffer.from(h, 'hex')),
  randomBytes: (n) => new Uint8Array(nodeRandomBytes(n)),
  yieldToEventLoop: () => new Promise((r) => setImmediate(r)),
  env: () => process.env,
}
