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

export type AddressList = TrustedProxies

/** Parses "10.0.0.1, 172.16.0.0/12, ::1" (addresses and CIDR ranges); `name` is the variable a bad entry is blamed on. */
export function parseAddressList(spec: string, name: string): AddressList {
  const list = new BlockList()
  let any = false
  for (const raw of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [addr, bits] = raw.split('/')
    const family = isIP(addr)
    if (!family) throw new Error(`${name}: not an IP address: ${raw}`)
    const type = family === 4 ? 'ipv4' : 'ipv6'
    if (bits === undefined) list.addAddress(addr, type)
    else {
      const prefix = Number(bits)
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)) {
        throw new Error(`${name}: bad prefix length: ${raw}`)
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

export const parseTrustedProxies = (spec: string): TrustedProxies => parseAddressList(spec, 'GATEWAY_TRUSTED_PROXIES')

/** 127.0.0.0/8 and ::1 (IPv4-mapped forms included): the machine itself. */
export function isLoopback(ip: string): boolean {
  const n = normalize(ip)
  return n === '::1' || (isIP(n) === 4 && n.startsWith('127.'))
}

/**
 * The key limits count against: an IPv4 address, or an IPv6 address's /64. One subscriber is
 * routinely given a whole /64, so keying on the full address would let them rotate freely.
 */
export function clientKey(ip: string): string {
  const n = normalize(ip)
  if (isIP(n) !== 6) return n
  const [head, tail = ''] = n.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = n.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left
  return `${groups.slice(0, 4).map((g) => (parseInt(g, 16) || 0).toString(16)).join(':')}::/64`
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
