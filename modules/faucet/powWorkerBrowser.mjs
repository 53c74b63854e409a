// The faucet's proof-of-work search (powSearch.mjs) in a module Web Worker started by the in-page
// chain's worker (devchain/platform/browser/powWorker.ts), the browser twin of powWorker.mjs.
// A page without cross-origin isolation has no SharedArrayBuffer, so a sibling's find arrives as a
// `bound` message: the search runs in slices and reads its mailbox between them.
import { sha256 } from '@noble/hashes/sha2.js'
import { powSearch, REPORT_EVERY } from './powSearch.mjs'

const searches = new Map()

// SHA-256 twice with no allocation per try: a hasher in its initial state is copied into a working
// one (noble's _cloneInto, what its clone() does without a new object), digests go into fixed buffers.
const initial = sha256.create()
const work = sha256.create()
const inner = new Uint8Array(32)
const outer = new Uint8Array(32)
function sha256d(bytes) {
  initial._cloneInto(work).update(bytes).digestInto(inner)
  initial._cloneInto(work).update(inner).digestInto(outer)
  return outer
}

// A MessageChannel hop lets queued messages in without the ≥ 4 ms clamp of nested timers.
const nextTask = () => new Promise((resolve) => {
  const ch = new MessageChannel()
  ch.port1.onmessage = () => {
    ch.port1.close()
    resolve()
  }
  ch.port2.postMessage(null)
})

async function run(job) {
  const search = powSearch(job, sha256d)
  searches.set(job.jobId, search)
  try {
    let found
    while ((found = search.step(REPORT_EVERY)) === undefined) {
      self.postMessage({ type: 'progress', jobId: job.jobId, tries: search.tries })
      await nextTask()
    }
    self.postMessage({ type: 'done', jobId: job.jobId, tries: search.tries, found })
  } finally {
    searches.delete(job.jobId)
  }
}

self.addEventListener('message', (e) => {
  const msg = e.data
  if (msg.type === 'bound') searches.get(msg.jobId)?.lowerBound(msg.rel)
  else void run(msg)
})
