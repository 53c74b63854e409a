/**
 * The Assets module as the engine runs it: its RPCs (komodod registers them in the `tokens` help
 * category, src/rpc/server.cpp), its consensus check on every transaction that spends an Assets
 * output, and the script check of those inputs. tokenswapask/tokenfillswap are left out: komodod's
 * registrations are commented out, so they answer -32601 (reference §11.8).
 */
import type { CcModule } from '../../devchain/modules.ts'
import { SCRIPT_FALSE } from '../../devchain/chain/errors.ts'
import { ccAddressReply } from '../../devchain/cc/address-reply.ts'
import { recordReject } from '../../devchain/cc/rejects.ts'
import { inputsWithEval, verifySpendFor } from '../../devchain/cc/spend.ts'
import { assets, EVAL_ASSETS } from './spec.ts'
import { tokenask, tokenbid, tokencancelask, tokencancelbid, tokenfillask, tokenfillbid } from './builders.ts'
import { mytokenorders, tokenorders } from './orders.ts'
import { assetsRejectReason } from './validate.ts'

export const rules: CcModule = {
  evalCode: EVAL_ASSETS,
  name: 'Assets',
  category: 'tokens',
  rpc: {
    assetsaddress: (ctx, p) => ccAddressReply(ctx, assets, p, 'plain'),
    tokenorders, mytokenorders, tokenask, tokenbid, tokenfillask, tokenfillbid, tokencancelask, tokencancelbid,
  },
  usage: {
    assetsaddress: 'assetsaddress [pubkey]', tokenorders: 'tokenorders [tokenid]', mytokenorders: 'mytokenorders [evalcode]',
    tokenask: 'tokenask numtokens tokenid price', tokenbid: 'tokenbid numtokens tokenid price',
    tokenfillask: 'tokenfillask tokenid asktxid fillunits', tokenfillbid: 'tokenfillbid tokenid bidtxid fillamount',
    tokencancelask: 'tokencancelask tokenid asktxid', tokencancelbid: 'tokencancelbid tokenid bidtxid',
  },
  validate(tx, vctx) {
    // komodod runs AssetsValidate for each input whose condition carries eval 0xe3.
    if (inputsWithEval(tx, vctx.spent, EVAL_ASSETS).length === 0) return null
    const reason = assetsRejectReason(tx, vctx)
    if (reason) recordReject({ txid: vctx.txid, module: 'Assets', reason })
    return reason ? SCRIPT_FALSE : null
  },
  verifySpend: (tx, i, coin) => verifySpendFor(EVAL_ASSETS, tx, i, coin),
}
