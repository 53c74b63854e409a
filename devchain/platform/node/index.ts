/**
 * The engine's platform in Node (see ../types.ts): OpenSSL hashing and ECDH, Buffer hex.
 */
import * as nodeCrypto from 'node:crypto'
import { createECDH, createHash, randomBytes as nodeRandomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { resolve } from 'node:path'
import type { Platform, PowWorker } from '../types.ts'
import { jsCrc32 } from '../../crypto/jsCrc32.ts'

export type { PowWorker }

/**
 * Compressed public key via OpenSSL: noble's first multiplication by G builds its precomputed
 * table (~100 ms), which a chain start (two wallet keys) would otherwise pay before its first answer.
 */
function publicKey(priv: Uint8Array): Uint8Array {
  const ecdh = createECDH('secp256k1')
  ecdh.setPrivateKey(priv)
  return new Uint8Array(ecdh.getPublicKey(null, 'compressed'))
}

// One-shot crypto.hash (Node ≥ 20.12) costs a third less than createHash on the small inputs a
// block's nonce search hashes (~17 headers a block); older Nodes take the createHash path.
const oneShot = (nodeCrypto as { hash?: (alg: string, data: Uint8Array, enc: 'buffer') => Uint8Array }).hash

function powWorkerPath(): string {
  const here = new URL('../../../modules/faucet/powWorker.mjs', import.meta.url)
  if (here.protocol === 'file:' && existsSync(fileURLToPath(here))) return fileURLToPath(here)
  // Bundled callers (e.g. a config file compiled to a temp dir) lose the module's location.
  return resolve(process.cwd(), 'modules/faucet/powWorker.mjs')
}

// zlib.crc32 exists from Node 20.15 and 22.2; loaded on the first large checksum, so a start that
// checks no snapshot never loads zlib.
type Crc32 = (data: Uint8Array, value?: number) => number
let zlibCrc32: Crc32 | null | undefined
function crc32(data: Uint8Array, crc: number): number {
  if (zlibCrc32 === undefined) zlibCrc32 = (createRequire(import.meta.url)('node:zlib') as { crc32?: Crc32 }).crc32 ?? null
  return zlibCrc32 ? zlibCrc32(data, crc) : jsCrc32(data, crc)
}

// The worker is plain JS: no need to inherit a TypeScript loader (tsx) that would slow its start.
// worker_threads is loaded on the first claim, not by every chain start (~5 ms of a cold start).
const startPowWorker = (): PowWorker => {
  const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads')
  return new Worker(powWorkerPath(), { execArgv: [] }) as unknown as PowWorker
}

export const platform: Platform = {
  name: 'node',
  sha256: oneShot ? (data) => oneShot('sha256', data, 'buffer') : (data) => createHash('sha256').update(data).digest(),
  publicKey,
  toHex: (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex'),
  fromHex: (h) => new Uint8Array(Buffer.from(h, 'hex')),
  randomBytes: (n) => new Uint8Array(nodeRandomBytes(n)),
  yieldToEventLoop: () => new Promise((r) => setImmediate(r)),
  env: () => process.env,
  // A server's search shares the machine with every reader's requests: two workers at most.
  parallelism: () => Math.min(2, availableParallelism()),
  crc32,
  startPowWorker,
}
