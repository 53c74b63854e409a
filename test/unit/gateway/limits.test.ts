import { describe, expect, it } from 'vitest'
import type { IncomingMessage } from 'node:http'
import { createRateLimiter } from '../../../server/gateway/rateLimit.ts'
import { clientIp, parseTrustedProxies } from '../../../server/gateway/clientIp.ts'
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
    const gate = createGate(1, 1)
    const first = await gate.enter(1000)
    expect(first).toBeTypeOf('function')
    const second = gate.enter(1000)
    expect(await gate.enter(1000)).toBeNull() // queue full
    first!()
    const r2 = await second
    expect(r2).toBeTypeOf('function')
    expect(gate.active).toBe(1)
    r2!()
    r2!() // releasing twice is harmless
    expect(gate.active).toBe(0)
  })

  it('gives up after the timeout', async () => {
    const gate = createGate(1, 5)
    await gate.enter(1000)
    expect(await gate.enter(20)).toBeNull()
    expect(gate.waiting).toBe(0)
  })
})

describe('host guard', () => {
  it('accepts loopback names and IP literals by default, a list when given', () => {
    for (const h of ['127.0.0.1:8080', 'localhost', 'app.localhost:5173', '[::1]:8080', '10.0.0.2']) expect(hostAllowed(h, null), h).toBe(true)
    for (const h of ['evil.example', 'evil.example:8080', '', 'localhost.evil.example']) expect(hostAllowed(h, null), h).toBe(false)
    expect(hostAllowed(undefined, null)).toBe(false)
    expect(hostAllowed('Docs.Example:443', ['docs.example'])).toBe(true)
    expect(hostAllowed('127.0.0.1', ['docs.example'])).toBe(false)
    expect(hostAllowed('anything', ['*'])).toBe(true)
  })
})
