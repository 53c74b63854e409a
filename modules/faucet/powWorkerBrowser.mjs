// The faucet's proof-of-work search (powSearch.mjs) in a module Web Worker started by the in-page
// chain's worker (devchain/platform/browser/powWorker.ts), the browser twin of powWorker.mjs.
// A page without cross-origin isolation has no SharedArrayBuffer, so a sibling's find arrives as a
// `bound` message: the search runs in slices and reads its mailbox between them.
import { powSearch, REPORT_EVERY } from './powSearch.mjs'
import { sha256dPrefixed } from './sha256dPrefixed.mjs'

const searches = new Map()

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
  const search = powSearch(job, sha256dPrefixed)
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
