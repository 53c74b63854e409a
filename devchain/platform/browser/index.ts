/**
 * The engine's platform in a browser Web Worker (see ../types.ts): @noble hashing and curves,
 * Web Crypto randomness, Web Workers for the faucet's proof-of-work. Results equal the Node platform's byte for byte.
 */
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js'
import { secp256k1 } from '@noble/curves/secp256k1.js'
import type { Platform, PowWorker } from '../types.ts'
import { startBrowserPowWorker } from './powWorker.ts'

export type { PowWorker }

// noble's default table for G (window 8) costs a few hundred ms on a chain's first key, the largest
// part of the in-page chain's first answer; a window of 4 builds several times faster, and the few
// signatures a journey makes barely notice the slower multiplication. Same points, same signatures.
secp256k1.Point.BASE.precompute(4)

// A MessageChannel hop runs before timers (which browsers clamp to ≥ 4 ms once nested).
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel()
    ch.port1.onmessage = () => {
      ch.port1.close()
      resolve()
    }
    ch.port2.postMessage(null)
  })
}

export const platform: Platform = {
  name: 'browser',
  sha256: (data) => sha256(data),
  publicKey: (priv) => secp256k1.getPublicKey(priv, true),
  toHex: bytesToHex,
  fromHex: hexToBytes,
  randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
  yieldToEventLoop,
  env: () => ({}),
  // Every core: while a proof-of-work runs, the page and this worker only wait for it (the page's
  // main thread stays free either way; the OS shares the cores).
  parallelism: () => Math.max(1, globalThis.navigator?.hardwareConcurrency ?? 1),
  // Module Web Workers started from the chain's own worker (nested workers).
  startPowWorker: startBrowserPowWorker,
}
