/**
 * The Rewards flow in-process, on a devchain with the module loaded: create a plan → add funding →
 * lock → unlock refused before the minimum time → the chain's clock moved past it → unlock pays the
 * deposit and its reward. komodod's soft errors on both sides of each rule, and RewardsValidate
 * refusing transactions that are signed correctly (the pool's key is public) but break one rule each.
 * rewardsaddress is checked against CC addresses derived here, independently, from reference §3.3.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { h, refCCAddress } from '../../../support/refCCAddress.ts'
import { createDevchainCore, type DevchainCore } from '../../../support/devchain.ts'
import { recentRejects } from '../../../../devchain/cc/rejects.ts'
import { finalizeCCTx } from '../../../../devchain/cc/cc-rpc.ts'
import { makeCCcond1, ccScript } from '../../../../devchain/cc/condition.ts'
import { opReturnScript } from '../../../../protocol/opret.ts'
import { p2pk } from '../../../../devchain/tx/script.ts'
import { parseTx, type TxOut } from '../../../../devchain/tx/transaction.ts'
import { hexToBytes } from '../../../../devchain/cc/hashes.ts'
import type { Coin } from '../../../../devchain/chain/view.ts'
import { encodeRewardsOpret, FUNCID, stringbits } from '../../../../modules/rewards/spec/opret.ts'

const SCRIPT_FALSE = '16: mandatory-script-verify-flag-failed (Script evaluated without error but finished with a false/empty top stack element)'
const DAY = 86_400
const COIN = 100_000_000
const GLOBAL_PK = hexToBytes('03da60379d924c2c30ac290d2a86c2ead128cb7bd571f69211cb95356e2dcc5eb9')
/** RewardsCCpriv from komodod's src/cc/CCcustom.cpp: anyone may sign the pool's outputs. */
const GLOBAL_PRIV = hexToBytes('82f5d2e7d6993377fb800097233d1e6f61a9b52e5eb4966fbced6be2bb7b4bb3')
const POOL = 'RTsRBYL1HSvMoE3qtBJkyiswdVaWkm8YTK'

/** 10 coins at 25% a year for `seconds`, komodod's exact formula written out again. */
const expectedReward = (amount: number, seconds: number) => Number((BigInt(amount) * 25n * BigInt(COIN) * BigInt(seconds)) / (BigInt(COIN) * 100n * 365n * 86400n))

let dc: DevchainCore
const call = (node: string, m: string, p: unknown[] = []) => dc.call(node, m, p) as Promise<any>
const send = async (node: string, built: { hex?: string; result: string; error?: string }) => {
  expect(built, built.error).toMatchObject({ result: 'success' })
  return call(node, 'sendrawtransaction', [built.hex]) as Promise<string>
}
const mine = () => call('miner', 'generate', [1])
/** The devchain-only way past a day: the next block is stamped `seconds` after the tip. */
async function advance(seconds: number): Promise<void> {
  const info = await call('miner', 'getinfo')
  await call('miner', 'setmocktime', [info.tiptime + seconds])
  await mine()
}
const poolCoin = (txid: string, vout = 0): Coin => dc.ledger.ccUtxos.get(POOL)!.get(`${txid}:${vout}`)!
const poolInput = (coin: Coin) => ({ coin, condition: makeCCcond1(0xe5, GLOBAL_PK), priv: GLOBAL_PRIV })
const POOL_SCRIPT = ccScript(makeCCcond1(0xe5, GLOBAL_PK))

/** A hand-signed transaction spending pool outputs, with the outputs a test chooses. */
function handBuilt(cc: Coin[], outputs: TxOut[], opret: Uint8Array | null, normal: Coin[] = [], fee = 10_000): string {
  const w = dc.wallet('reader')
  return finalizeCCTx({ wallet: w, mypk: w.pubkeyKey!.pub, normal, cc: cc.map(poolInput), outputs, opret: opret ? opReturnScript(opret) : undefined, allowDeficit: true, fee }).hex
}
async function refused(hex: string, reason: string): Promise<void> {
  await expect(call('reader', 'sendrawtransaction', [hex])).rejects.toMatchObject({ code: -26, message: SCRIPT_FALSE })
  expect(recentRejects().at(-1)).toMatchObject({ module: 'Rewards', reason })
}

