/**
 * Which address a request counts against. X-Forwarded-For is believed only when the direct peer
 * is a configured trusted proxy, and then only up to the first hop that is not itself trusted
 * (the rightmost untrusted address), so a client cannot pick its own bucket by sending the header.
 */
import type { IncomingMessage } from 'node:http'
import { BlockList, isIP } from 'node:net'

export interface TrustedProxies {
  has(ip: string): boolean
}

const normalize = (ip: string): string => (ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip)

/** Parses "10.0.0.1, 172.16.0.0/12, ::1" (addresses and CIDR ranges). Throws on a bad entry. */
export function parseTrustedProxies(spec: string): TrustedProxies {
  const list = new BlockList()
  let any = false
  for (const raw of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [addr, bits] = raw.split('/')
    const family = isIP(addr)
    if (!family) throw new Error(`GATEWAY_TRUSTED_PROXIES: not an IP address: ${raw}`)
    const type = family === 4 ? 'ipv4' : 'ipv6'
    if (bits === undefined) list.addAddress(addr, type)
    else {
      const prefix = Number(bits)
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)) {
        throw new Error(`GATEWAY_TRUSTED_PROXIES: bad prefix length: ${raw}`)
      }
      list.addSubnet(addr, prefix, type)
    }
    any = true
  }
  return {
    has(ip) {
      if (!any) return false
      const n = normalize(ip)
      const family = isIP(n)
      return family !== 0 && list.check(n, family === 4 ? 'ipv4' : 'ipv6')
    },
  }
}

export function clientIp(req: IncomingMessage, trusted: TrustedProxies): string {
  let ip = normalize(req.socket.remoteAddress ?? 'unknown')
  if (!trusted.has(ip)) return ip
  const header = req.headers['x-forwarded-for']
  const hops = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map((s) => s.trim()).filter(Boolean)
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalize(hops[i])
    if (!isIP(hop)) return ip
    ip = hop
    if (!trusted.has(hop)) return hop
  }
  return ip
}
