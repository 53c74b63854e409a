// The faucetget txid proof-of-work loop, shared by the Node worker thread (powWorker.mjs) and the
// browser's module Web Worker (powWorkerBrowser.mjs): the two differ only in their double SHA-256
// (Node's native one; a midstate one in the browser) and in how they talk to the chain. Plain .mjs (no TypeScript) so Node's worker loads it without a loader.
//
// Each try writes a nonce into the OP_RETURN, recomputes the ZIP-243 sighash of every input,
// re-signs and double-SHA256es the whole transaction; success is byte[0] == byte[31] == 0 of
// the hash (displayed txid starts and ends with 00), as komodod's FaucetGet loop checks
// (src/cc/faucet.cpp).
//
// Signing: one secret nonce k per input for the whole job, so a try costs a multiplication instead
// of a scalar multiplication (~100x faster here). Reusing k reveals the private key; that is
// harmless only because the faucet's global key is already public (komodod's CCcustom.cpp). The
// caller (pow.ts) refuses to use any other key, and hands the worker only (r, k⁻¹, k⁻¹·r·d).
import { blake2b256Into, blake2b256State } from './blake2bPersonal.mjs'

const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n
const HALF_N = N >> 1n
const P_OUTPUTS = new TextEncoder().encode('ZcashOutputsHash')
const MASK64 = (1n << 64n) - 1n

/** Tries between two progress reports (and, in a browser, between two looks at the mailbox). */
export const REPORT_EVERY = 2048

const mod = (a) => ((a % N) + N) % N
function readBig(view, off) {
  return (view.getBigUint64(off) << 192n) | (view.getBigUint64(off + 8) << 128n) | (view.getBigUint64(off + 16) << 64n) | view.getBigUint64(off + 24)
}
function writeBig(view, off, x) {
  view.setBigUint64(off, x >> 192n)
  view.setBigUint64(off + 8, (x >> 128n) & MASK64)
  view.setBigUint64(off + 16, (x >> 64n) & MASK64)
  view.setBigUint64(off + 24, x & MASK64)
}
function setNonce(buf, off, nonce) {
  buf[off] = nonce & 0xff
  buf[off + 1] = (nonce >>> 8) & 0xff
  buf[off + 2] = (nonce >>> 16) & 0xff
  buf[off + 3] = (nonce >>> 24) & 0xff
}

const outputsState = blake2b256State(P_OUTPUTS)
const z32 = new Uint8Array(32)
const zView = new DataView(z32.buffer)

/**
 * A search over nonces startNonce + worker + stride·i for i < count. `job.best` holds the lowest
 * winning relative index found so far by any worker: shared memory where the platform has it (Node;
 * a cross-origin-isolated page), else this worker's copy, which the coordinator lowers by message.
 * `step(budget)` runs up to `budget` tries and returns the find, null once this worker's share is
 * spent or cannot win, or undefined to be called again. `sha256dOf(bytes, fixed)` returns a function
 * hashing the current contents of `bytes` with SHA-256 twice, where the first `fixed` bytes never
 * change (a hasher may compress them once); its result is read at once, so it may be the same
 * buffer every time.
 */
export function powSearch(job, sha256dOf) {
  const tx = Uint8Array.from(job.tx)
  const txView = new DataView(tx.buffer)
  const outputs = Uint8Array.from(job.outputs)
  const sighashState = blake2b256State(job.sighashPersonal)
  const best = new Int32Array(job.best)
  const inputs = job.inputs.map((inp) => ({ preimage: Uint8Array.from(inp.preimage), sigOffset: inp.sigOffset, r: inp.r, kinv: inp.kinv, krd: inp.krd }))
  for (const inp of inputs) writeBig(txView, inp.sigOffset, inp.r)
  // Only the nonce and each signature's s change from try to try.
  const sha256d = sha256dOf(tx, Math.min(job.txNonceOffset, ...inputs.map((inp) => inp.sigOffset + 32)))
  let i = 0
  let tries = 0
  return {
    get tries() {
      return tries
    },
    /** Someone found an earlier nonce (a message, where memory is not shared). */
    lowerBound(rel) {
      if (rel < Atomics.load(best, 0)) Atomics.store(best, 0, rel)
    },
    step(budget) {
      for (const end = Math.min(job.count, i + budget); i < end; i++) {
        const rel = job.worker + job.stride * i
        if (rel > Atomics.load(best, 0)) return null // someone found an earlier nonce: ours cannot win
        const nonce = (job.startNonce + rel) >>> 0
        setNonce(outputs, job.outputsNonceOffset, nonce)
        setNonce(tx, job.txNonceOffset, nonce)
        blake2b256Into(outputsState, outputs, inputs[0].preimage, job.hashOutputsOffset)
        for (let k = 0; k < inputs.length; k++) {
          const inp = inputs[k]
          if (k > 0) inp.preimage.set(inputs[0].preimage.subarray(job.hashOutputsOffset, job.hashOutputsOffset + 32), job.hashOutputsOffset)
          blake2b256Into(sighashState, inp.preimage, z32, 0)
          let s = mod(inp.kinv * readBig(zView, 0) + inp.krd)
          if (s > HALF_N) s = N - s
          writeBig(txView, inp.sigOffset + 32, s)
        }
        const h = sha256d()
        tries++
        if (h[0] === 0 && h[31] === 0) {
          // Lower the bound so the other workers stop past us.
          for (let cur = Atomics.load(best, 0); rel < cur; cur = Atomics.load(best, 0)) {
            if (Atomics.compareExchange(best, 0, cur, rel) === cur) break
          }
          i = job.count
          return { rel, nonce, tx }
        }
      }
      return i >= job.count ? null : undefined
    },
  }
}
