/**
 * Runs the faucetget txid proof-of-work in workers (powSearch.mjs: worker threads in Node, Web
 * Workers in the in-page chain) and keeps a
 * registry of running and recent searches, so the site can show progress (`devchain_jobs`).
 *
 * The workers only patch bytes: the main thread lays out the transaction, the ZIP-243 sighash
 * preimage of every input and the offsets of the nonce and signatures, and checks once that its
 * preimage hashes to the core's `signatureHash` before any worker starts.
 */
import { platform, type PowWorker } from '#platform'
import { blake2b } from '@noble/hashes/blake2.js'
import { secp256k1 } from '@noble/curves/secp256k1.js'
import { invert, mod } from '@noble/curves/abstract/modular.js'
import { Writer } from '../../devchain/tx/bytes.ts'
import { serializeTx, SAPLING_BRANCH_ID, type Tx } from '../../devchain/tx/transaction.ts'
import { signatureHash, SIGHASH_ALL } from '../../devchain/tx/sighash.ts'
import { bytesEqual, bytesToHex, concat, sha256 } from '../../devchain/cc/hashes.ts'
import { ccScriptSig } from '../../devchain/cc/fulfillment.ts'
import { type Condition } from '../../devchain/cc/condition.ts'

export interface PowInput {
  /** The condition of the spent CC output, to be fulfilled by the job's key. */
  condition: Condition
  scriptCode: Uint8Array
  amount: number
}

export interface PowRequest {
  /** Unsigned transaction whose last output is `OP_RETURN <payload>` ending in the 4-byte nonce. */
  tx: Tx
  inputs: PowInput[]
  /** Must be a published module key (see the worker's note on nonce reuse). */
  privkey: Uint8Array
  /** Tries in all, split between workers (komodod: 1,000,000). */
  maxTries: number
  workers: number
  node: string
}

export interface PowResult {
  raw: Uint8Array
  nonce: number
  tries: number
  ms: number
}

export interface PowJob {
  id: number
  kind: 'faucetget'
  node: string
  state: 'queued' | 'running' | 'found' | 'exhausted' | 'failed'
  tries: number
  /** Mean tries to success (1 in 65,536), for a progress estimate. */
  expectedTries: number
  maxTries: number
  startedAt: number
  elapsedMs: number
  txid?: string
}

const jobs = new Map<number, PowJob>()
let nextJobId = 1
const KEEP_FINISHED = 20

/** Running and recently finished searches, newest first. */
export function listPowJobs(): PowJob[] {
  const now = Date.now()
  return [...jobs.values()].reverse().map((j) => ({ ...j, elapsedMs: j.state === 'running' ? now - j.startedAt : j.elapsedMs }))
}

const P_SIGHASH = (() => {
  const p = new Uint8Array(16)
  p.set(new TextEncoder().encode('ZcashSigHash'))
  new DataView(p.buffer).setUint32(12, SAPLING_BRANCH_ID, true)
  return p
})()
const HASH_OUTPUTS_OFFSET = 4 + 4 + 32 + 32

/** ZIP-243 preimage for SIGHASH_ALL on a transparent v4 transaction. */
function preimage(tx: Tx, i: number, scriptCode: Uint8Array, amount: number, hashOutputs: Uint8Array): Uint8Array {
  const enc = new TextEncoder()
  const prev = new Writer()
  for (const x of tx.vin) prev.bytes(x.prevHash).u32(x.prevIndex)
  const seq = new Writer()
  for (const x of tx.vin) seq.u32(x.sequence)
  const w = new Writer()
  w.u32((tx.version | 0x80000000) >>> 0).u32(tx.versionGroupId)
  w.bytes(blake2b(prev.finish(), { dkLen: 32, personalization: enc.encode('ZcashPrevoutHash') }))
  w.bytes(blake2b(seq.finish(), { dkLen: 32, personalization: enc.encode('ZcashSequencHash') }))
  w.bytes(hashOutputs)
  w.bytes(new Uint8Array(96)) // joinsplits, shielded spends, shielded outputs
  w.u32(tx.lockTime).u32(tx.expiryHeight).i64(tx.valueBalance).u32(SIGHASH_ALL)
  const inp = tx.vin[i]
  w.bytes(inp.prevHash).u32(inp.prevIndex).varbytes(scriptCode).i64(amount).u32(inp.sequence)
  return w.finish()
}