let plan: string
let added: string
let lock: string
let readerPk: string

beforeAll(async () => {
  dc = await createDevchainCore({ dataDir: null, seed: 'rewards-rules' })
  readerPk = dc.wallet('reader').pubkey!
  const readerAddress = await call('reader', 'getnewaddress')
  await call('miner', 'sendtoaddress', [readerAddress, 30])
  await mine()
})
afterAll(async () => {
  await dc?.close()
})

describe('rewardsaddress', () => {
  it('the global vector of reference §3.3', () => {
    expect(refCCAddress(0xe5, GLOBAL_PK)).toBe(POOL)
  })
  it('any pubkey, in komodod\'s key names and order', async () => {
    const any = '03fe754763c176e1339a3f62ee6b9484720e17ee4646b65a119e9f6370c7004abc'
    const r = await call('reader', 'rewardsaddress', [any])
    expect(Object.keys(r)).toEqual([
      'result', 'RewardsCCAddress', 'RewardsCCBalance', 'RewardsNormalAddress', 'RewardsNormalBalance', 'RewardsCCTokensAddress',
      'PubkeyCCaddress(Rewards)', 'PubkeyCCbalance(Rewards)', 'myCCAddress(Rewards)', 'myCCbalance(Rewards)', 'myaddress', 'mybalance',
    ])
    expect(r.RewardsCCAddress).toBe(POOL)
    expect(r.RewardsNormalAddress).toBe('RMgye9jeczNjQx9Uzq8no8pTLiCSwuHwkz')
    expect(r['PubkeyCCaddress(Rewards)']).toBe(refCCAddress(0xe5, h(any)))
    expect(r['myCCAddress(Rewards)']).toBe(refCCAddress(0xe5, h(readerPk)))
  })
  it('komodod\'s usage and type errors', async () => {
    await expect(call('miner', 'rewardsaddress', ['a', 'b'])).rejects.toMatchObject({ code: -1, message: 'rewardsaddress [pubkey]\n' })
    await expect(call('miner', 'rewardscreatefunding', ['DOCS'])).rejects.toMatchObject({ code: -1, message: 'rewardscreatefunding name amount APR mindays maxdays mindeposit\n' })
    await expect(call('miner', 'rewardsunlock', ['DOCS'])).rejects.toMatchObject({ code: -1, message: 'rewardsunlock name fundingtxid [txid]\n' })
    await expect(call('miner', 'rewardslock', ['DOCS', 'x', 10])).rejects.toMatchObject({ code: -1, message: 'JSON value is not a string as expected' })
    await expect(call('miner', 'rewardsinfo', [])).rejects.toMatchObject({ code: -1, message: 'rewardsinfo fundingtxid\n' })
  })
})

