/**
 * Result shapes the journeys and components read, per method (reference §2.1, §4, §5).
 * Only the fields we use are typed; komodod returns more.
 */

export interface CcSuccess {
  result: 'success'
}

export interface HexResult extends CcSuccess {
  hex: string
}

export interface ScriptPubKey {
  asm: string
  hex: string
  reqSigs?: number
  type: string
  addresses?: string[]
}

export interface TxVin {
  coinbase?: string
  txid?: string
  vout?: number
  scriptSig?: { asm: string; hex: string }
  address?: string
  value?: number
  sequence?: number
}

export interface TxVout {
  value: number
  valueSat?: number
  valueZat?: number
  n: number
  scriptPubKey: ScriptPubKey
}

export interface DecodedTx {
  txid: string
  hex?: string
  version: number
  locktime: number
  vin: TxVin[]
  vout: TxVout[]
  blockhash?: string
  height?: number
  confirmations?: number
  time?: number
}

export interface BlockInfo {
  hash: string
  confirmations: number
  height: number
  time: number
  tx: (string | DecodedTx)[]
  previousblockhash?: string
  nextblockhash?: string
  size?: number
  merkleroot?: string
  difficulty?: number
}

export interface GetInfo {
  version: number
  blocks: number
  tiptime?: number
  name: string
  rpcport: number
  p2pport?: number
  pubkey?: string
  balance?: number
  connections?: number
}

/** devchain_checkpoint / devchain_rewind: a checkpoint is a log offset, as a string. */
export interface DevchainCheckpoint {
  checkpoint: string
  height: number
  bestblockhash: string
}

export interface DevchainInfo {
  kind: string
  chain?: Record<string, unknown>
  nodes?: unknown
  mining?: { mode?: string; seconds?: number } | string
  capabilities?: unknown
}

/**
 * Typed results by method; anything else is `unknown`. A CC module's spec adds its own entries by
 * declaration merging (`declare module '../../protocol/types.ts' { interface ResultOf { … } }`).
 */
export interface ResultOf {
  getinfo: GetInfo
  getblockcount: number
  getbestblockhash: string
  getblockhash: string
  getblock: BlockInfo
  getrawtransaction: DecodedTx
  decoderawtransaction: DecodedTx
  sendrawtransaction: string
  generate: string[]
  getnewaddress: string
  sendtoaddress: string
  devchain_info: DevchainInfo
  devchain_setmining: { mode: string; seconds?: number }
  devchain_checkpoint: DevchainCheckpoint
  devchain_rewind: DevchainCheckpoint
}

export type MethodResult<M extends string> = M extends keyof ResultOf ? ResultOf[M] : unknown