function outputsBlob(tx: Tx): Uint8Array {
  const w = new Writer()
  for (const o of tx.vout) w.i64(o.value).varbytes(o.script)
  return w.finish()
}

/** Offset of the single contiguous run where a and b differ (same length). */
function diffOffset(a: Uint8Array, b: Uint8Array, len: number): number {
  let first = -1
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) { first = k; break }
  if (first < 0 || a.length !== b.length) throw new Error('pow layout: no difference')
  for (let k = first + len; k < a.length; k++) if (a[k] !== b[k]) throw new Error('pow layout: scattered difference')
  return first
}

function withNonce(tx: Tx, nonce: number): Tx {
  const last = tx.vout[tx.vout.length - 1]
  const script = Uint8Array.from(last.script)
  new DataView(script.buffer).setUint32(script.length - 4, nonce >>> 0, true)
  return { ...tx, vout: [...tx.vout.slice(0, -1), { value: last.value, script }] }
}

function withSigs(tx: Tx, inputs: PowInput[], fill: (m: number) => number): Tx {
  return {
    ...tx,
    vin: tx.vin.map((x, m) => ({ ...x, script: ccScriptSig(sign(inputs[m].condition, new Uint8Array(64).fill(fill(m)))) })),
  }
}

function sign(c: Condition, sig: Uint8Array): Condition {
  if (c.type === 'secp256k1') return { ...c, signature: sig }
  if (c.type === 'threshold') return { ...c, subs: c.subs.map((s) => sign(s, sig)) }
  return c
}

export async function minePowTx(req: PowRequest): Promise<PowResult | null> {
  const { inputs } = req
  const base = withSigs(req.tx, inputs, () => 0)
  const raw0 = serializeTx(withNonce(base, 0))
  const txNonceOffset = diffOffset(raw0, serializeTx(withNonce(base, 0xffffffff)), 4)
  const sigOffsets = inputs.map((_, m) => diffOffset(raw0, serializeTx(withNonce(withSigs(req.tx, inputs, (k) => (k === m ? 0xff : 0)), 0)), 64))
  const outs0 = outputsBlob(withNonce(req.tx, 0))
  const outputsNonceOffset = diffOffset(outs0, outputsBlob(withNonce(req.tx, 0xffffffff)), 4)
  const hashOutputs0 = blake2b(outs0, { dkLen: 32, personalization: new TextEncoder().encode('ZcashOutputsHash') })
  const preimages = inputs.map((inp, m) => preimage(req.tx, m, inp.scriptCode, inp.amount, hashOutputs0))
  // Guard against drift from the core's sighash: the workers would sign garbage otherwise.
  preimages.forEach((pre, m) => {
    const mine = blake2b(pre, { dkLen: 32, personalization: P_SIGHASH })
    const core = signatureHash(withNonce(req.tx, 0), m, inputs[m].scriptCode, inputs[m].amount, SIGHASH_ALL)
    if (!bytesEqual(mine, core)) throw new Error('pow: sighash preimage disagrees with tx/sighash.ts')
  })

  const template = sha256(concat(raw0, req.privkey))
  const startNonce = (template[0] | (template[1] << 8) | (template[2] << 16) | (template[3] << 24)) & 0x0fffffff
  const best = boundBuffer()
  new Int32Array(best)[0] = 0x7fffffff
  const workers = Math.max(1, req.workers)
  const job: PowJob = { id: nextJobId++, kind: 'faucetget', node: req.node, state: 'queued', tries: 0, expectedTries: 65_536, maxTries: req.maxTries, startedAt: Date.now(), elapsedMs: 0 }
  jobs.set(job.id, job)
  for (const id of [...jobs.keys()].slice(0, Math.max(0, jobs.size - KEEP_FINISHED))) if (jobs.get(id)?.state !== 'running' && jobs.get(id)?.state !== 'queued') jobs.delete(id)
  const spec = {
    tx: raw0, txNonceOffset, outputs: outs0, outputsNonceOffset, hashOutputsOffset: HASH_OUTPUTS_OFFSET,
    sighashPersonal: P_SIGHASH, best, startNonce, stride: workers,
    inputs: preimages.map((p, m) => ({ preimage: p, sigOffset: sigOffsets[m], ...signingParts(req.privkey, template, m) })),
  }
  // One search at a time: each already uses every core it is given.
  const p = searchQueue.then(() => runJob(job, spec, workers, req.maxTries))
  searchQueue = p.catch(() => undefined)
  return p
}