describe('creating a plan', () => {
  it('refuses what komodod refuses, each with its text', async () => {
    const create = (...p: string[]) => call('miner', 'rewardscreatefunding', p)
    expect(await create('STUFFSTUFF', '7777', '25', '0', '10', '10')).toEqual({ result: 'error', error: 'Plan name can be at most 8 ASCII characters' })
    expect(await create('DOCS', '0', '25', '0', '10', '10')).toEqual({ result: 'error', error: 'funds must be positive' })
    expect(await create('DOCS', '7777', '25.00000001', '0', '10', '10')).toEqual({ result: 'error', error: '25% APR is maximum' })
    expect(await create('DOCS', '7777', '25', '-1', '10', '10')).toEqual({ result: 'error', error: 'mindays must be non-negative' })
    expect(await create('DOCS', '7777', '25', '0', '0', '10')).toEqual({ result: 'error', error: 'maxdays must be positive' })
    expect(await create('DOCS', '7777', '25', '11', '10', '10')).toEqual({ result: 'error', error: 'maxdays must be greater than mindays' })
    expect(await create('DOCS', '7777', '25', '0', '10', '0')).toEqual({ result: 'error', error: 'mindeposit must be positive' })
    // RewardsCreateFunding wants at least one coin; its refusals all read the same.
    expect(await create('DOCS', '0.99999999', '25', '1', '10', '10')).toEqual({ result: 'error', error: 'couldnt create rewards funding transaction' })
    expect(await create('DOCS', '99999999', '25', '1', '10', '10')).toEqual({ result: 'error', error: 'couldnt create rewards funding transaction' })
  })

  it('opens DOCS: 100 coins, 25% a year, 1 to 10 days, deposits of 10 coins or more', async () => {
    const built = await call('miner', 'rewardscreatefunding', ['DOCS', '100', '25', '1', '10', '10'])
    expect(Object.keys(built)).toEqual(['result', 'hex'])
    const tx = parseTx(hexToBytes(built.hex))
    expect(tx.vout[0]).toMatchObject({ value: 100 * COIN, script: POOL_SCRIPT })
    expect(tx.vout[1]).toMatchObject({ value: 10_000, script: p2pk(GLOBAL_PK) })
    plan = await send('miner', built)
    // rewardslist reads the markers' index: nothing until mined.
    expect(await call('miner', 'rewardslist')).toEqual([])
    await mine()
    expect(await call('miner', 'rewardslist')).toEqual([plan])
    expect(await call('reader', 'rewardsinfo', [plan])).toEqual({
      result: 'success', fundingtxid: plan, name: 'DOCS', sbits: 0x53434f44, APR: '25.00000000', minseconds: DAY, maxseconds: 10 * DAY,
      mindeposit: '10.00000000', funding: '100.00000000', locked: '0.00000000',
    })
    expect(await call('miner', 'rewardscreatefunding', ['DOCS', '100', '25', '1', '10', '10'])).toEqual({ result: 'error', error: 'couldnt create rewards funding transaction' })
  })

  it('rewardsinfo of something else', async () => {
    expect(await call('miner', 'rewardsinfo', ['none'])).toEqual({ result: 'error', error: 'cant find fundingtxid' })
    const coinbase = (await call('miner', 'getblock', ['1'])).tx[0]
    expect(await call('miner', 'rewardsinfo', [coinbase])).toEqual({ result: 'error', error: 'fundingtxid isnt rewards creation txid' })
  })
})

describe('adding funding', () => {
  it('refuses a missing plan and amounts that are not positive', async () => {
    expect(await call('miner', 'rewardsaddfunding', ['NOPE', plan, '5'])).toEqual({ result: 'error', error: 'Rewards plan NOPE doesnt exist\n' })
    expect(await call('miner', 'rewardsaddfunding', ['DOCS', plan, '-1'])).toEqual({ result: 'error', error: 'funding amount must be positive' })
    expect(await call('miner', 'rewardsaddfunding', ['DOCS', plan, '0'])).toEqual({ result: 'error', error: 'funding amount must be positive' })
    expect(await call('miner', 'rewardsaddfunding', ['DOCSDOCSD', plan, '1'])).toEqual({ result: 'error', error: 'Plan name can be at most 8 ASCII characters' })
    // komodod overwrites its "cant find enough inputs" with this on the way out.
    expect(await call('miner', 'rewardsaddfunding', ['DOCS', plan, '99999999'])).toEqual({ result: 'error', error: 'cant find fundingtxid' })
  })
  it('adds 50 coins to the pool', async () => {
    added = await send('miner', await call('miner', 'rewardsaddfunding', ['DOCS', plan, '50']))
    await mine()
    expect(await call('miner', 'rewardsinfo', [plan])).toMatchObject({ funding: '150.00000000', locked: '0.00000000' })
  })
})

