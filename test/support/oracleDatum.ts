/**
 * A hand-signed Oracles datum for the consensus tests: the miner's baton and one of its
 * subscription outputs spent, signed correctly, with the outputs a test chooses to get wrong.
 */
import type { DevchainCore } from '../../devchain/core.ts'
import { finalizeCCTx } from '../../devchain/cc/cc-rpc.ts'
import { ccAddress, ccScript, makeCCcond1 } from '../../devchain/cc/condition.ts'
import { opReturnScript } from '../../protocol/opret.ts'
import { hexToBytes } from '../../devchain/cc/hashes.ts'
import { p2pk } from '../../devchain/tx/script.ts'
import { batonKey } from '../../modules/oracles/rules.ts'
import { encodeOracleData } from '../../modules/oracles/spec/opret.ts'

export interface DatumShape {
  /** CC change back to the publisher, given the subscription output's value. */
  change(subscription: number): number
  /** The data fee paid to the publisher's normal address (vout.2). */
  fee: number
  /** Send the next baton to the publisher's own CC address instead of the baton address. */
  batonToPublisher?: boolean
  /** Wallet coins to cover the rest (one coin ≥ this). */
  normal?: number
}

export function handBuiltDatum(core: DevchainCore, oracle: string, shape: DatumShape): string {
  const wallet = core.wallet('miner')
  const k = wallet.pubkeyKey!
  const b = batonKey(k.priv)
  const L = core.ledger
  const batonCoin = [...L.ccUtxos.get(b.address)!.values()][0]
  const sub = [...L.ccUtxos.get(ccAddress(0xec, k.pub))!.values()].find((c) => c.value >= 2_000_000)!
  const mine = ccScript(makeCCcond1(0xec, k.pub))
  const data = hexToBytes('034b4d440100000000000000')
  return finalizeCCTx({
    wallet, mypk: k.pub, normal: wallet.selectCoins(shape.normal ?? 20_000)!,
    cc: [{ coin: batonCoin, condition: makeCCcond1(0xec, b.pub), priv: b.priv }, { coin: sub, condition: makeCCcond1(0xec, k.pub), priv: k.priv }],
    outputs: [
      { value: shape.change(sub.value), script: mine },
      { value: 10_000, script: shape.batonToPublisher ? mine : ccScript(makeCCcond1(0xec, b.pub)) },
      { value: shape.fee, script: p2pk(k.pub) },
    ],
    opret: opReturnScript(encodeOracleData({ oracletxid: oracle, batontxid: batonCoin.txid, publisher: k.pubHex, data })),
  }).hex
}
