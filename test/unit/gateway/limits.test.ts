import { describe, expect, it } from 'vitest'
import type { IncomingMessage } from 'node:http'
import { createRateLimiter } from '../../../server/gateway/rateLimit.ts'
import { clientIp, clientKey, isLoopback, parseAddressList, parseTrustedProxies } from '../../../server/gateway/clientIp.ts'
import { createByteBudget } from '../../../server/gateway/budget.ts'
import { isHeavyMethod, isHeavySpec, upstreamTimeoutFor } from '../../../server/gateway/cost.ts'
import { METHODS } from '../../../modules/catalog.ts'
import { createGate } from '../../../server/gateway/concurrency.ts'
import { hostAllowed } from '../../../server/gateway/cors.ts'

describe('token bucket', () => {
  it('allows a burst, refuses, then refills with time', () => {
    let t = 0
    const rl = createRateLimiter({ ratePerSec: 2, burst: 3, now: () => t })
    expect([rl.take('a'), rl.take('a'), rl.take('a')]).toEqual([0, 0, 0])
    expect(rl.take('a')).toBe(1)
    expect(rl.take('b')).toBe(0) // buckets are per client
    t += 500
    expect(rl.take('a')).toBe(0)
    expect(rl.take('a')).toBeGreaterThan(0)
  })

  it('charges a batch its length and reports the wait', () => {
    let t = 0
    const rl = createRateLimiter({ ratePerSec: 1, burst: 5, now: () => t })
    expect(rl.take('a', 5)).toBe(0)
    expect(rl.take('a', 3)).toBe(3)
  })

  it('is off at rate 0', () => {
    const rl = createRateLimiter({ ratePerSec: 0, burst: 1 })
    for (let i = 0; i < 100; i++) expect(rl.take('a')).toBe(0)
  })

  it('keeps memory bounded', () => {
    let t = 0
    const rl = createRateLimiter({ ratePerSec: 1, burst: 2, maxClients: 50, now: () => t })
    for (let i = 0; i < 1000; i++) rl.take(`c${i}`)
    expect(rl.size).toBeLessThanOrEqual(50)
  })
})

const reqFrom = (remote: string, xff?: string) =>
  ({ socket: { remoteAddress: remote }, headers: xff === undefined ? {} : { 'x-forwarded-for': xff } }) as unknown as IncomingMessage

describe('client address', () => {
  it('ignores X-Forwarded-For from untrusted peers', () => {
    expect(clientIp(reqFrom('203.0.113.9', '1.2.3.4'), parseTrustedProxies(''))).toBe('203.0.113.9')
    expect(clientIp(reqFrom('::ffff:203.0.113.9', '1.2.3.4'), parseTrustedProxies('10.0.0.0/8'))).toBe('203.0.113.9')
  })

  it('takes the rightmost untrusted hop behind trusted proxies', () => {
    const trusted = parseTrustedProxies('10.0.0.0/8, 127.0.0.1')
    expect(clientIp(reqFrom('127.0.0.1', 'spoofed, 198.51.100.7, 10.1.2.3'), trusted)).toBe('198.51.100.7')
    expect(clientIp(reqFrom('::ffff:10.0.0.5', '198.51.100.8'), trusted)).toBe('198.51.100.8')
    expect(clientIp(reqFrom('127.0.0.1'), trusted)).toBe('127.0.0.1')
    expect(clientIp(reqFrom('127.0.0.1', 'not-an-ip'), trusted)).toBe('127.0.0.1')
  })

  it('rejects malformed proxy lists', () => {
    expect(() => parseTrustedProxies('10.0.0.0/99')).toThrow(/prefix/)
    expect(() => parseTrustedProxies('proxy.local')).toThrow(/not an IP/)
  })
})

describe('concurrency gate', () => {
  it('queues up to the limit, refuses beyond it, and hands slots on', async () => {
    const gate = createGate({ maxActive: 1, maxWaiting: 1 })
    const first = await gate.enter('a', 1000)
    expect(first).toBeTypeOf('function')
    const second = gate.enter('a', 1000)
    expect(await gate.enter('b', 1000)).toBeNull() // queue full
    first!()
    const r2 = await second
    expect(r2).toBeTypeOf('function')
    expect(gate.active).toBe(1)
    r2!()
    r2!() // releasing twice is harmless
    expect(gate.active).toBe(0)
  })

  it('gives up after the timeout', async () => {
    const gate = createGate({ maxActive: 1, maxWaiting: 5 })
    await gate.enter('a', 1000)
    expect(await gate.enter('a', 20)).toBeNull()
    expect(gate.waiting).toBe(0)
  })

  it('serves waiting clients in turn, not in arrival order, and caps each one', async () => {
    const gate = createGate({ maxActive: 1, maxWaiting: 20, maxWaitingPerClient: 4 })
    const hold = await gate.enter('flood', 1000)
    const order: string[] = []
    // Each call, once granted, notes itself and leaves at once, handing the slot on.
    const run = (client: string, name: string) => gate.enter(client, 1000).then((r) => {
      order.push(r ? name : `${name} refused`)
      r?.()
    })
    const waits = [...Array.from({ length: 4 }, (_, i) => run('flood', `flood${i}`)), run('other', 'other')]
    expect(await gate.enter('flood', 1000)).toBeNull() // flood's own queue is full; other's is not
    hold!()
    await Promise.all(waits)
    // The single call of "other" came after four of flood's, yet it is served second.
    expect(order).toEqual(['flood0', 'other', 'flood1', 'flood2', 'flood3'])
  })

  it('hands a freed slot on in a later turn of the event loop when asked to', async () => {
    const gate = createGate({ maxActive: 1, maxWaiting: 2, yieldBetween: true })
    const hold = await gate.enter('a', 1000)
    let granted = false
    const next = gate.enter('b', 1000).then((r) => ((granted = true), r))
    hold!()
    await Promise.resolve()
    await Promise.resolve()
    expect(granted).toBe(false)
    ;(await next)!()
    expect(granted).toBe(true)
  })
})

