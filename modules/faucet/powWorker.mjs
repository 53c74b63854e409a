// The faucet's proof-of-work search (powSearch.mjs) in a Node worker thread, so the event loop
// keeps answering. The worker stays alive between searches (a warm pool): starting a thread costs
// more than many tries. Its browser twin is powWorkerBrowser.mjs.
import { parentPort } from 'node:worker_threads'
import * as nodeCrypto from 'node:crypto'
import { powSearch, REPORT_EVERY } from './powSearch.mjs'

// One-shot crypto.hash (Node ≥ 20.12) avoids a Hash object per call.
const sha256 = nodeCrypto.hash
  ? (b) => nodeCrypto.hash('sha256', b, 'buffer')
  : (b) => nodeCrypto.createHash('sha256').update(b).digest()
// Native hashing is fast enough to rehash the transaction's unchanging prefix on every try.
const sha256dOf = (b) => () => sha256(sha256(b))

parentPort.on('message', (job) => {
  // Memory is shared here (a SharedArrayBuffer bound): no mailbox to read between slices.
  if (job.type === 'bound') return
  const search = powSearch(job, sha256dOf)
  let found
  while ((found = search.step(REPORT_EVERY)) === undefined) parentPort.postMessage({ type: 'progress', jobId: job.jobId, tries: search.tries })
  parentPort.postMessage({ type: 'done', jobId: job.jobId, tries: search.tries, found })
})
