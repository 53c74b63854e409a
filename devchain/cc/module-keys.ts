/**
 * Eval codes (src/cc/eval.h) and the global keys of the CC modules. The global pubkeys come from
 * shared/reference/komodo-rpc.md §3.3; the Faucet and Tokens private keys are the public constants
 * of komodod's src/cc/CCcustom.cpp (anyone may sign the modules' "unspendable" outputs; only the
 * module's validation protects them).
 */
import { hexToBytes } from './hashes.ts'

export const EVAL = {
  IMPORTPAYOUT: 0xe1, IMPORTCOIN: 0xe2, ASSETS: 0xe3, FAUCET: 0xe4, REWARDS: 0xe5, DICE: 0xe6, FSM: 0xe7,
  AUCTION: 0xe8, LOTTO: 0xe9, HEIR: 0xea, CHANNELS: 0xeb, ORACLES: 0xec, PAYMENTS: 0xf0, GATEWAYS: 0xf1,
  TOKENS: 0xf2, IMPORTGATEWAY: 0xf3,
} as const

export interface CCModuleKey {
  name: string
  evalCode: number
  globalPubkey: string
  /** Only for the modules whose global outputs the devchain spends. */
  globalPrivkey?: string
}

export const CC_MODULES: readonly CCModuleKey[] = [
  { name: 'Assets', evalCode: EVAL.ASSETS, globalPubkey: '02adf84e0e075cf90868bd4e3d34a03420e034719649c41f371fc70d8e33aa2702' },
  { name: 'Faucet', evalCode: EVAL.FAUCET, globalPubkey: '03682b255c40d0cde8faee381a1a50bbb89980ff24539cb8518e294d3a63cefe12',
    globalPrivkey: 'd44ff231717d28024bc7dd71a039c4be1afeebc246da76f807533d96b4caa0e9' },
  { name: 'Rewards', evalCode: EVAL.REWARDS, globalPubkey: '03da60379d924c2c30ac290d2a86c2ead128cb7bd571f69211cb95356e2dcc5eb9' },
  { name: 'Dice', evalCode: EVAL.DICE, globalPubkey: '039d966927cfdadab3ee6c56da63c21f17ea753dde4b3dfd41487103e24b27e94e' },
  { name: 'Heir', evalCode: EVAL.HEIR, globalPubkey: '03c91bef3d7cc59c3a89286833a3446b29e52a5e773f738a1ad2b09785e5f4179e' },
  { name: 'Channels', evalCode: EVAL.CHANNELS, globalPubkey: '035debdb19b1c98c615259339500511d6216a3ffbeb28ff5655a7ef5790a12ab0b' },
  { name: 'Oracles', evalCode: EVAL.ORACLES, globalPubkey: '038c1d42db6a45a57eccb8981b078fb7857b9b496293fe299d2b8d120ac5b5691a' },
  { name: 'Payments', evalCode: EVAL.PAYMENTS, globalPubkey: '0358f1764f82c63abc7c7455555fd1d3184905e30e819e97667e247e5792b46856' },
  { name: 'Gateways', evalCode: EVAL.GATEWAYS, globalPubkey: '03ea9c062b9652d8eff34879b504eda0717895d27597aaeb60347d65eed96ccb40' },
  { name: 'Tokens', evalCode: EVAL.TOKENS, globalPubkey: '03e6191c70c9c9a28f9fd87089b9488d0e6c02fb629df64979c9cdb6b2b4a68d95',
    globalPrivkey: '1d0d0dce2dd2e19df5b626d5ada0f00add7a727d1735b5e32c6ca9a203164bcf' },
]

export function moduleByName(name: string): CCModuleKey {
  const m = CC_MODULES.find((x) => x.name === name)
  if (!m) throw new Error(`unknown CC module ${name}`)
  return m
}

export function moduleByEval(evalCode: number): CCModuleKey | undefined {
  return CC_MODULES.find((x) => x.evalCode === evalCode)
}

export const globalPubkeyOf = (m: CCModuleKey): Uint8Array => hexToBytes(m.globalPubkey)
