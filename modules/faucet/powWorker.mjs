// Faucet txid proof-of-work search, run in a worker thread so the event loop keeps answering.
// Plain .mjs (no TypeScript) so it loads unchanged under tsx, vitest and `npm start`. The worker
// stays alive between searches (a warm pool): starting a thread costs more than many tries.
//
// Each try writes a nonce into the OP_RETURN, recomputes the ZIP-243 sighash of every input,
// re-signs and double-SHA256es the whole transaction; success is byte[0] == byte[31] == 0 of
// the hash (displayed txid starts and ends with 00), as komodod's FaucetGet loop checks.
//
// Signing: one secret nonce k per input for the whole job, so a try costs a multiplication instead
// of a scalar multiplication (~100x faster here). Reusing k reveals the private key; that is
// harmless only because the faucet's global key is already public (komodod's CCcustom.cpp). The
// caller refuses to use any other key, and hands the worker only the per-input (r, k⁻¹, k⁻¹·r·d).
import { parentPort } from 'node:worker_threads'
import * as nodeCrypto from 'node:crypto'
import { blake2b256Into, blake2b256State } from './blake2bPersonal.mjs'

const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n
const HALF_N = N >> 1n
const P_OUTPUTS = new TextEncoder().encode('ZcashOutputsHash')
const MASK64 = (1n << 64n) - 1n

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
// One-shot crypto.hash (Node ≥ 20.12) avoids a Hash object per call.
const sha256 = nodeCrypto.hash
  ? (b) => nodeCrypto.hash('sha256', b, 'buffer')
  : (b) => nodeCrypto.createHash('sha256').update(b).digest()

function setNonce(buf, off, nonce) {
  buf[off] = nonce & 0xff
  buf[off + 1] = (nonce >>> 8) & 0xff
  buf[off + 2] = (nonce >>> 16) & 0xff
  buf[off + 3] = (nonce >>> 24) & 0xff
}

const REPORT_EVERY = 2048
const outputsState = blake2b256State(P_OUTPUTS)
const z32 = new Uint8Array(32)
const zView = new DataView(z32.buffer)

/** Tries nonces startNonce + worker + stride·i for i < count; stops early past a better find. */
function search(job) {
  const tx = Uint8Array.from(job.tx)
  const txView = new DataView(tx.buffer)
  const outputs = Uint8Array.from(job.outputs)
  const sighashState = blake2b256State(job.sighashPersonal)
  const shared = new Int32Array(job.best) // [0] = lowest winning relative index so far
  const inputs = job.inputs.map((inp) => ({ preimage: Uint8Array.from(inp.preimage), sigOffset: inp.sigOffset, r: inp.r, kinv: inp.kinv, krd: inp.krd }))
  for (const inp of inputs) writeBig(txView, inp.sigOffset, inp.r)
  let tries = 0
  for (let i = 0; i < job.count; i++) {
    const rel = job.worker + job.stride * i
    if (rel > Atomics.load(shared, 0)) break // someone found an earlier nonce: ours cannot win
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
    const h = sha256(sha256(tx))
    tries++
    if (h[0] === 0 && h[31] === 0) {
      // Lower the shared bound so the other workers stop past us.
      for (let cur = Atomics.load(shared, 0); rel < cur; cur = Atomics.load(shared, 0)) {
        if (Atomics.compareExchange(shared, 0, cur, rel) === cur) break
      }
      return { tries, found: { rel, nonce, tx } }
    }
    if (tries % REPORT_EVERY === 0) parentPort.postMessage({ type: 'progress', jobId: job.jobId, tries })
  }
  return { tries, found: null }
}

parentPort.on('message', (job) => {
  const { tries, found } = search(job)
  parentPort.postMessage({ type: 'done', jobId: job.jobId, tries, found })
})
