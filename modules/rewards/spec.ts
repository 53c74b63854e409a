/**
 * What the Rewards module (eval 0xe5) is, for every layer: its eval code and global keys
 * (src/cc/CCcustom.cpp, reference §3.3), its methods for the catalog (usage lines and parameter
 * typing from src/wallet/rpcwallet.cpp: every argument a JSON string), the shape of rewardsinfo
 * (src/cc/rewards.cpp RewardsInfo) and the words for its OP_RETURNs. Isomorphic; imports only protocol/.
 *
 * The flow komodod implements: `rewardscreatefunding` opens a named plan (APR, minimum and maximum
 * lock time in days, minimum deposit) and funds it; `rewardsaddfunding` adds to it; `rewardslock`
 * locks coins in the plan's pool and names the address they come back to; once the minimum time has
 * passed on the chain's clock, `rewardsunlock` pays the deposit plus its reward out of the pool.
 */
import type { MethodSpec, ParamSpec } from '../../protocol/catalog.ts'
import { EVAL } from '../../protocol/evalCodes.ts'
import { defineModule, type DecodedOpReturn, type OpReturnView } from '../../protocol/module.ts'
import type { CcSuccess, HexResult } from '../../protocol/types.ts'
import { decodeRewardsOpret, decodeRewardsFunding, FUNCID, unstringbits } from './spec/opret.ts'

export const REWARDS_EVAL = EVAL.REWARDS
export const REWARDS_NAME = 'Rewards'
export const REWARDS_GLOBAL_PUBKEY = '03da60379d924c2c30ac290d2a86c2ead128cb7bd571f69211cb95356e2dcc5eb9'
/** The global CC address (the plans' pool and the locked deposits) and the normal address of the global pubkey (funding markers). */
export const REWARDS_CC_ADDRESS = 'RTsRBYL1HSvMoE3qtBJkyiswdVaWkm8YTK'
export const REWARDS_NORMAL_ADDRESS = 'RMgye9jeczNjQx9Uzq8no8pTLiCSwuHwkz'

const param = (name: string, summary: string, extra: Partial<ParamSpec> = {}): ParamSpec => ({ name, type: 'string', summary, ...extra })
const planName = param('name', 'The plan\'s name, at most 8 characters.', { example: 'DOCS' })
const fundingtxid = param('fundingtxid', 'Txid of the plan\'s rewardscreatefunding transaction.', { format: 'txid' })

export const REWARDS_METHODS: readonly MethodSpec[] = [
  { name: 'rewardsaddress', category: 'rewards', safety: 'cc-info', softErrors: true,
    summary: 'Rewards CC addresses and balances, global and yours.',
    params: [param('pubkey', 'Also show the Rewards CC address of this pubkey.', { optional: true, format: 'pubkey' })],
    result: 'object: result, RewardsCCAddress, RewardsCCBalance, RewardsNormalAddress, RewardsNormalBalance, RewardsCCTokensAddress, [PubkeyCCaddress(Rewards), PubkeyCCbalance(Rewards)], myCCAddress(Rewards), myCCbalance(Rewards), myaddress, mybalance' },
  { name: 'rewardslist', category: 'rewards', safety: 'cc-info',
    summary: 'Funding txids of every mined rewards plan.', params: [], result: 'array of fundingtxids' },
  { name: 'rewardsinfo', category: 'rewards', safety: 'cc-info', softErrors: true,
    summary: 'A plan\'s terms, the coins left to pay rewards and the coins locked in it.',
    params: [fundingtxid],
    result: 'object: result, fundingtxid, name, sbits, APR, minseconds, maxseconds, mindeposit, funding, locked (amounts as strings)' },
  { name: 'rewardscreatefunding', category: 'rewards', safety: 'cc-build', softErrors: true,
    summary: 'Build a transaction that opens a rewards plan and funds it.',
    params: [
      planName,
      param('amount', 'Coins to fund the plan with, at least 1.', { format: 'coins', example: '100' }),
      param('APR', 'Yearly rate in percent, at most 25 (default 5).', { optional: true, example: '25' }),
      param('mindays', 'Days a deposit must stay locked before it earns (default 60).', { optional: true, format: 'integer', example: '1' }),
      param('maxdays', 'Days after which a deposit earns no more (default 60).', { optional: true, format: 'integer', example: '10' }),
      param('mindeposit', 'Smallest deposit in coins (default 100).', { optional: true, format: 'coins', example: '10' }),
    ],
    result: 'object: result, hex (not broadcast; its txid is the fundingtxid)' },
  { name: 'rewardsaddfunding', category: 'rewards', safety: 'cc-build', softErrors: true,
    summary: 'Build a transaction that adds coins to a plan\'s rewards pool.',
    params: [planName, fundingtxid, param('amount', 'Coins to add, as a string.', { format: 'coins', example: '50' })],
    result: 'object: result, hex (not broadcast)' },
  { name: 'rewardslock', category: 'rewards', safety: 'cc-build', softErrors: true,
    summary: 'Build a transaction that locks a deposit in a plan; it comes back to this node\'s pubkey.',
    params: [planName, fundingtxid, param('amount', 'Coins to lock, at least the plan\'s mindeposit.', { format: 'coins', example: '10' })],
    result: 'object: result, hex (not broadcast; its txid is the locktxid)' },
  { name: 'rewardsunlock', category: 'rewards', safety: 'cc-build', softErrors: true,
    summary: 'Build a transaction that pays a deposit and its reward back, once the minimum time has passed.',
    params: [planName, fundingtxid, param('txid', 'The locktxid; without it, a locked deposit of at least 10.73741824 coins is looked for.', { optional: true, format: 'txid' })],
    result: 'object: result, hex (not broadcast)' },
]

