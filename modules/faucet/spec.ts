/**
 * The Faucet CC module (eval 0xe4), isomorphic part: keys, OP_RETURN codec, catalog entries,
 * result types and English strings. After komodod's src/cc/faucet.cpp and reference §4; the keys are
 * the public constants of src/cc/CCcustom.cpp. The rules (FaucetValidate, faucetfund/faucetget)
 * are in rules.ts, loaded by the engine only.
 */
import { p, type MethodSpec } from '../../protocol/methodSpec.ts'
import { EVAL } from '../../protocol/evalCodes.ts'
import { defineModule, type DecodedOpReturn } from '../../protocol/module.ts'
import type { CcSuccess, HexResult } from '../../protocol/types.ts'
import { FAUCET_STRINGS } from './spec/strings.ts'

export const FAUCET_FUNCID_GET = 0x47 // 'G'

/** faucetget's OP_RETURN payload: `e4 'G' <int32 LE nonce>` (the nonce the txid proof-of-work found). */
export function encodeFaucetGet(nonce: number): Uint8Array {
  const n = nonce >>> 0
  return Uint8Array.of(EVAL.FAUCET, FAUCET_FUNCID_GET, n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff)
}

export function decodeFaucetGet(payload: Uint8Array): { nonce: number } | null {
  if (payload.length !== 6 || payload[0] !== EVAL.FAUCET || payload[1] !== FAUCET_FUNCID_GET) return null
  return { nonce: (payload[2] | (payload[3] << 8) | (payload[4] << 16) | (payload[5] << 24)) >>> 0 }
}

/** faucetinfo's reply; funding is a string with 8 decimals. */
export interface FaucetInfo extends CcSuccess {
  name: string
  funding: string
}

declare module '../../protocol/types.ts' {
  interface ResultOf {
    faucetfund: HexResult
    faucetget: HexResult
    faucetinfo: FaucetInfo
    devchain_resetidentity: { node: string; address: string; pubkey: string }
  }
}

const methods: readonly MethodSpec[] = [
  { name: 'faucetaddress', category: 'faucet', safety: 'cc-info', softErrors: true, summary: 'Faucet CC addresses and balances, global and yours.',
    params: [p('pubkey', 'string', 'Also show the CC address of this pubkey.', { optional: true, format: 'pubkey' })],
    result: 'object: result, FaucetCCAddress, FaucetCCBalance, FaucetNormalAddress, FaucetNormalBalance, FaucetCCTokensAddress, …' },
  { name: 'faucetinfo', category: 'faucet', safety: 'cc-info', softErrors: true, summary: 'Coins available in the faucet.',
    params: [], result: 'object: result, name, funding (string)' },
  { name: 'faucetfund', category: 'faucet', safety: 'cc-build', softErrors: true, summary: 'Build a transaction that locks coins in the faucet.',
    params: [p('amount', 'string', 'Coins to lock, as a string.', { format: 'coins', example: '10' })],
    result: 'object: result, hex (not broadcast)' },
  // komodod's FaucetGet tries up to 1,000,000 nonces before it answers (src/cc/faucet.cpp): a slow
  // machine needs minutes, so every caller waits up to 3 minutes for it.
  { name: 'faucetget', category: 'faucet', safety: 'cc-build', softErrors: true, summary: 'Build a 0.1-coin claim for this node (txid proof-of-work).',
    params: [], result: 'object: result, hex (not broadcast)', timeoutMs: 180_000 },
  { name: 'devchain_jobs', category: 'devchain', safety: 'devchain', devchainOnly: true,
    summary: 'Progress of faucetget proof-of-work searches (tries, elapsed) and the reasons of recent CC rejections.',
    params: [], result: 'object: jobs [{id, kind, node, state, tries, expectedTries, maxTries, startedAt, elapsedMs, txid}], rejects [{txid, module, reason}]' },
  { name: 'devchain_resetidentity', category: 'devchain', safety: 'devchain', devchainOnly: true,
    summary: 'Give a node a fresh key with no history (repeat the faucet journey).',
    params: [p('node', 'string', 'Node name; only "reader" by default.', { optional: true, example: 'reader' })],
    result: 'object: node, address, pubkey' },
]

export const faucet = defineModule({
  id: 'faucet',
  name: 'Faucet',
  evalCode: EVAL.FAUCET,
  category: 'faucet',
  globalPubkey: '03682b255c40d0cde8faee381a1a50bbb89980ff24539cb8518e294d3a63cefe12',
  globalPrivkey: 'd44ff231717d28024bc7dd71a039c4be1afeebc246da76f807533d96b4caa0e9',
  globalAddress: 'R9zHrofhRbub7ER77B7NrVch3A63R39GuC',
  methods,
  reference: {
    title: 'Faucet CC',
    intro: 'The Faucet Custom Consensus module (eval code 0xe4): lock coins, claim 0.1 coin per fresh address.',
  },
  panels: ['FaucetPanel'],
  strings: { faucet: FAUCET_STRINGS },
  decodeOpReturn(payload: Uint8Array): DecodedOpReturn | null {
    const d = decodeFaucetGet(payload)
    return d && { module: 'Faucet', evalCode: EVAL.FAUCET, kind: 'claim', nonce: d.nonce }
  },
  viewOpReturn: (d: DecodedOpReturn) => (d.kind === 'claim' ? { summary: { key: 'faucet.tx.claim', values: { nonce: Number(d.nonce) } } } : null),
})
