/** CC modules the devchain loads at start: Faucet (0xe4) and Tokens (0xf2). */
import type { CcModule } from '../modules.ts'
import { faucetModule } from './faucet.ts'
import { tokensModule } from './tokens.ts'
import { ccDevchainRpc, ccDevchainUsage } from './devchain-methods.ts'

// The devchain-only CC methods ride on the Faucet module; help skips devchain_* names.
const faucetWithDevchain: CcModule = {
  ...faucetModule,
  rpc: { ...faucetModule.rpc, ...ccDevchainRpc },
  usage: { ...faucetModule.usage, ...ccDevchainUsage },
}

export const ccModules: CcModule[] = [faucetWithDevchain, tokensModule]

export { faucetModule, tokensModule }
export { listPowJobs, type PowJob } from './faucet-pow.ts'
export { ccAddress, ccTokensAddress, describeCCScript } from './condition.ts'
