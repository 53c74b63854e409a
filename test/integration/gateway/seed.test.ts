/**
 * The offline-signing theft of issue 16, tried for real: derive the miner's key from the public
 * default seed, sign the miner's premine away without asking the chain, and broadcast it through
 * a `public` gateway. On a chain with a random seed it must fail; on a chain that uses the public
 * seed (the control) the same steps succeed, which is why `npm start` refuses that combination.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { DEFAULT_SEED, DevchainCore } from '../../../devchain/core.ts'
import { keyFromSeed, signDer } from '../../../devchain/crypto/keys.ts'
import { fromHex, hash160, hexToHash, toHex } from '../../../devchain/crypto/hash.ts'
import { concat, p2pkh, pushData } from '../../../devchain/tx/script.ts'
import { SIGHASH_ALL, signatureHash } from '../../../devchain/tx/sighash.ts'
import { SEQUENCE_FINAL, newTx, serializeTx } from '../../../devchain/tx/transaction.ts'
import { createDevchainUpstream, createGatewayFromEnv, createLogger } from '../../../server/gateway/index.ts'
import type { RunningGateway } from './support.ts'
import { post, startGateway } from './support.ts'

const open: RunningGateway[] = []
afterAll(async () => {
  for (const g of open) await g.close()
})

/** A memory chain (seed as given, or random) behind a public gateway, its premine mature. */
async function publicChain(seed?: string): Promise<RunningGateway> {
  const core = await DevchainCore.open({ dataDir: null, env: {}, seed })
  await core.call('miner', 'generate', [1])
  const g = await startGateway({ upstream: createDevchainUpstream(core), profile: 'public', limits: { ratePerSec: 0 } })
  open.push(g)
  return g
}

const rpc = async (g: RunningGateway, method: string, params: unknown[]) => (await post(`${g.url}/rpc`, JSON.stringify({ method, params, id: 1 }))).json as {
  result: unknown
  error: { code: number; message: string } | null
}

/** Everything the thief does, using only public reads and the public seed. */
async function steal(g: RunningGateway) {
  const block = (await rpc(g, 'getblock', ['1', 2])).result as { tx: { txid: string; vout: { value: number; valueSat?: number; scriptPubKey: { hex: string } }[] }[] }
  const premine = block.tx[0]
  const thiefKey = keyFromSeed(DEFAULT_SEED, 'miner/0')
  const loot = keyFromSeed('thief', 'wallet/0')
  const value = premine.vout[0].valueSat ?? Math.round(premine.vout[0].value * 1e8)
  const tx = newTx([{ prevHash: hexToHash(premine.txid), prevIndex: 0, script: new Uint8Array(0), sequence: SEQUENCE_FINAL }], [{ value: value - 10_000, script: p2pkh(hash160(loot.pub)) }])
  const sighash = signatureHash(tx, 0, fromHex(premine.vout[0].scriptPubKey.hex), value, SIGHASH_ALL)
  tx.vin[0].script = pushData(concat(signDer(sighash, thiefKey.priv), Uint8Array.of(SIGHASH_ALL)))
  return rpc(g, 'sendrawtransaction', [toHex(serializeTx(tx))])
}

describe('wallet seeds', () => {
  it('the offline-signing theft fails on a chain with a random seed', async () => {
    const reply = await steal(await publicChain())
    expect(reply.error).not.toBeNull()
    expect(reply.result).toBeNull()
  })

  it('the same theft succeeds on a chain that uses the public seed (the control)', async () => {
    const reply = await steal(await publicChain(DEFAULT_SEED))
    expect(reply.error).toBeNull()
    expect(reply.result).toMatch(/^[0-9a-f]{64}$/)
  })

  it('two chains started without a seed get different keys', async () => {
    const a = await DevchainCore.open({ dataDir: null, env: {} })
    const b = await DevchainCore.open({ dataDir: null, env: {} })
    expect(a.seedFixed).toBe(false)
    expect(await a.call('miner', 'getnewaddress', [])).not.toBe(await b.call('miner', 'getnewaddress', []))
    await a.close()
    await b.close()
  })

  it('npm start refuses the public profile over a devchain with a fixed seed, and says why', async () => {
    const env = { GATEWAY_PROFILE: 'public', DEVCHAIN_SEED: DEFAULT_SEED, KOMODO_NODES: '' }
    const logger = createLogger('silent')
    const { FIXED_SEED_REFUSAL } = await import('../../../server/gateway/index.ts')
    await expect(createGatewayFromEnv({ env, devchainDataDir: null, logger })).rejects.toThrow(FIXED_SEED_REFUSAL)
    expect(FIXED_SEED_REFUSAL).toMatch(/seed is fixed.*derive the miner's keys/)
    // A fixed seed is fine on the local profile (your own machine), and a random one on public.
    const local = await createGatewayFromEnv({ env: { ...env, GATEWAY_PROFILE: 'local' }, devchainDataDir: null, logger })
    await local.close()
    const { DEVCHAIN_SEED: _unused, ...randomEnv } = env
    const saved = process.env.DEVCHAIN_SEED
    delete process.env.DEVCHAIN_SEED
    try {
      const pub = await createGatewayFromEnv({ env: randomEnv, devchainDataDir: null, logger })
      expect(pub.policy.profile).toBe('public')
      await pub.close()
    } finally {
      if (saved !== undefined) process.env.DEVCHAIN_SEED = saved
    }
  })
})
