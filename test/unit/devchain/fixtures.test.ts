/**
 * Recorded komodod replies (shared/reference/fixtures): stable fixtures must match our replies in
 * key names, key order and JSON types; era fixtures must have every recorded key with its type.
 */
import { describe, it, expect, beforeAll } from 'vitest'
import { Amount, serializeReply } from '../../../devchain/index.ts'
import { createDevchain, type Devchain } from '../../support/devchain.ts'
import { komodoFixtures } from '../../support/fixtures.ts'

const fixtures = komodoFixtures
const fx = (id: string) => fixtures.responses.find((r: { id: string }) => r.id === id)

type Shape = string | Shape[] | { [k: string]: Shape }

/** Key order and JSON types of a value (Amount counts as a number, as it is on the wire). */
function shape(v: unknown): Shape {
  if (v instanceof Amount || typeof v === 'number') return 'number'
  if (v === null) return 'null'
  if (Array.isArray(v)) return v.length ? [shape(v[0])] : []
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, shape(x)]))
  return typeof v
}

function keysInOrder(v: unknown): string[] {
  return Object.keys(v as object)
}

/** Every recorded key is present with the same type (era fixtures: older daemons had other extras). */
function expectCovers(ours: unknown, recorded: Record<string, unknown>, except: string[] = []) {
  const o = ours as Record<string, unknown>
  for (const [k, v] of Object.entries(recorded)) {
    if (except.includes(k)) continue
    expect(o, `key ${k}`).toHaveProperty(k)
    expect(shape(o[k]), `type of ${k}`).toEqual(shape(v))
  }
}

let chain: Devchain
const call = (m: string, p: unknown[] = [], node = 'miner') => chain.call(node, m, p)

beforeAll(async () => {
  chain = await createDevchain({ dataDir: null, seed: 'fixtures' })
})

describe('stable fixtures: same keys, order and types', () => {
  it('validateaddress of an own address', async () => {
    const addr = await call('getnewaddress')
    const ours = await call('validateaddress', [addr])
    expect(shape(ours)).toEqual(shape(fx('validateaddress').result))
    expect(keysInOrder(ours)).toEqual(keysInOrder(fx('validateaddress').result))
  })

  it('generate', async () => {
    const ours = (await call('generate', [5])) as string[]
    expect(ours).toHaveLength(5)
    for (const h of ours) expect(h).toMatch(/^[0-9a-f]{64}$/)
    expect(shape(ours)).toEqual(shape(fx('generate').result))
  })

  it('gettransaction of the premine coinbase', async () => {
    const b1 = (await call('getblock', ['1'])) as { tx: string[] }
    const ours = await call('gettransaction', [b1.tx[0]])
    const rec = fx('gettransaction-coinbase').result
    expect(keysInOrder(ours)).toEqual(keysInOrder(rec))
    expect(shape(ours)).toEqual(shape(rec))
  })

  it('stop on an asset chain', async () => {
    const rt1 = await createDevchain({ dataDir: null, args: ['-ac_name=RT1', '-ac_supply=1000', '-regtest'] })
    expect(await rt1.call('miner', 'stop', [])).toBe(fx('stop-assetchain').result)
    await rt1.close()
  })

  it('getaddressbalance and getaddressutxos with chainInfo', async () => {
    const info = (await call('devchain_info')) as { nodes: { address: string }[] }
    const addr = info.nodes[0].address
    const bal = await call('getaddressbalance', [{ addresses: [addr] }])
    expect(shape(bal)).toEqual(shape(fx('getaddressbalance').result))
    expect(keysInOrder(bal)).toEqual(['balance', 'received'])
    const utxos = (await call('getaddressutxos', [{ addresses: [addr], chainInfo: true }])) as { utxos: unknown[] }
    expect(shape(utxos)).toEqual(shape(fx('getaddressutxos-chaininfo').result))
    expect(keysInOrder(utxos.utxos[0])).toEqual(keysInOrder(fx('getaddressutxos-chaininfo').result.utxos[0]))
  })

  it('getwalletinfo', async () => {
    const ours = await call('getwalletinfo')
    expect(keysInOrder(ours)).toEqual(keysInOrder(fx('getwalletinfo').result))
    expect(shape(ours)).toEqual(shape(fx('getwalletinfo').result))
  })

  it('setpubkey with an own pubkey', async () => {
    const addr = await call('getnewaddress', [], 'reader')
    const v = (await call('validateaddress', [addr], 'reader')) as { pubkey: string }
    const ours = (await call('setpubkey', [v.pubkey], 'reader')) as Record<string, unknown>
    expect(keysInOrder(ours)).toEqual(keysInOrder(fx('setpubkey').result))
    expect(shape(ours)).toEqual(shape(fx('setpubkey').result))
    expect(ours.address).toBe(addr)
    expect(((await call('getinfo', [], 'reader')) as { pubkey: string }).pubkey).toBe(v.pubkey)
  })

  it('decoderawtransaction of the recorded faucetfund hex: vout0 exactly, and the recorded txid', async () => {
    const r = fx('faucetfund-decoded-vout0')
    const ours = (await call('decoderawtransaction', r.request.params)) as { txid: string; vout: unknown[] }
    expect(JSON.parse(serializeReply(ours.vout[0]))).toEqual(r.result_vout0)
    expect(serializeReply(ours.vout[0])).toContain('"value":100.00000000')
    expect(ours.txid).toBe(fx('sendrawtransaction-faucetfund').result)
  })
})

describe('era fixtures: every recorded key, with its type', () => {
  it('getinfo on RT1 (values derivable: name, ports, magic, premine)', async () => {
    const rt1 = await createDevchain({ dataDir: null, args: ['-ac_name=RT1', '-ac_supply=1000', '-regtest'] })
    const ours = (await rt1.call('miner', 'getinfo', [])) as Record<string, unknown>
    const rec = fx('getinfo-rt1').result
    expectCovers(ours, rec)
    for (const k of ['name', 'p2pport', 'rpcport', 'magic', 'premine', 'errors', 'testnet']) expect(ours[k], k).toBe(rec[k])
    // The fixture is a lone node (0 connections); the devchain's two nodes are each other's peer.
    expect(ours.connections).toBe(((await rt1.call('miner', 'getpeerinfo', [])) as unknown[]).length)
    expect(ours.connections).toBe(1)
    expect(serializeReply(ours.relayfee)).toBe('0.00000100')
    await rt1.close()
  })

  it('getblock by height string (minus the era-only blocktype)', async () => {
    const ours = await call('getblock', ['1'])
    const rec = { ...fx('getblock-height-string').result }
    delete rec.valuePools // era: two pools; current daemon: four with the same entry shape
    expectCovers(ours, rec, ['blocktype'])
    expect(shape((ours as { valuePools: unknown[] }).valuePools[0])).toEqual({ id: 'string', ...shape(fx('getblock-height-string').result.valuePools[0]) as object })
  })

  it('getmininginfo', async () => {
    expectCovers(await call('getmininginfo'), fx('getmininginfo').result)
  })
})
