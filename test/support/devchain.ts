/**
 * The devchain with the registered CC modules, as the composition roots start it (server/chain/cli.ts,
 * the gateway): tests that exercise Faucet or Tokens, or compare with komodod's full method list,
 * start their chain here rather than from devchain/index.ts, whose engine knows no module.
 */
import { createDevchain as createBare, createDevchainCore as createBareCore, type DevchainOptions } from '../../devchain/index.ts'
import { loadModuleRules } from '../../modules/loadRules.ts'

export type { Devchain, DevchainCore } from '../../devchain/index.ts'

export async function createDevchain(opts: DevchainOptions = {}) {
  return createBare({ modules: await loadModuleRules(), ...opts })
}

export async function createDevchainCore(opts: DevchainOptions = {}) {
  return createBareCore({ modules: await loadModuleRules(), ...opts })
}
