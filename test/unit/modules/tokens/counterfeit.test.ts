/**
 * Tokens cannot be counterfeited. komodod accepts a transaction that only looks like a token
 * transfer (TokensValidate runs only when token inputs are spent), so these tests let the chain take
 * such transactions and check what matters: no balance, supply or later spend ever counts them.
 * A seeded random walk mixes honest transfers with every forgery and checks that the holders' token
 * balances always add up to the supply.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDevchainCore, type DevchainCore } from '../../../support/devchain.ts'
import { hexToHash } from '../../../../devchain/crypto/hash.ts'
import { p2pk } from '../../../../devchain/tx/script.ts'
import { newTx, serializeTx, SEQUENCE_FINAL, type TxOut } from '../../../../devchain/tx/transaction.ts'
import { signatureHash, SIGHASH_ALL } from '../../../../devchain/tx/sighash.ts'
import type { Coin } from '../../../../devchain/chain/ledger.ts'
import { ccScriptSig, signCondition } from '../../../../devchain/cc/fulfillment.ts'
import { ccScript, makeCCcond1 } from '../../../../devchain/cc/condition.ts'
import { bytesToHex, hexToBytes } from '../../../../devchain/cc/hashes.ts'
import { opReturnScript } from '../../../../protocol/opret.ts'
import { encodeTokenCreate, encodeTokenTransfer } from '../../../../modules/tokens/spec.ts'
import { keyFromSeed, type KeyPair } from '../../../../devchain/crypto/keys.ts'

const SUPPLY = 100_000
const FEE = 10_000
const SCRIPT_FALSE = /^16: mandatory-script-verify-flag-failed/

let dc: DevchainCore
let tokenid: string
const call = (node: string, m: string, p: unknown[] = []) => dc.call(node, m, p) as Promise<any>
/** Who holds tokens: the two nodes' CC keys, and two bare keys (carol, mallory) with no node of their own. */
const parties = new Map<string, KeyPair>()
const pk = (name: string) => parties.get(name)!.pub
const pkHex = (name: string) => bytesToHex(pk(name))
const tokenScript = (pubkey: Uint8Array) => ccScript(makeCCcond1(0xf2, pubkey))
const balance = async (name: string) => (await call('miner', 'tokenbalance', [tokenid, pkHex(name)])).balance as number
const transferOpret = (dest: Uint8Array[]): TxOut => ({ value: 0, script: opReturnScript(encodeTokenTransfer({ tokenid, destPubkeys: dest })) })

/** A confirmed plain coin of the miner's wallet worth at least `min`. */
async function plainCoin(min: number): Promise<Coin> {
  const utxos = (await call('miner', 'listunspent', [1])) as { txid: string; vout: number; amount: number; scriptPubKey: string }[]
  const pick = utxos.find((u) => Math.round(u.amount * 1e8) >= min && !u.scriptPubKey.endsWith('cc'))!
  return dc.ledger.findCoin(pick.txid, pick.vout)!
}

/** Signs and broadcasts: plain inputs with the miner's wallet, token inputs with the holder's key. */
async function send(plain: Coin[], tokenIns: { coin: Coin; holder: string }[], vout: TxOut[]): Promise<string> {
  const coins = [...plain, ...tokenIns.map((t) => t.coin)]
  const tx = newTx(coins.map((c) => ({ prevHash: hexToHash(c.txid), prevIndex: c.vout, script: new Uint8Array(0), sequence: SEQUENCE_FINAL })), vout)
  dc.wallet('miner').signInputs(tx, plain)
  tokenIns.forEach(({ coin, holder }, k) => {
    const i = plain.length + k
    const key = parties.get(holder)!
    tx.vin[i].script = ccScriptSig(signCondition(makeCCcond1(0xf2, key.pub), signatureHash(tx, i, coin.script, coin.value, SIGHASH_ALL), key.priv))
  })
  return call('miner', 'sendrawtransaction', [bytesToHex(serializeTx(tx))])
}

