/** ensure_CCrequirements: a node without a -pubkey gets komodod's -1 errors from every CC RPC. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDevchainCore, type DevchainCore } from '../../../support/devchain.ts'

const MSG = 'to use CC contracts, you need to launch daemon with valid -pubkey= for an address in your wallet'
let dc: DevchainCore
beforeAll(async () => {
  dc = await createDevchainCore({ dataDir: null })
  dc.wallet('reader').pubkey = null
})
afterAll(async () => {
  await dc.close()
})

describe('CC RPCs without a node pubkey', () => {
  it.each([
    ['faucetaddress', [], `${MSG}. ERR=-1\n`],
    ['faucetget', [], `${MSG}\n`],
    ['faucetinfo', [], `${MSG}\n`],
    ['faucetfund', ['1'], `${MSG}\n`],
    ['tokenaddress', [], `${MSG}\n`],
    ['tokencreate', ['T', '1'], `${MSG}\n`],
    ['tokeninfo', ['00'], `${MSG}\n`],
    ['tokenlist', [], `${MSG}\n`],
    ['tokenbalance', ['00'], `${MSG}\n`],
    ['tokentransfer', ['00', '00', '1'], `${MSG}\n`],
  ])('%s → -1', async (method, params, message) => {
    await expect(dc.call('reader', method, params)).rejects.toMatchObject({ code: -1, message })
  })

  it('the usage check comes first, as in komodod', async () => {
    await expect(dc.call('reader', 'faucetget', ['x'])).rejects.toMatchObject({ code: -1, message: 'faucetget\n' })
  })
})