describe('locking', () => {
  it('refuses a deposit under the plan\'s minimum, a negative one, or more than the pool holds', async () => {
    const lockOf = (amount: string) => call('reader', 'rewardslock', ['DOCS', plan, amount])
    expect(await lockOf('-5')).toEqual({ result: 'error', error: 'deposit amount less than txfee' })
    expect(await lockOf('0')).toEqual({ result: 'error', error: 'Rewards plan DOCS deposit 0.00000000 < mindeposit 10.00000000\n' })
    // atof("9.99999999") * COIN is 999999998.99999… in a double, and komodod truncates it.
    expect(await lockOf('9.99999999')).toEqual({ result: 'error', error: 'Rewards plan DOCS deposit 9.99999998 < mindeposit 10.00000000\n' })
    expect(await lockOf('150.00000001')).toEqual({ result: 'error', error: 'couldnt create rewards lock transaction' })
    expect(await call('reader', 'rewardslock', ['NOPE', plan, '10'])).toEqual({ result: 'error', error: 'Rewards plan NOPE doesnt exist\n' })
    expect(await lockOf('100')).toEqual({
      result: 'error', error: 'cant find enough inputs 150.00000000 not enough for 100.00000000, make sure you imported privkey for the -pubkey address\n',
    })
  })
  it('locks 10 coins from the reader; vout1 names the reader as the unlock address', async () => {
    const built = await call('reader', 'rewardslock', ['DOCS', plan, '10'])
    const tx = parseTx(hexToBytes(built.hex))
    expect(tx.vout[0]).toMatchObject({ value: 10 * COIN, script: POOL_SCRIPT })
    expect(tx.vout[1]).toMatchObject({ value: 10_000, script: p2pk(h(readerPk)) })
    lock = await send('reader', built)
    expect(await call('reader', 'rewardsunlock', ['DOCS', plan, lock])).toEqual({ result: 'error', error: 'locktxid/v0 is spent' })
    await mine()
    expect(await call('miner', 'rewardsinfo', [plan])).toMatchObject({ funding: '150.00000000', locked: '10.00000000' })
  })
})

