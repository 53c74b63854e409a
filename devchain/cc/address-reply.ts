/**
 * komodod's generic `<module>address [pubkey]` reply (CCaddress in rpcwallet.cpp), keys in its
 * order: global CC and normal addresses with balances, `<Name>CCTokensAddress` for modules other
 * than Tokens (Channels and Heir given a pubkey show `<Name>CC1of2Address` and
 * `<Name>CC1of2TokensAddress` of this node and that pubkey instead), the given pubkey's CC address,
 * the node's own CC address and P2PK address.
 */
import { Amount } from '../rpc/amount.ts'
import type { CcContext } from '../modules.ts'
import { ccAddress, ccAddressOfScript, ccScript, ccTokensAddress, makeCCcond1of2, makeTokensCCcond1of2 } from './condition.ts'
import { EVAL } from '../../protocol/evalCodes.ts'
import { hexToBytes, pubkeyAddress } from './hashes.ts'
import { ccBalance, checkCount, ensureCC, normalBalance, requireString } from './cc-rpc.ts'

/** The module identity the reply needs (a module spec has it: protocol/module.ts). */
export interface CcModuleKey {
  name: string
  evalCode: number
  globalPubkey: string
}

export function ccAddressReply(ctx: CcContext, m: CcModuleKey, params: unknown[], requirementsVariant: 'plain' | 'err'): Record<string, unknown> {
  const lower = m.name.toLowerCase()
  checkCount(params, 0, 1, `${lower}address [pubkey]`)
  const { pubkey: mypk } = ensureCC(ctx, requirementsVariant)
  let given: Uint8Array | null = null
  if (params.length === 1) {
    // komodod shows the Pubkey… keys for any parameter whose hex parses to exactly 33 bytes.
    const hex = requireString(params, 0)
    given = /^[0-9a-fA-F]{66}$/.test(hex) ? hexToBytes(hex) : null
  }
  const L = ctx.chain.ledger
  const gpk = hexToBytes(m.globalPubkey)
  const n = m.name
  const out: Record<string, unknown> = { result: 'success' }
  const globalCC = ccAddress(m.evalCode, gpk)
  out[`${n}CCAddress`] = globalCC
  out[`${n}CCBalance`] = new Amount(ccBalance(L, globalCC))
  const normal = pubkeyAddress(gpk)
  out[`${n}NormalAddress`] = normal
  out[`${n}NormalBalance`] = new Amount(normalBalance(L, normal))
  if ((m.evalCode === EVAL.CHANNELS || m.evalCode === EVAL.HEIR) && given) {
    // The two-party modules show where a plan between this node and `given` would live instead.
    out[`${n}CC1of2Address`] = ccAddressOfScript(ccScript(makeCCcond1of2(m.evalCode, mypk, given)))
    out[`${n}CC1of2TokensAddress`] = ccAddressOfScript(ccScript(makeTokensCCcond1of2(m.evalCode, mypk, given)))
  } else if (m.evalCode !== EVAL.TOKENS) out[`${n}CCTokensAddress`] = ccTokensAddress(m.evalCode, gpk)
  if (given) {
    const a = ccAddress(m.evalCode, given)
    out[`PubkeyCCaddress(${n})`] = a
    out[`PubkeyCCbalance(${n})`] = new Amount(ccBalance(L, a))
  }
  const mine = ccAddress(m.evalCode, mypk)
  out[`myCCAddress(${n})`] = mine
  out[`myCCbalance(${n})`] = new Amount(ccBalance(L, mine))
  const myaddr = pubkeyAddress(mypk)
  out.myaddress = myaddr
  out.mybalance = new Amount(normalBalance(L, myaddr))
  return out
}
