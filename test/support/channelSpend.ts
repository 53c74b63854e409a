/**
 * A hand-signed spend of a channel for the Channels consensus tests: the channel's newest funds
 * output and the signer's marker, signed correctly by `node`, with the outputs and the OP_RETURN a
 * test chooses to get wrong.
 */
import type { DevchainCore } from '../../devchain/core.ts'
import type { TxOut } from '../../devchain/tx/transaction.ts'
import { finalizeCCTx } from '../../devchain/cc/cc-rpc.ts'
import { ccScript, makeCCcond1, makeCCcond1of2 } from '../../devchain/cc/condition.ts'
import { hexToBytes } from '../../devchain/cc/hashes.ts'
import { p2pk } from '../../devchain/tx/script.ts'
import { opReturnScript } from '../../protocol/opret.ts'
import { channelInputs, openOf } from '../../modules/channels/chain.ts'
import { encodeChannelsOpret, ZERO_ID, type ChannelsOpret } from '../../modules/channels/spec/opret.ts'

export interface ChannelSpendShape {
  /** The outputs, given the funds in the channel. */
  outputs(funds: number, o: { channel: (v: number) => TxOut; srcMarker: TxOut; destMarker: TxOut; toDest: (v: number) => TxOut; toSrc: (v: number) => TxOut }): TxOut[]
  opret: Omit<ChannelsOpret, 'tokenid' | 'srcpub' | 'destpub'>
}

export function handBuiltChannelSpend(core: DevchainCore, node: string, opentxid: string, shape: ChannelSpendShape): string {
  const wallet = core.wallet(node)
  const k = wallet.pubkeyKey!
  const { open } = openOf(core.ledger, opentxid)
  if (!open) throw new Error('no such channel')
  const inputs = channelInputs(core.ledger, opentxid, open, k.pubHex)
  if (!inputs) throw new Error('no channel inputs')
  const [src, dest] = [hexToBytes(open.srcpub), hexToBytes(open.destpub)]
  const marker = (pk: Uint8Array): TxOut => ({ value: 10_000, script: ccScript(makeCCcond1(0xeb, pk)) })
  const outputs = shape.outputs(inputs.funds, {
    channel: (v) => ({ value: v, script: ccScript(makeCCcond1of2(0xeb, src, dest)) }),
    srcMarker: marker(src), destMarker: marker(dest), toDest: (v) => ({ value: v, script: p2pk(dest) }), toSrc: (v) => ({ value: v, script: p2pk(src) }),
  })
  return finalizeCCTx({
    wallet, mypk: k.pub, normal: wallet.selectCoins(20_000)!,
    cc: [
      { coin: inputs.fundsCoin, condition: makeCCcond1of2(0xeb, src, dest), priv: k.priv },
      { coin: inputs.markerCoin, condition: makeCCcond1(0xeb, k.pub), priv: k.priv },
    ],
    outputs,
    opret: opReturnScript(encodeChannelsOpret({ ...shape.opret, srcpub: open.srcpub, destpub: open.destpub, tokenid: ZERO_ID })),
  }).hex
}
