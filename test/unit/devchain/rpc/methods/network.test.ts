/** getnetworkinfo and getpeerinfo: the two nodes as each other's peers. */
import { describe, it, expect } from 'vitest'
import { chain } from './support.ts'

describe('network', () => {
  it('shows each node the other as a peer, one outbound and one inbound', async () => {
    const { c, call } = await chain()
    const net = await call('getnetworkinfo')
    expect(Object.keys(net)).toEqual(['version', 'subversion', 'protocolversion', 'localservices', 'timeoffset', 'connections', 'networks', 'relayfee', 'localaddresses', 'warnings'])
    expect(net.connections).toBe(1)
    expect((await call('getinfo')).connections).toBe(1)
    const [toReader] = await call('getpeerinfo')
    const [toMiner] = await call('getpeerinfo', [], 'reader')
    expect([toReader.inbound, toMiner.inbound]).toEqual([false, true])
    expect(toReader.addr).toBe(`127.0.0.1:${c.params.p2pport}`)
    expect(toMiner.addrlocal).toBe(`127.0.0.1:${c.params.p2pport}`)
    expect(toReader.synced_blocks).toBe(await call('getblockcount'))
    expect(toReader.subver).toBe(net.subversion)
    await c.close()
  })
})