describe('unlocking', () => {
  it('refuses before the minimum lock time with komodod\'s text', async () => {
    expect(await call('reader', 'rewardsunlock', ['DOCS', plan, lock])).toEqual({ result: 'error', error: 'reward 0 is <= the transaction fee' })
    // 23 hours on: still short of mindays.
    await advance(23 * 3600)
    expect(await call('reader', 'rewardsunlock', ['DOCS', plan, lock])).toEqual({ result: 'error', error: 'reward 0 is <= the transaction fee' })
  })

  it('refuses the wrong txids with komodod\'s texts', async () => {
    expect(await call('reader', 'rewardsunlock', ['DOCS', plan, plan])).toEqual({ result: 'error', error: 'Rewards plan cant unlock fundingtxid' })
    expect(await call('reader', 'rewardsunlock', ['NOPE', plan, lock])).toEqual({ result: 'error', error: 'Rewards plan does not exist' })
    // Without a txid komodod looks for a deposit of 2^30 sat or more; 10 coins is less.
    expect(await call('reader', 'rewardsunlock', ['DOCS', plan])).toEqual({ result: 'error', error: 'amount must be more than txfee' })
    expect(await call('reader', 'rewardsunlock', ['DOCSDOCSD', plan, lock])).toEqual({ result: 'error', error: 'Plan name can be at most 8 ASCII characters' })
  })

  it('consensus refuses a hand-built early unlock: no eligible rewards', async () => {
    const reward = 600_000
    const hex = handBuilt([poolCoin(lock), poolCoin(plan)], [
      { value: 100 * COIN - reward - 10_000, script: POOL_SCRIPT },
      { value: 10 * COIN + reward, script: p2pk(h(readerPk)) },
    ], encodeRewardsOpret(FUNCID.unlock, stringbits('DOCS'), plan))
    await refused(hex, 'no eligible rewards')
  })

  let unlockHex: string
  let duration: number
  it('pays deposit plus reward once the chain\'s clock is past the minimum', async () => {
    await advance(3600)
    const lockTime = (await call('miner', 'getblock', [String((await call('miner', 'getrawtransaction', [lock, 1])).height)])).time
    duration = (await call('miner', 'getinfo')).tiptime - lockTime
    expect(duration).toBeGreaterThanOrEqual(DAY)
    const built = await call('reader', 'rewardsunlock', ['DOCS', plan, lock])
    expect(built).toMatchObject({ result: 'success' })
    unlockHex = built.hex
    const tx = parseTx(hexToBytes(unlockHex))
    const reward = expectedReward(10 * COIN, duration)
    expect(reward).toBeGreaterThan(680_000)
    expect(tx.vin).toHaveLength(2)
    expect(tx.vout).toHaveLength(3)
    expect(tx.vout[1]).toMatchObject({ value: 10 * COIN + reward, script: p2pk(h(readerPk)) })
    expect(tx.vout[0].script).toEqual(POOL_SCRIPT)
    // The pool paid the reward and the fee out of one of its outputs.
    const poolIn = tx.vout[0].value + reward + 10_000
    expect([100 * COIN, 50 * COIN]).toContain(poolIn)
  })

  it('consensus refuses an unlock that pays more than deposit plus reward, or pays elsewhere', async () => {
    const reward = expectedReward(10 * COIN, duration)
    const opret = encodeRewardsOpret(FUNCID.unlock, stringbits('DOCS'), plan)
    await refused(handBuilt([poolCoin(lock), poolCoin(plan)], [
      { value: 100 * COIN - reward - 1 - 10_000, script: POOL_SCRIPT },
      { value: 10 * COIN + reward + 1, script: p2pk(h(readerPk)) },
    ], opret), 'unlock tx vout.1 isnt amount+reward')
    await refused(handBuilt([poolCoin(lock), poolCoin(plan)], [
      { value: 100 * COIN - reward - 10_000, script: POOL_SCRIPT },
      { value: 10 * COIN + reward, script: p2pk(h(dc.wallet('miner').pubkey!)) },
    ], opret), 'unlock tx vout.1 mismatched scriptPubKey')
    await refused(handBuilt([poolCoin(lock), poolCoin(plan)], [
      { value: 100 * COIN - reward - 20_000, script: POOL_SCRIPT },
      { value: 10 * COIN + reward, script: p2pk(h(readerPk)) },
    ], opret, [], 20_000), 'txfee is too high')
    await refused(handBuilt([poolCoin(lock), poolCoin(plan)], [
      { value: 100 * COIN - reward - 10_000, script: POOL_SCRIPT },
      { value: 10 * COIN + reward, script: p2pk(h(readerPk)) },
    ], opret, dc.wallet('reader').selectCoins(1)!), 'unexpected normal vin for unlock')
  })

  it('consensus refuses any other spend of the pool', async () => {
    const out = [{ value: 100 * COIN - 10_000, script: p2pk(h(readerPk)) }]
    await refused(handBuilt([poolCoin(plan)], out, null), 'unexpected rewards missing funcid')
    await refused(handBuilt([poolCoin(plan)], out, encodeRewardsOpret(FUNCID.add, stringbits('DOCS'), plan)), 'unexpected RewardsValidate for addfunding')
    await refused(handBuilt([poolCoin(plan)], out, encodeRewardsOpret(FUNCID.lock, stringbits('DOCS'), plan)), 'unexpected RewardsValidate for lock')
    // An "unlock" of the plan's own funding output.
    await refused(handBuilt([poolCoin(plan)], out, encodeRewardsOpret(FUNCID.unlock, stringbits('DOCS'), plan)), 'cant unlock fundingtxid')
    // An "unlock" of the add-funding output, which is no lock.
    await refused(handBuilt([poolCoin(added)], [{ value: 50 * COIN - 10_000, script: p2pk(h(readerPk)) }], encodeRewardsOpret(FUNCID.unlock, stringbits('DOCS'), plan)), 'can only unlock locktxid')
  })

  it('the built unlock is accepted; the reader gets its deposit and reward, the pool pays', async () => {
    const reward = expectedReward(10 * COIN, duration)
    const before = await call('reader', 'getbalance')
    await call('reader', 'sendrawtransaction', [unlockHex])
    await mine()
    expect(Math.round(((await call('reader', 'getbalance')) - before) * COIN)).toBe(10 * COIN + reward)
    const info = await call('miner', 'rewardsinfo', [plan])
    expect(info.locked).toBe('0.00000000')
    expect(Math.round(Number(info.funding) * COIN)).toBe(150 * COIN - reward - 10_000)
    expect(await call('reader', 'rewardsunlock', ['DOCS', plan, lock])).toEqual({ result: 'error', error: 'locktxid/v0 is spent' })
  })

  /** Seconds from the block that mined `txid` to the tip. */
  const lockedFor = async (txid: string) => {
    const height = (await call('miner', 'getrawtransaction', [txid, 1])).height
    return (await call('miner', 'getinfo')).tiptime - (await call('miner', 'getblock', [String(height)])).time
  }

  it('finds a deposit of 2^30 sat or more when no txid is given', async () => {
    const big = await send('reader', await call('reader', 'rewardslock', ['DOCS', plan, '11']))
    await mine()
    await advance(2 * DAY)
    const built = await call('reader', 'rewardsunlock', ['DOCS', plan])
    const tx = parseTx(hexToBytes(built.hex))
    expect(tx.vin[0].prevIndex).toBe(0)
    expect(tx.vout[1].value).toBe(11 * COIN + expectedReward(11 * COIN, await lockedFor(big)))
    await call('reader', 'sendrawtransaction', [built.hex])
    await mine()
    expect(await call('reader', 'rewardsunlock', ['DOCS', plan, big])).toEqual({ result: 'error', error: 'locktxid/v0 is spent' })
  })

  it('counts no more than maxdays', async () => {
    const again = await send('reader', await call('reader', 'rewardslock', ['DOCS', plan, '10']))
    await mine()
    await advance(20 * DAY)
    expect(await lockedFor(again)).toBeGreaterThanOrEqual(20 * DAY)
    const built = await call('reader', 'rewardsunlock', ['DOCS', plan, again])
    expect(parseTx(hexToBytes(built.hex)).vout[1].value).toBe(10 * COIN + expectedReward(10 * COIN, 10 * DAY))
    await call('reader', 'sendrawtransaction', [built.hex])
    await mine()
  })
})