/**
 * The lowest winning index, read by every worker. Shared memory where the platform has it (Node, a
 * cross-origin-isolated page); otherwise each worker gets a copy and a find is forwarded by message
 * (runJob). Either way the winner is the lowest winning index, so the txid does not depend on it.
 */
function boundBuffer(): ArrayBufferLike {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated !== false
  return typeof SharedArrayBuffer === 'function' && isolated ? new SharedArrayBuffer(4) : new ArrayBuffer(4)
}

type Found = { rel: number; nonce: number; tx: Uint8Array }
type WorkerMsg = { type: 'progress' | 'done'; jobId: number; tries: number; found?: Found | null }
let searchQueue: Promise<unknown> = Promise.resolve()
const pool: PowWorker[] = []

/** Warm workers, started on first use; idle ones do not keep the process alive. */
function poolWorkers(n: number): PowWorker[] {
  while (pool.length < n) {
    const w = platform.startPowWorker()
    if (!w) throw new Error('faucetget: this platform has no proof-of-work workers')
    w.unref()
    w.on('exit', () => {
      const i = pool.indexOf(w)
      if (i >= 0) pool.splice(i, 1)
    })
    pool.push(w)
  }
  return pool.slice(0, n)
}

/**
 * A search no one waits for, in the shape of a faucet claim's (sizes like the real transaction's):
 * it only makes the workers' JIT compile the hashing. Its job id 0 is never a real job's.
 */
function warmUpJob(): Record<string, unknown> {
  const best = new ArrayBuffer(4)
  new Int32Array(best)[0] = 0x7fffffff
  return {
    jobId: 0, tx: new Uint8Array(300), txNonceOffset: 290, outputs: new Uint8Array(120), outputsNonceOffset: 114,
    hashOutputsOffset: HASH_OUTPUTS_OFFSET, sighashPersonal: P_SIGHASH, best, startNonce: 0, stride: 1, worker: 0, count: WARM_UP_TRIES,
    inputs: [{ preimage: new Uint8Array(320), sigOffset: 120, r: CURVE_N - 3n, kinv: CURVE_N - 5n, krd: CURVE_N - 7n }],
  }
}
/** Enough tries for V8 to optimise the hashing (a cold worker's first thousands run several times slower). */
const WARM_UP_TRIES = 6000

/**
 * Starts the search workers ahead of a claim, each running a short search no one waits for: the
 * faucet's other methods call it (a reader who reads the faucet's address or funds is about to
 * claim). A first claim otherwise pays for the workers' start and their hashing's first, slow,
 * unoptimised tries. Only while the pool is short of workers (a started worker has been warmed, or
 * has searched); nothing where the platform has no workers.
 */
export function warmPowPool(workers: number): void {
  if (pool.length >= workers) return
  let ws: PowWorker[]
  try {
    ws = poolWorkers(workers)
  } catch {
    return // no workers here: a claim will say so
  }
  for (const w of ws) w.postMessage(warmUpJob())
}

