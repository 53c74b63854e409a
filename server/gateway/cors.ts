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

/**
 * The preflight for an allowlisted origin. Chromium's Private Network Access asks a page on a
 * public origin for permission before it reaches a private or local address (the reader's own
 * Docker stack): `Access-Control-Request-Private-Network: true` is granted here, and only here,
 * because only allowlisted origins get a preflight answer at all.
 */
export function answerPreflight(req: IncomingMessage, res: ServerResponse, origin: string): void {
  setCorsHeaders(res, origin)
  res.setHeader('vary', 'Origin, Access-Control-Request-Headers, Access-Control-Request-Private-Network')
  res.setHeader('access-control-allow-methods', 'POST, GET, OPTIONS')
  res.setHeader('access-control-allow-headers', 'content-type')
  if (req.headers['access-control-request-private-network'] === 'true') res.setHeader('access-control-allow-private-network', 'true')
  res.setHeader('access-control-max-age', '600')
  res.statusCode = 204
  res.end()
}

/**
 * DNS-rebinding guard. A page on evil.example whose name is rebound to 127.0.0.1 is "same origin"
 * with the gateway, so the Origin check cannot stop it; the Host header still says evil.example.
 * With no explicit list, only loopback names and loopback IP literals are accepted: any other
 * literal would admit a request sent to the machine's network address.
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
  return hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname)
}