/** komodod's usage lines (the runtime_error text of a wrong parameter count, newline added). */
export const REWARDS_USAGE: Readonly<Record<string, string>> = {
  rewardsaddress: 'rewardsaddress [pubkey]',
  rewardslist: 'rewardslist',
  rewardsinfo: 'rewardsinfo fundingtxid',
  rewardscreatefunding: 'rewardscreatefunding name amount APR mindays maxdays mindeposit',
  rewardsaddfunding: 'rewardsaddfunding name fundingtxid amount',
  rewardslock: 'rewardslock name fundingtxid amount',
  rewardsunlock: 'rewardsunlock name fundingtxid [txid]',
}

// ── result shapes ─────────────────────────────────────────────────────────────────────────────

export interface RewardsInfo extends CcSuccess {
  fundingtxid: string
  name: string
  /** The name packed into a uint64 (komodod prints it as a JSON integer). */
  sbits: number
  /** Percent per year, "%.8f". */
  APR: string
  minseconds: number
  maxseconds: number
  /** Coins, "%.8f" strings. */
  mindeposit: string
  funding: string
  locked: string
}

declare module '../../protocol/types.ts' {
  interface ResultOf {
    rewardscreatefunding: HexResult
    rewardsaddfunding: HexResult
    rewardslock: HexResult
    rewardsunlock: HexResult
    rewardsinfo: RewardsInfo
    rewardslist: string[]
  }
}

// ── transaction views ─────────────────────────────────────────────────────────────────────────

const KIND: Record<number, string> = { [FUNCID.fund]: 'fund', [FUNCID.add]: 'add', [FUNCID.lock]: 'lock', [FUNCID.unlock]: 'unlock' }
const coins = (sats: bigint): string => `${sats / 100_000_000n}.${String(sats % 100_000_000n).padStart(8, '0')}`

/** A Rewards payload as the transaction views show it; null when komodod would not read it. */
export function decodeRewardsPayload(payload: Uint8Array): DecodedOpReturn | null {
  const base = { module: REWARDS_NAME, evalCode: REWARDS_EVAL }
  const t = decodeRewardsFunding(payload)
  if (t) {
    return {
      ...base, kind: 'fund', name: unstringbits(t.sbits), APR: coins(t.APR), mindays: Number(t.minseconds / 86400n),
      maxdays: Number(t.maxseconds / 86400n), mindeposit: coins(t.mindeposit),
    }
  }
  const o = decodeRewardsOpret('', payload)
  return o ? { ...base, kind: KIND[o.funcid], name: unstringbits(o.sbits), fundingtxid: o.fundingtxid } : null
}

/** The words for a decoded payload: UI string keys under `rewards.tx` with their values. */
export function viewRewardsPayload(d: DecodedOpReturn): OpReturnView | null {
  const name = String(d.name)
  if (d.kind === 'fund') {
    return {
      summary: { key: 'rewards.tx.fund', values: { name } },
      details: [{ key: 'rewards.tx.terms', values: [String(d.APR), String(d.mindays), String(d.maxdays), String(d.mindeposit)] }],
    }
  }
  if (!(d.kind === 'add' || d.kind === 'lock' || d.kind === 'unlock')) return null
  return {
    summary: { key: `rewards.tx.${d.kind}`, values: { name } },
    details: [{ key: 'rewards.tx.plan', values: [String(d.fundingtxid)], code: true }],
  }
}

export const rewards = defineModule({
  id: 'rewards',
  name: REWARDS_NAME,
  evalCode: REWARDS_EVAL,
  category: 'rewards',
  globalPubkey: REWARDS_GLOBAL_PUBKEY,
  globalAddress: REWARDS_CC_ADDRESS,
  methods: REWARDS_METHODS,
  reference: {
    title: 'Rewards CC',
    intro: 'The Rewards Custom Consensus module (eval code 0xe5): lock coins in a funded plan for a minimum time and get them back with a yearly rate.',
  },
  panels: [],
  strings: {
    rewards: {
      tx: {
        fund: 'Rewards plan "{name}" opened and funded',
        terms: 'APR %, min days, max days, min deposit',
        add: 'Coins added to rewards plan "{name}"',
        lock: 'Deposit locked in rewards plan "{name}"',
        unlock: 'Deposit and reward paid out of rewards plan "{name}"',
        plan: 'Plan (fundingtxid)',
      },
    },
  },
  decodeOpReturn: decodeRewardsPayload,
  viewOpReturn: viewRewardsPayload,
})
