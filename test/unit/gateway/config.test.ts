import { describe, expect, it } from 'vitest'
import { configFromEnv, parseNodes } from '../../../server/gateway/config.ts'
import { redactValue } from '../../../server/gateway/log.ts'
import { withoutSecrets } from '../../../server/gateway/upstream.ts'

describe('configFromEnv', () => {
  it('defaults to the local profile, the devchain and the documented limits', () => {
    const c = configFromEnv({})
    expect(c.profile).toBe('local')
    expect(c.nodes).toEqual([])
    expect(c.limits).toMatchObject({ maxBody: 65536, maxBatch: 20, upstreamTimeoutMs: 30000 })
    expect(c.corsOrigins).toEqual([])
  })

  it('runs one heavy call at a time on the in-process devchain, two per komodod node, unless told', () => {
    expect(configFromEnv({}).limits.heavyConcurrency).toBe(1)
    expect(configFromEnv({ KOMODO_NODES: 'miner=http://h:8000' }).limits.heavyConcurrency).toBe(2)
    expect(configFromEnv({ GATEWAY_HEAVY_CONCURRENCY: '3' }).limits.heavyConcurrency).toBe(3)
    expect(configFromEnv({ KOMODO_NODES: 'miner=http://h:8000', GATEWAY_HEAVY_CONCURRENCY: '1' }).limits.heavyConcurrency).toBe(1)
  })

  it('reads KOMODO_NODES with credentials in the URL or in separate variables', () => {
    expect(parseNodes({ KOMODO_NODES: 'miner=http://u:p%40ss@komodod-miner:8000,reader=http://komodod-reader:8000' , KOMODO_RPC_USER: 'shared', KOMODO_READER_RPC_PASSWORD: 'rp' })).toEqual([
      { name: 'miner', host: 'komodod-miner', port: 8000, path: '/', auth: 'u:p@ss' },
      { name: 'reader', host: 'komodod-reader', port: 8000, path: '/', auth: 'shared:rp' },
    ])
  })

  it('names the variable, never the value, when something is wrong', () => {
    const secret = 'hunter2-secret'
    for (const env of [
      { KOMODO_NODES: `miner=ftp://u:${secret}@h:1` },
      { KOMODO_NODES: `miner=http://u:${secret}@h` },
      { KOMODO_NODES: `Miner=http://u:${secret}@h:1` },
      { KOMODO_NODES: `miner=http://u:${secret}@h:1,miner=http://h:2` },
      { GATEWAY_PROFILE: secret },
      { GATEWAY_MAX_BODY: secret },
    ]) {
      let message = ''
      try {
        configFromEnv(env)
      } catch (e) {
        message = (e as Error).message
      }
      expect(message).not.toBe('')
      expect(message).not.toContain(secret)
    }
  })
})

describe('redaction', () => {
  it('hides WIFs, cuts long strings and deep values', () => {
    const wif = 'UvjpBLS27ZhBdCyw2hQNrTksQkLWCEvybf4CiqyC6vJNM3cb6Qio'
    const out = redactValue([wif, 'x'.repeat(500), { a: { b: { c: 1 } } }, 5]) as unknown[]
    expect(out[0]).toBe('[redacted]')
    expect(String(out[1]).length).toBeLessThan(120)
    expect(JSON.stringify(out[2])).toContain('[nested]')
    expect(out[3]).toBe(5)
  })

  it('drops credential-looking keys from chain params', () => {
    expect(withoutSecrets({ name: 'DOCS', rpcuser: 'u', rpcpassword: 'p', nested: { authToken: 'x', pubkey: '02ab' } }))
      .toEqual({ name: 'DOCS', nested: { pubkey: '02ab' } })
  })
})
