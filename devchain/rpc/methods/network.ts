/**
 * getnetworkinfo and getpeerinfo (src/rpc/net.cpp), keys in komodod's order. The devchain's nodes
 * share one ledger instead of talking P2P; each node reports the others as its peers, as two komodod
 * nodes joined with -addnode would: the first node dialled out to the others, so it is their inbound peer.
 */
import { checkCount } from '../params.ts'
import { Amount } from '../amount.ts'
import type { MethodDef, MethodContext } from '../context.ts'

/** CLIENT_VERSION and PROTOCOL_VERSION as the devchain's getinfo reports them. */
export const CLIENT_VERSION = 3000300
export const PROTOCOL_VERSION = 170010
/** NODE_NETWORK: the only service bit the devchain can honestly claim. */
const SERVICES = '0000000000000001'

export function subversion(): string {
  const v = CLIENT_VERSION
  return `/MagicBean:${Math.floor(v / 1_000_000)}.${Math.floor(v / 10_000) % 100}.${Math.floor(v / 100) % 100}/`
}

/** The other nodes of this devchain: what getpeerinfo lists and getinfo/getnetworkinfo count. */
export function peersOf(ctx: MethodContext): string[] {
  return ctx.dc.nodes.filter((n) => n !== ctx.node)
}

export const networkMethods: Record<string, MethodDef> = {
  getnetworkinfo: { category: 'network', usage: 'getnetworkinfo', handler: (ctx, p) => {
    checkCount(p, 0, 0, 'getnetworkinfo')
    const net = (name: string) => ({ name, limited: false, reachable: name === 'ipv4' || name === 'ipv6', proxy: '', proxy_randomize_credentials: false })
    return {
      version: CLIENT_VERSION, subversion: subversion(), protocolversion: PROTOCOL_VERSION, localservices: SERVICES,
      timeoffset: 0, connections: peersOf(ctx).length, networks: ['ipv4', 'ipv6', 'onion', ''].map(net),
      relayfee: new Amount(100), localaddresses: [], warnings: '',
    }
  } },

  getpeerinfo: { category: 'network', usage: 'getpeerinfo', handler: (ctx, p) => {
    checkCount(p, 0, 0, 'getpeerinfo')
    const { dc } = ctx
    const L = dc.ledger
    const me = dc.nodes.indexOf(ctx.node)
    return peersOf(ctx).map((peer) => {
      const them = dc.nodes.indexOf(peer)
      // The first node dialled the others: to it they are outbound peers on the P2P port, to them it is inbound.
      const inbound = them < me
      const addr = inbound ? `127.0.0.1:${49152 + them}` : `127.0.0.1:${dc.params.p2pport}`
      return {
        id: them, addr, addrlocal: inbound ? `127.0.0.1:${dc.params.p2pport}` : `127.0.0.1:${49152 + me}`,
        services: SERVICES, lastsend: L.tip.time, lastrecv: L.tip.time, bytessent: 0, bytesrecv: 0,
        conntime: dc.params.genesisTime, timeoffset: 0, pingtime: 0, version: PROTOCOL_VERSION, subver: subversion(),
        inbound, startingheight: 0, banscore: 0, synced_headers: L.height, synced_blocks: L.height, inflight: [],
        addr_processed: 0, addr_rate_limited: 0, whitelisted: false,
      }
    })
  } },
}