/** The forgery of the issue: plain coins pay a token-shaped output under a transfer opret naming the token. */
async function forgeFromCoins(to: string, units: number): Promise<string> {
  const coin = await plainCoin(units + FEE)
  return send([coin], [], [
    { value: units, script: tokenScript(pk(to)) },
    { value: coin.value - units - FEE, script: p2pk(pk('miner')) },
    transferOpret([pk(to)]),
  ])
}

/** An honest-looking transfer of one real unit that also pays a large token-shaped output to a pubkey the opret does not name. */
async function forgeBesideRealUnit(holder: string, stranger: string, units: number): Promise<string | null> {
  const held = [...dc.ledger.ccUtxos.get(tokenAddress.get(holder)!)?.values() ?? []].find((c) => c.value >= 1 && c.height >= 0)
  if (!held) return null
  const coin = await plainCoin(units + FEE)
  return send([coin], [{ coin: held, holder }], [
    { value: held.value, script: tokenScript(pk(holder)) },
    { value: units, script: tokenScript(pk(stranger)) },
    { value: coin.value - units - FEE, script: p2pk(pk('miner')) },
    transferOpret([pk(holder)]),
  ])
}

/** Each holder's Tokens CC address, as tokenbalance reports it. */
const tokenAddress = new Map<string, string>()

beforeAll(async () => {
  dc = await createDevchainCore({ dataDir: null, seed: 'tokens-counterfeit' })
  for (const node of ['miner', 'reader']) parties.set(node, dc.wallet(node).pubkeyKey!)
  for (const name of ['carol', 'mallory']) parties.set(name, keyFromSeed('tokens-counterfeit', name))
  await call('miner', 'sendtoaddress', [await call('reader', 'getnewaddress'), 1])
  await call('miner', 'generate', [1])
  tokenid = await call('miner', 'sendrawtransaction', [(await call('miner', 'tokencreate', ['REAL', (SUPPLY / 1e8).toFixed(8)])).hex])
  await call('miner', 'generate', [1])
  for (const name of parties.keys()) tokenAddress.set(name, (await call('miner', 'tokenbalance', [tokenid, pkHex(name)])).CCaddress)
})
afterAll(async () => {
  await dc.close()
})

