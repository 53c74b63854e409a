/**
 * The Rewards methods through the gateway's profiles: the reads pass everywhere, the four builders
 * (they spend the node's wallet, or sign the pool's outputs with the module's public key) only on
 * your own machine.
 */
import { describe, expect, it } from 'vitest'
import { createPolicy } from '../../../../server/gateway/policy.ts'

const READS = ['rewardsaddress', 'rewardsinfo', 'rewardslist']
const BUILDERS = ['rewardscreatefunding', 'rewardsaddfunding', 'rewardslock', 'rewardsunlock']

describe('Rewards in the gateway profiles', () => {
  it('public: reads pass, builders are refused', () => {
    for (const devchain of [true, false]) {
      const pub = createPolicy({ profile: 'public', devchain })
      for (const m of READS) expect(pub.check(m), m).toBeUndefined()
      for (const m of BUILDERS) expect(pub.check(m), m).toEqual({ code: -32601, message: 'Method not allowed by gateway profile "public"', status: 403 })
    }
  })
  it('local: every Rewards method passes', () => {
    const local = createPolicy({ profile: 'local', devchain: false })
    for (const m of [...READS, ...BUILDERS]) expect(local.check(m), m).toBeUndefined()
  })
})
