/** The devchain implements every non-CC method of the shared catalog (protocol/catalog.ts). */
import { describe, it, expect } from 'vitest'
import { METHODS } from '../../../modules/catalog.ts'
import { createDevchain } from '../../support/devchain.ts'
import { RpcError } from '../../../protocol/jsonrpc.ts'

// CC modules, devchain_resetidentity and devchain_jobs belong to the CC engineer's modules.
const ccOwned = (name: string, category: string) => category === 'faucet' || category === 'tokens' || name === 'devchain_resetidentity' || name === 'devchain_jobs'

describe('catalog coverage', () => {
  it('knows every core catalog method (no -32601)', async () => {
    const chain = await createDevchain({ dataDir: null })
    const missing: string[] = []
    for (const m of METHODS) {
      // 'never' methods (key dumps, peer control…) are denied by every gateway profile: not implemented.
      if (ccOwned(m.name, m.category) || m.safety === 'never') continue
      const params = m.params.filter((p) => !p.optional && p.example !== undefined).map((p) => p.example)
      try {
        await chain.call('miner', m.name, params)
      } catch (e) {
        if (e instanceof RpcError && e.code === -32601) missing.push(m.name)
      }
    }
    expect(missing).toEqual([])
    await chain.close()
  })
})