describe('host guard', () => {
  it('accepts loopback names and loopback IP literals by default, a list when given', () => {
    for (const h of ['127.0.0.1:8080', 'localhost', 'app.localhost:5173', '[::1]:8080', '127.0.0.2']) expect(hostAllowed(h, null), h).toBe(true)
    for (const h of ['evil.example', 'evil.example:8080', '', 'localhost.evil.example', '10.0.0.2', '203.0.113.5:8080', '[2001:db8::1]:8080']) {
      expect(hostAllowed(h, null), h).toBe(false)
    }
    expect(hostAllowed(undefined, null)).toBe(false)
    expect(hostAllowed('Docs.Example:443', ['docs.example'])).toBe(true)
    expect(hostAllowed('127.0.0.1', ['docs.example'])).toBe(false)
    expect(hostAllowed('anything', ['*'])).toBe(true)
  })
})

describe('peers and client keys', () => {
  it('knows loopback peers in every spelling, and nothing else', () => {
    for (const ip of ['127.0.0.1', '127.0.0.2', '::1', '::ffff:127.0.0.1']) expect(isLoopback(ip), ip).toBe(true)
    for (const ip of ['10.0.0.2', '172.17.0.1', '::ffff:10.0.0.2', '2001:db8::1', '', '::']) expect(isLoopback(ip), ip).toBe(false)
  })

  it('lists operator peers by address and range', () => {
    const peers = parseAddressList('172.28.0.1, 192.168.1.0/24, fd00::/8', 'GATEWAY_ALLOWED_PEERS')
    expect(['172.28.0.1', '::ffff:192.168.1.9', 'fd12::5'].map((ip) => peers.has(ip))).toEqual([true, true, true])
    expect(['172.28.0.2', '192.168.2.1', '2001:db8::1'].map((ip) => peers.has(ip))).toEqual([false, false, false])
    expect(() => parseAddressList('nope', 'GATEWAY_ALLOWED_PEERS')).toThrow(/GATEWAY_ALLOWED_PEERS: not an IP/)
  })

  it('keys IPv6 clients by /64 and IPv4 clients by address', () => {
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe(clientKey('2001:db8:1:2:ffff:ffff:ffff:ffff'))
    expect(clientKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64')
    expect(clientKey('2001:db8:1:3::1')).not.toBe(clientKey('2001:db8:1:2::1'))
    expect(clientKey('2001:0db8:0001:0002:0:0:0:1')).toBe('2001:db8:1:2::/64')
    expect(clientKey('::1')).toBe('0:0:0:0::/64')
    expect(clientKey('::ffff:203.0.113.9')).toBe('203.0.113.9')
    expect(clientKey('203.0.113.9')).not.toBe(clientKey('203.0.113.10'))
  })

  it('rate-limits a /64 as one client however it rotates addresses', () => {
    const rl = createRateLimiter({ ratePerSec: 1, burst: 3, now: () => 0 })
    const taken = Array.from({ length: 6 }, (_, i) => rl.take(clientKey(`2001:db8:7:7::${i + 1}`)))
    expect(taken.filter((w) => w === 0)).toHaveLength(3)
  })
})

describe('catalog cost classes', () => {
  it('calls the address index, mining, CC builds, spends and flagged dumps heavy; reads cheap', () => {
    for (const m of ['getaddressutxos', 'getaddresstxids', 'getaddressbalance', 'generate', 'faucetget', 'tokencreate', 'sendtoaddress', 'getblock', 'listunspent']) {
      expect(isHeavyMethod(m), m).toBe(true)
    }
    for (const m of ['getblockcount', 'getinfo', 'getbestblockhash', 'faucetinfo', 'sendrawtransaction', 'nosuchmethod']) expect(isHeavyMethod(m), m).toBe(false)
    // Every catalog entry in the address-index category is heavy, whatever its name.
    for (const spec of METHODS.filter((m) => m.category === 'addressindex')) expect(isHeavySpec(spec), spec.name).toBe(true)
  })

  it('waits for a proof-of-work as long as its catalog entry says, never less than the configured limit', () => {
    expect(upstreamTimeoutFor('faucetget', 30_000)).toBe(180_000)
    expect(upstreamTimeoutFor('faucetget', 600_000)).toBe(600_000)
    expect(upstreamTimeoutFor('getinfo', 30_000)).toBe(30_000)
    expect(upstreamTimeoutFor('nosuchmethod', 5_000)).toBe(5_000)
  })
})

describe('byte budget', () => {
  it('refuses what would pass the limit and takes nothing then', () => {
    const b = createByteBudget(100)
    expect(b.take(60)).toBe(true)
    expect(b.take(50)).toBe(false)
    expect(b.used).toBe(60)
    b.give(60)
    expect(b.take(100)).toBe(true)
  })
})
