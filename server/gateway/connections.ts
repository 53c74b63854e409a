/**
 * Connection caps for the server the gateway is mounted in: `maxConnections` for the whole server
 * and a cap per client (IPv4 address or IPv6 /64), so one address cannot hold every socket.
 * A trusted proxy carries many clients on its connections and is exempt from the per-client cap.
 * A refused connection is closed at once, before any byte of a request is read.
 */
import type { Server } from 'node:http'
import type { Socket } from 'node:net'
import type { TrustedProxies } from './clientIp.ts'
import { clientKey } from './clientIp.ts'

export interface ConnectionLimits {
  maxConnections: number
  connectionsPerClient: number
}

export interface ConnectionGuard {
  /** Open connections per client key (for tests and /rpc/meta). */
  readonly open: ReadonlyMap<string, number>
  refused: number
}

export function guardConnections(server: Server, limits: ConnectionLimits, trusted: TrustedProxies): ConnectionGuard {
  server.maxConnections = limits.maxConnections
  const open = new Map<string, number>()
  const guard: ConnectionGuard = { open, refused: 0 }
  server.on('connection', (socket: Socket) => {
    const peer = socket.remoteAddress ?? ''
    if (trusted.has(peer)) return
    const key = clientKey(peer)
    const n = open.get(key) ?? 0
    if (n >= limits.connectionsPerClient) {
      guard.refused++
      socket.destroy()
      return
    }
    open.set(key, n + 1)
    socket.once('close', () => {
      const left = (open.get(key) ?? 1) - 1
      if (left > 0) open.set(key, left)
      else open.delete(key)
    })
  })
  return guard
}
