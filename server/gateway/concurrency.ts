/**
 * Caps the calls in flight to one upstream node, fairly between clients. Waiting calls sit in one
 * queue per client, and a freed slot goes to the clients in turn (round robin), so a client with a
 * hundred calls queued delays another client's single call by at most one call per slot, not by
 * a hundred. The queue is bounded in total and per client; anything beyond is refused at once
 * (503) instead of piling up in memory.
 */
export interface Gate {
  /** Resolves with a release function, or with null when a queue is full or the wait timed out. */
  enter(client: string, timeoutMs: number): Promise<(() => void) | null>
  readonly active: number
  readonly waiting: number
}

export interface GateOptions {
  maxActive: number
  /** Calls allowed to wait, all clients together. */
  maxWaiting: number
  /** Calls one client may have waiting. @default maxWaiting */
  maxWaitingPerClient?: number
  /**
   * Grant a freed slot on a later turn of the event loop, not in the releasing call's microtasks.
   * For work that runs on this thread (the in-process devchain): the sockets get read between two
   * heavy calls, so a cheap call is never stuck behind a chain of them.
   */
  yieldBetween?: boolean
}

type Waiter = (release: (() => void) | null) => void

export function createGate(opts: GateOptions): Gate {
  const { maxActive, maxWaiting } = opts
  const perClient = opts.maxWaitingPerClient ?? maxWaiting
  let active = 0
  let waiting = 0
  const queues = new Map<string, Waiter[]>()
  /** Clients with calls waiting, in the order they are served next. */
  const turn: string[] = []

  const next = (): Waiter | undefined => {
    const client = turn.shift()
    if (client === undefined) return undefined
    const q = queues.get(client)!
    const w = q.shift()!
    waiting--
    if (q.length) turn.push(client)
    else queues.delete(client)
    return w
  }
  const handOn = (): void => {
    const w = next()
    if (w) w(once())
    else active--
  }
  const release = (): void => {
    if (opts.yieldBetween) setImmediate(handOn)
    else handOn()
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
  const remove = (client: string, w: Waiter): void => {
    const q = queues.get(client)
    const i = q ? q.indexOf(w) : -1
    if (!q || i < 0) return
    q.splice(i, 1)
    waiting--
    if (!q.length) {
      queues.delete(client)
      turn.splice(turn.indexOf(client), 1)
    }
  }

  return {
    get active() {
      return active
    },
    get waiting() {
      return waiting
    },
    enter(client, timeoutMs) {
      if (active < maxActive && waiting === 0) {
        active++
        return Promise.resolve(once())
      }
      const q = queues.get(client)
      if (waiting >= maxWaiting || (q?.length ?? 0) >= perClient) return Promise.resolve(null)
      return new Promise((resolve) => {
        const waiter: Waiter = (r) => {
          clearTimeout(timer)
          resolve(r)
        }
        const timer = setTimeout(() => {
          remove(client, waiter)
          resolve(null)
        }, timeoutMs)
        if (q) q.push(waiter)
        else {
          queues.set(client, [waiter])
          turn.push(client)
        }
        waiting++
      })
    },
  }
}
