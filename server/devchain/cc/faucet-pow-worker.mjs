// Faucet txid proof-of-work search, run in a worker thread so the event loop keeps answering.
// Plain .mjs (no TypeScript) so it loads unchanged under tsx, vitest and `npm start`.
//
// Each try writes a nonce into the OP_RETURN, recomputes the ZIP-243 sighash of every input,
// re-signs and double-SHA256es the whole transaction; success is byte[0] == byte[31] == 0 of
// the hash (displayed txid starts and ends with 00), as komodod's FaucetGet loop checks.
//
// Signing: one secret nonce k per input for the whole job, so a try costs a multiplication instead
// of a scalar multiplication (~100x faster here). Reusing k reveals the private key; that is
// harmless only because the faucet's global key is already public (komodod's CCcustom.cpp). The
// caller refuses to hand this worker any other key.
import { parentPort, workerData } from 'node:worker_threads'
import { createHash } from 'node:crypto'
import { blake2b } from '@noble/hashes/blake2.js'
import { secp256k1 } from '@noble/curves/secp256k1.js'

const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n
const HALF_N = N >> 1n
const P_OUTPUTS = new TextEncoder().encode('ZcashOutputsHash')

const mod = (a) => ((a % N) + N) % N
function invert(a) {
  let [r0, r1, s0, s1] = [N, mod(a), 0n, 1n]
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1]
  }
  return mod(s0)
}
const toBig = (b) => BigInt('0x' + Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex'))
function writeBig(dst, off, v) {
  const hex = v.toString(16).padStart(64, '0')
  Buffer.from(dst.buffer, dst.byteOffset, dst.byteLength).write(hex, off, 32, 'hex')
}
const sha256 = (b) => createHash('sha256').update(b).digest()

const job = workerData
const tx = Uint8Array.from(job.tx)
const outputs = Uint8Array.from(job.outputs)
const shared = new Int32Array(job.best) // [0] = lowest winning relative index so far
const d = toBig(job.privkey)

// Per input: the preimage template, r, and the precomputed parts of s = k⁻¹(z + r·d).
const inputs = job.inputs.map((inp, m) => {
  const seed = sha256(Buffer.concat([Buffer.from(job.kSeed), Buffer.from([m])]))
  const k = mod(toBig(seed)) || 1n
  const r = mod(secp256k1.Point.BASE.multiply(k).toAffine().x)
  const kinv = invert(k)
  return { preimage: Uint8Array.from(inp.preimage), sigOffset: inp.sigOffset, r, kinv, krd: mod(kinv * r * d) }
})
for (const inp of inputs) writeBig(tx, inp.sigOffset, inp.r)

function setNonce(buf, off, nonce) {
  buf[off] = nonce & 0xff
  buf[off + 1] = (nonce >>> 8) & 0xff
  buf[off + 2] = (nonce >>> 16) & 0xff
  buf[off + 3] = (nonce >>> 24) & 0xff
}

const REPORT_EVERY = 2048
let tries = 0
let found = null
for (let i = 0; i < job.count; i++) {
  const rel = job.worker + job.stride * i
  if (rel > Atomics.load(shared, 0)) break // someone found an earlier nonce: ours cannot win
  const nonce = (job.startNonce + rel) >>> 0
  setNonce(outputs, job.outputsNonceOffset, nonce)
  setNonce(tx, job.txNonceOffset, nonce)
  const hashOutputs = blake2b(outputs, { dkLen: 32, personalization: P_OUTPUTS })
  for (const inp of inputs) {
    inp.preimage.set(hashOutputs, job.hashOutputsOffset)
    const z = toBig(blake2b(inp.preimage, { dkLen: 32, personalization: job.sighashPersonal }))
    let s = mod(inp.kinv * z + inp.krd)
    if (s > HALF_N) s = N - s
    writeBig(tx, inp.sigOffset + 32, s)
  }
  const h = sha256(sha256(tx))
  tries++
  if (h[0] === 0 && h[31] === 0) {
    found = { rel, nonce, tx }
    // Lower the shared bound so the other workers stop past us.
    for (let cur = Atomics.load(shared, 0); rel < cur; cur = Atomics.load(shared, 0)) {
      if (Atomics.compareExchange(shared, 0, cur, rel) === cur) break
    }
    break
  }
  if (tries % REPORT_EVERY === 0) parentPort.postMessage({ type: 'progress', tries })
}
parentPort.postMessage({ type: 'done', tries, found })
