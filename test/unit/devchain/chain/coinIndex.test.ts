/**
 * The wallet's coin index against a full scan of the wallet's coins, on randomized chains (seeded,
 * so a failure replays): mining by both nodes, payments with and without the fee taken from the
 * amount, Faucet and Tokens spends, a key that both wallets hold. After every step, for both
 * wallets: coin selection from the index picks exactly the coins the scan's selection picks, every
 * balance equals the sum of the coins the scan lists, and the ledger's per-address totals equal the
 * sums of the address indexes.
 */
import { describe, it, expect } from 'vitest'
import { createDevchainCore, type DevchainCore } from '../../../support/devchain.ts'
import type { Coin } from '../../../../devchain/chain/ledger.ts'
import type { CoinQuery, Wallet } from '../../../../devchain/chain/wallet.ts'

/** mulberry32: small, seeded, good enough to pick steps. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

const ids = (cs: Coin[] | null) => cs && cs.map((c) => `${c.txid}:${c.vout}`)
const sum = (cs: Coin[]) => cs.reduce((a, c) => a + c.value, 0)

function checkWallet(w: Wallet, r: () => number, where: string): number {
  const scanned = w.coins({ trustedMempool: true })
  const total = sum(scanned)
  // Targets around the coins' own values hit the ties and the exact matches.
  const values = [...new Set(scanned.map((c) => c.value))]
  const targets = [1, total, total + 1, Math.floor(total / 2), Math.floor(total * r()), 2 ** 52]
  for (let i = 0; i < 8 && values.length; i++) {
    const v = values[Math.floor(r() * values.length)]
    targets.push(v, v + 1, v - 1, v * 2, v * 3 + 1)
  }
  for (const t of targets.filter((x) => x > 0)) {
    expect(ids(w.selectCoins(t)), `${where}: select ${t}`).toEqual(ids(w.selectCoins(t, scanned)))
    expect(ids(w.selectCoins(t, undefined, 3)), `${where}: select ${t}, at most 3 + 1`).toEqual(ids(w.selectCoins(t, scanned, 3)))
  }
  const queries: CoinQuery[] = [
    {}, { trustedMempool: true }, { minconf: 0 }, { minconf: 2 }, { minconf: 3 }, { minconf: 7 }, { minconf: 5, trustedMempool: true },
    { minconf: 0, maxconf: 2 }, { maxconf: 4 }, { minconf: 10_000 },
  ]
  for (const q of queries) expect(w.balance(q), `${where}: balance ${JSON.stringify(q)}`).toBe(sum(w.coins(q)))
  return scanned.length
}

function checkTotals(dc: DevchainCore, where: string): void {
  const L = dc.ledger
  for (const index of [L.addrUtxos, L.ccUtxos]) {
    for (const [address, coins] of index) expect(L.utxoTotals.get(address) ?? 0, `${where}: total of ${address}`).toBe(sum([...coins.values()]))
  }
  for (const [address, t] of L.utxoTotals) if (t !== 0) expect(L.addrUtxos.has(address) || L.ccUtxos.has(address), `${where}: stale total ${address}`).toBe(true)
}

async function randomChain(seed: number, args: string[], steps: number): Promise<{ coins: number; cc: number }> {
  const r = prng(seed)
  const dc = await createDevchainCore({ dataDir: null, seed: `coin-index-${seed}`, args })
  const call = (node: string, m: string, p: unknown[] = []) => dc.call(node, m, p) as Promise<any>
  const nodes = ['miner', 'reader'] as const
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]
  const addresses: Record<string, string[]> = { miner: [], reader: [] }
  for (const n of nodes) for (let i = 0; i < 2; i++) addresses[n].push(await call(n, 'getnewaddress'))
  await call('miner', 'generate', [4])
  let tokenid: string | null = null
  let ccSpends = 0
  let maxCoins = 0
  const tryCall = async (node: string, m: string, p: unknown[]) => {
    try {
      return await call(node, m, p)
    } catch (e) {
      // Insufficient funds and immature coins are outcomes of a random walk, not failures.
      if (/Insufficient funds|requires a transaction fee|Transaction too large/.test((e as Error).message)) return null
      throw e
    }
  }
  for (let step = 0; step < steps; step++) {
    const x = r()
    const node = pick(nodes)
    let what: string
    if (x < 0.25) {
      const n = 1 + Math.floor(r() * 3)
      await call(node, 'generate', [n])
      what = `${node} mines ${n}`
    } else if (x < 0.7) {
      const to = pick(nodes)
      if (r() < 0.2) addresses[to].push(await call(to, 'getnewaddress'))
      // Round amounts half the time: equal coins on different keys make the index break ties.
      const y = r()
      const amount = y < 0.5 ? pick([0.5, 1, 2]) : Number((y < 0.75 ? r() * 0.5 : r() * 20).toFixed(8)) || 0.001
      await tryCall(node, 'sendtoaddress', [pick(addresses[to]), amount, '', '', r() < 0.2])
      what = `${node} pays ${amount} to ${to}`
    } else if (x < 0.8) {
      const reply = await call('miner', 'faucetfund', [String(Number((r() * 3 + 0.2).toFixed(3)))])
      if (reply.hex) await call('miner', 'sendrawtransaction', [reply.hex])
      what = 'faucetfund'
      ccSpends++
    } else if (x < 0.9) {
      if (!tokenid) {
        const reply = await call('miner', 'tokencreate', ['IDX', '0.5'])
        if (reply.hex) tokenid = await call('miner', 'sendrawtransaction', [reply.hex])
        what = 'tokencreate'
      } else {
        const reply = await call('miner', 'tokentransfer', [tokenid, dc.wallet('reader').pubkey!, String(1 + Math.floor(r() * 1000))])
        if (reply.hex) await call('miner', 'sendrawtransaction', [reply.hex])
        what = 'tokentransfer'
      }
      ccSpends++
    } else if (x < 0.93) {
      // A key held by both wallets: the index learns its past coins, then follows it in both.
      const minerKey = pick(dc.wallet('miner').keys)
      dc.wallet('reader').addKey(minerKey.priv, false)
      what = 'reader imports a miner key'
    } else {
      await call('miner', 'generate', [1])
      what = 'miner mines 1'
    }
    const where = `seed ${seed} step ${step} (${what})`
    for (const n of nodes) maxCoins = Math.max(maxCoins, checkWallet(dc.wallet(n), r, `${where}, ${n}`))
    checkTotals(dc, where)
  }
  await dc.close()
  return { coins: maxCoins, cc: ccSpends }
}

describe('coin index', () => {
  it('matches a full scan after every step of randomized chains (coinbase maturity 1)', async () => {
    for (const seed of [1, 2]) {
      const { coins, cc } = await randomChain(seed, ['-ac_name=IDXA', '-ac_supply=1000', '-ac_reward=100000000', '-ac_cc=2'], 60)
      // The walk must have built a wallet worth checking and exercised the CC builders.
      expect(coins).toBeGreaterThan(20)
      expect(cc).toBeGreaterThan(0)
    }
  }, 240_000)

  it('matches a full scan with coinbase maturity 4, where fresh coinbases are held back', async () => {
    const { coins } = await randomChain(3, ['-ac_name=IDXB', '-ac_supply=1000', '-ac_reward=50000000', '-ac_cc=2', '-ac_cbmaturity=4'], 60)
    expect(coins).toBeGreaterThan(20)
  }, 240_000)

  it('keeps a fresh coinbase out of selection and balances until it is mature', async () => {
    const dc = await createDevchainCore({ dataDir: null, seed: 'maturity', args: ['-ac_name=IDXC', '-ac_supply=0', '-ac_reward=100000000', '-ac_cbmaturity=3'] })
    const w = dc.wallet('miner')
    await dc.call('miner', 'generate', [4])
    const tip = dc.ledger.height
    // A coinbase mined at h is spendable in block h + 3 at the earliest (Ledger.accept's rule).
    const all = [...dc.ledger.addrUtxos.values()].flatMap((m) => [...m.values()])
    const spendable = all.filter((c) => tip + 1 - c.height >= 3)
    expect(spendable.length).toBeGreaterThan(0)
    expect(all.length - spendable.length).toBe(2) // the two youngest are held back
    expect(w.coins().length).toBe(spendable.length)
    const balance = spendable.reduce((a, c) => a + c.value, 0)
    expect(w.balance({ trustedMempool: true })).toBe(balance)
    expect(w.balance({ minconf: 0 })).toBe(balance)
    expect(w.selectCoins(balance + 1)).toBeNull()
    expect(w.selectCoins(balance)!.every((c) => tip + 1 - c.height >= 3)).toBe(true)
    // The whole balance, fee taken from it: only mature coins can make it through the mempool.
    const addr = (await dc.call('reader', 'getnewaddress', [])) as string
    await expect(dc.call('miner', 'sendtoaddress', [addr, balance / 1e8, '', '', true])).resolves.toMatch(/^[0-9a-f]{64}$/)
    await dc.call('miner', 'generate', [1])
    expect(w.balance({ trustedMempool: true })).toBe(100_000_000) // one more coinbase came of age
    await dc.close()
  })
})