describe('counterfeit tokens', () => {
  it('a token-shaped output paid with plain coins is accepted, as komodod does, but never counts', async () => {
    const txid = await forgeFromCoins('mallory', 1_000_000)
    await call('miner', 'generate', [1])
    expect((await call('miner', 'getrawtransaction', [txid, 1])).confirmations).toBe(1)
    expect(await balance('mallory')).toBe(0)
    expect((await call('miner', 'tokeninfo', [tokenid])).supply).toBe(SUPPLY)
    // A node holding such an output has nothing to send either.
    await forgeFromCoins('reader', 1_000_000)
    await call('miner', 'generate', [1])
    expect(await balance('reader')).toBe(0)
    expect(await call('reader', 'tokentransfer', [tokenid, pkHex('carol'), '1000'])).toEqual({ result: 'error', error: 'no token inputs' })
  })

  it('spending the forged output as a token input is refused', async () => {
    const txid = await forgeFromCoins('mallory', 5_000)
    await call('miner', 'generate', [1])
    const forged = dc.ledger.findCoin(txid, 0)!
    const fee = await plainCoin(FEE)
    await expect(send([fee], [{ coin: forged, holder: 'mallory' }], [
      { value: forged.value, script: tokenScript(pk('reader')) },
      { value: fee.value - FEE, script: p2pk(pk('miner')) },
      transferOpret([pk('reader')]),
    ])).rejects.toMatchObject({ code: -26, message: expect.stringMatching(SCRIPT_FALSE) })
    expect(await balance('reader')).toBe(0)
  })

  it('an output to a pubkey the opret does not name carries no tokens, even beside a real input', async () => {
    await call('miner', 'sendrawtransaction', [(await call('miner', 'tokentransfer', [tokenid, pkHex('carol'), '10'])).hex])
    await call('miner', 'generate', [1])
    const txid = await forgeBesideRealUnit('carol', 'mallory', 777_777)
    expect(txid).toMatch(/^[0-9a-f]{64}$/)
    await call('miner', 'generate', [1])
    expect(await balance('carol')).toBe(10)
    expect(await balance('mallory')).toBe(0)
  })

  it('a creation naming someone else as creator mints nothing for them', async () => {
    const coin = await plainCoin(SUPPLY + 2 * FEE)
    const fake = { creatorPubkey: pk('reader'), name: 'FAKE', description: '' }
    const fakeid = await send([coin], [], [
      { value: FEE, script: ccScript(makeCCcond1(0xf2, hexToBytes('03e6191c70c9c9a28f9fd87089b9488d0e6c02fb629df64979c9cdb6b2b4a68d95'))) },
      { value: SUPPLY, script: tokenScript(pk('reader')) },
      { value: coin.value - SUPPLY - 2 * FEE, script: p2pk(pk('miner')) },
      { value: 0, script: opReturnScript(encodeTokenCreate(fake)) },
    ])
    await call('miner', 'generate', [1])
    expect((await call('miner', 'tokenbalance', [fakeid, pkHex('reader')])).balance).toBe(0)
    expect((await call('miner', 'tokeninfo', [fakeid])).supply).toBe(0)
  })

  it('honest transfers and every forgery, mixed at random: balances always add up to the supply', { timeout: 60_000 }, async () => {
    const holders = [...parties.keys()]
    const nodes = ['miner', 'reader']
    let seed = 0x5eed
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      return seed % n
    }
    const outcomes: Record<string, number> = {}
    let honest = 0
    for (let step = 0; step < 24; step++) {
      const kind = rand(3)
      if (kind === 0) {
        const from = nodes[rand(nodes.length)]
        const have = await balance(from)
        if (have > 0) {
          const built = await call(from, 'tokentransfer', [tokenid, pkHex(holders[rand(holders.length)]), String(1 + rand(have))])
          await call(from, 'sendrawtransaction', [built.hex])
          honest++
        }
      } else {
        // A forgery that spends an earlier forged output as its "real" unit is refused outright; one
        // that is accepted must still count for nothing.
        const forged = kind === 1
          ? forgeFromCoins(holders[rand(holders.length)], 1 + rand(1_000_000))
          : forgeBesideRealUnit(holders[rand(holders.length)], holders[rand(holders.length)], 1 + rand(1_000_000))
        const got = await forged.then((txid) => (txid ? 'accepted' : 'skipped'), (e: Error) => (SCRIPT_FALSE.test(e.message) ? 'refused' : String(e)))
        outcomes[got] = (outcomes[got] ?? 0) + 1
      }
      await call('miner', 'generate', [1])
      let total = 0
      for (const h of holders) total += await balance(h)
      expect(total, `after step ${step}`).toBe(SUPPLY)
    }
    // The walk really mixed the three: honest moves, forgeries the chain took, forgeries it refused.
    expect(honest).toBeGreaterThan(0)
    expect(Object.keys(outcomes).sort()).toEqual(['accepted', 'refused'].concat(outcomes.skipped ? ['skipped'] : []).sort())
  })
})

describe('counterfeits through the raw-transaction RPCs', () => {
  it('a token output spent by createrawtransaction cannot be signed by signrawtransaction, and the chain refuses it', async () => {
    await call('miner', 'sendrawtransaction', [(await call('miner', 'tokentransfer', [tokenid, pkHex('reader'), '50'])).hex])
    await call('miner', 'generate', [1])
    const held = [...dc.ledger.ccUtxos.get(tokenAddress.get('reader')!)!.values()].find((c) => c.height >= 0 && c.value === 50)!
    const to = await call('reader', 'getnewaddress')
    const raw = await call('reader', 'createrawtransaction', [[{ txid: held.txid, vout: held.vout }], { [to]: 0.0000005 }])
    const signed = await call('reader', 'signrawtransaction', [raw])
    expect(signed.complete).toBe(false)
    expect(signed.errors).toEqual([expect.objectContaining({ txid: held.txid, vout: held.vout })])
    await expect(call('reader', 'sendrawtransaction', [signed.hex])).rejects.toMatchObject({ code: -26 })
    expect(await balance('reader')).toBeGreaterThanOrEqual(50)
  })
})
