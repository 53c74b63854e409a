/**
 * Caps the calls in flight to one upstream node; a bounded queue absorbs bursts and anything
 * beyond it is refused at once (503) instead of piling up in memory.
 */
export interface Gate {
  /** Resolves with a release function, or with null when the queue is full or the wait timed out. */
  enter(timeoutMs: number): Promise<(() => void) | null>
  readonly active: number
  readonly waiting: number
}

export function createGate(maxActive: number, maxWaiting: number): Gate {
  let active = 0
  const queue: Array<(release: (() => void) | null) => void> = []

  const release = (): void => {
    const next = queue.shift()
    if (next) next(once())
    else active--
  }
  const once = (): (() => void) => {
    let done = false
    return () => {
      if (!done) {
        done = true
        release()
      }
    }
  }

  return {
    get active() {
      return active
    },
    get waiting() {
      return queue.length
    },
    enter(timeoutMs) {
      if (active < maxActive) {
        active++
        return Promise.resolve(once())
      }
      if (queue.length >= maxWaiting) return Promise.resolve(null)
      return new Promise((resolve) => {
        const waiter = (r: (() => void) | null): void => {
          clearTimeout(timer)
          resolve(r)
        }
        const timer = setTimeout(() => {
          const i = queue.indexOf(waiter)
          if (i >= 0) queue.splice(i, 1)
          resolve(null)
        }, timeoutMs)
        queue.push(waiter)
      })
    },
  }
}