/** Stops the warm workers (tests and shutdown); a later search starts new ones. */
export async function closePowPool(): Promise<void> {
  await Promise.all(pool.splice(0).map((w) => w.terminate()))
}

function runJob(job: PowJob, spec: Record<string, unknown>, workers: number, maxTries: number): Promise<PowResult | null> {
  job.state = 'running'
  job.startedAt = Date.now()
  const ws = poolWorkers(workers)
  const shared = typeof SharedArrayBuffer === 'function' && spec.best instanceof SharedArrayBuffer
  const perWorker = new Array<number>(ws.length).fill(0)
  const found: Found[] = []
  const detach: (() => void)[] = []
  return new Promise<PowResult | null>((resolve, reject) => {
    let pending = ws.length
    let settled = false
    const finish = (err: Error | null): void => {
      if (settled) return
      settled = true
      for (const d of detach) d()
      job.elapsedMs = Date.now() - job.startedAt
      if (err) {
        job.state = 'failed'
        // A failed search must not leave its sibling burning CPU: drop the whole pool.
        void closePowPool()
        reject(err)
        return
      }
      const winner = found.sort((a, b) => a.rel - b.rel)[0]
      if (!winner) {
        job.state = 'exhausted'
        resolve(null)
        return
      }
      const raw = Uint8Array.from(winner.tx)
      job.state = 'found'
      job.txid = bytesToHex(sha256(sha256(raw)).reverse())
      resolve({ raw, nonce: winner.nonce, tries: job.tries, ms: job.elapsedMs })
    }
    ws.forEach((w, idx) => {
      const onMessage = (msg: WorkerMsg): void => {
        if (msg.jobId !== job.id) return
        perWorker[idx] = msg.tries
        job.tries = perWorker.reduce((a, b) => a + b, 0)
        if (msg.type !== 'done') return
        if (msg.found) {
          found.push(msg.found)
          // Without shared memory the others learn of the find by message and stop past it.
          if (!shared) ws.forEach((other, k) => k !== idx && other.postMessage({ type: 'bound', jobId: job.id, rel: msg.found!.rel }))
        }
        if (--pending === 0) finish(null)
      }
      const onError = (e: Error): void => finish(e)
      const onExit = (code: number): void => finish(new Error(`pow worker exited with ${code}`))
      w.on('message', onMessage)
      w.on('error', onError)
      w.on('exit', onExit)
      w.ref() // keep the process alive while searching
      detach.push(() => {
        w.off('message', onMessage)
        w.off('error', onError)
        w.off('exit', onExit)
        w.unref()
      })
      w.postMessage({ ...spec, jobId: job.id, worker: idx, count: Math.ceil((maxTries - idx) / ws.length) })
    })
  })
}

const CURVE_N = secp256k1.Point.CURVE().n

/**
 * One secret nonce k per input for the whole search (see the worker's note): the worker gets
 * r = (k·G).x, k⁻¹ and k⁻¹·r·d, and computes s = k⁻¹·z + k⁻¹·r·d for each sighash z.
 */
function signingParts(privkey: Uint8Array, seed: Uint8Array, m: number): { r: bigint; kinv: bigint; krd: bigint } {
  const k = mod(BigInt('0x' + bytesToHex(sha256(concat(seed, Uint8Array.of(m))))), CURVE_N) || 1n
  const r = mod(secp256k1.Point.BASE.multiply(k).toAffine().x, CURVE_N)
  const kinv = invert(k, CURVE_N)
  const d = BigInt('0x' + bytesToHex(privkey))
  return { r, kinv, krd: mod(kinv * r * d, CURVE_N) }
}

/** The signer must be a published module key: the worker's signing is only safe for those. */
export function assertPublicModuleKey(privkey: Uint8Array, publicKeys: readonly string[]): void {
  const pub = bytesToHex(secp256k1.getPublicKey(privkey, true))
  if (!publicKeys.includes(pub)) throw new Error('pow: refusing to sign with a non-module key')
}
