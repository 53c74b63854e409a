/**
 * Cross-origin policy. Besides CORS headers for allowlisted origins, a request that carries an
 * Origin which is neither the gateway's own nor allowlisted is refused outright: a text/plain POST
 * is a "simple" request that browsers send without a preflight, so without this check any web page
 * could make a reader's local gateway mine blocks or spend from the wallet.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

export interface OriginCheck {
  /** true when the request may proceed (no Origin, same origin, or allowlisted). */
  allowed: boolean
  /** The allowlisted origin to echo in CORS headers, if any. */
  cors?: string
}

export function checkOrigin(req: IncomingMessage, allowlist: readonly string[], forwardedHost?: string): OriginCheck {
  const origin = req.headers.origin
  if (origin === undefined) return { allowed: true }
  if (allowlist.includes(origin)) return { allowed: true, cors: origin }
  const host = forwardedHost ?? req.headers.host
  if (!host || origin === 'null') return { allowed: false }
  try {
    return { allowed: new URL(origin).host === host }
  } catch {
    return { allowed: false }
  }
}

export function setCorsHeaders(res: ServerResponse, origin: string): void {
  res.setHeader('access-control-allow-origin', origin)
  res.setHeader('vary', 'Origin')
}

export function answerPreflight(res: ServerResponse, origin: string): void {
  setCorsHeaders(res, origin)
  res.setHeader('access-control-allow-methods', 'POST, GET, OPTIONS')
  res.setHeader('access-control-allow-headers', 'content-type')
  res.setHeader('access-control-max-age', '600')
  res.statusCode = 204
  res.end()
}

/**
 * DNS-rebinding guard. A page on evil.example whose name is rebound to 127.0.0.1 is "same origin"
 * with the gateway, so the Origin check cannot stop it; the Host header still says evil.example.
 * With no explicit list, only loopback names and IP literals are accepted.
 */
export function hostAllowed(hostHeader: string | undefined, allowed: readonly string[] | null): boolean {
  if (!hostHeader) return false
  let hostname: string
  try {
    hostname = new URL(`http://${hostHeader}`).hostname.toLowerCase()
  } catch {
    return false
  }
  if (allowed) return allowed.includes('*') || allowed.includes(hostname)
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) return true
  return /^\[[0-9a-f:.]+\]$/.test(hostname) || /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname)
}