describe('recover mode: a pool too small for the reward', () => {
  it('returns the deposit less two fees, and consensus keeps it going to the lock\'s owner', async () => {
    // 10 coins funded; a 10-coin deposit earns the whole deposit (the cap) after four years at 25%.
    const small = await send('miner', await call('miner', 'rewardscreatefunding', ['RECOV', '10', '25', '0', '3650', '10']))
    await mine()
    const locked = await send('reader', await call('reader', 'rewardslock', ['RECOV', small, '10']))
    await mine()
    await advance(1500 * DAY)
    const built = await call('reader', 'rewardsunlock', ['RECOV', small, locked])
    const tx = parseTx(hexToBytes(built.hex))
    expect(tx.vin).toHaveLength(1)
    expect(tx.vout.slice(0, 2)).toMatchObject([
      { value: 10 * COIN - 20_000, script: p2pk(h(readerPk)) },
      { value: 10_000, script: p2pk(h(readerPk)) },
    ])
    const opret = encodeRewardsOpret(FUNCID.unlock, stringbits('RECOV'), small)
    const miner = p2pk(h(dc.wallet('miner').pubkey!))
    await refused(handBuilt([poolCoin(locked)], [{ value: 10 * COIN - 20_000, script: miner }, { value: 10_000, script: miner }], opret, [], 0), 'unlock recover tx vout.0 mismatched scriptPubKey')
    await refused(handBuilt([poolCoin(locked)], [{ value: 10 * COIN - 30_000, script: p2pk(h(readerPk)) }, { value: 20_000, script: p2pk(h(readerPk)) }], opret, [], 0), 'wrong marker vout value')
    await call('reader', 'sendrawtransaction', [built.hex])
    await mine()
    expect(await call('miner', 'rewardsinfo', [small])).toMatchObject({ funding: '10.00000000', locked: '0.00000000' })
  })
})
