// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import FaucetPanel from '../../../modules/faucet/FaucetPanel.vue'
import TokenPanel from '../../../modules/tokens/TokenPanel.vue'
import { fakeChain } from '../components/fakeChain.ts'

afterEach(() => vi.unstubAllGlobals())

const reader = '03' + 'cd'.repeat(32)

describe('FaucetPanel', () => {
  it('funds from the miner and claims on the reader, each built then broadcast', async () => {
    const { seen } = fakeChain({
      faucetinfo: () => ({ result: 'success', name: 'Faucet', funding: '10.00000000' }),
      faucetfund: (p) => ({ result: 'success', hex: `f0${p[0]}` }),
      faucetget: () => ({ result: 'success', hex: 'c1a1' }),
      sendrawtransaction: (p) => `txid-of-${p[0]}`,
    })
    const w = mount(FaucetPanel)
    await flushPromises()
    expect(w.find('[data-field="funding"]').text()).toBe('10.00000000 coins available')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(w.find('[data-field="fund-txid"]').text()).toBe('txid-of-f010')
    await w.findAll('button').find((b) => b.text() === 'Claim 0.1 coin')!.trigger('click')
    await flushPromises()
    expect(w.find('[data-field="claim-txid"]').text()).toBe('txid-of-c1a1')
    const claimCalls = seen.filter((c) => c.method === 'faucetget' || c.params[0] === 'c1a1')
    expect(claimCalls.map((c) => c.url)).toEqual(['/rpc/reader', '/rpc/reader'])
  })

  it('shows the proof-of-work progress the devchain reports while the reader claims', async () => {
    let release: (v: unknown) => void = () => {}
    fakeChain({
      faucetinfo: () => ({ result: 'success', funding: '10.00000000' }),
      faucetget: () => new Promise((r) => (release = r)),
      devchain_jobs: () => ({ jobs: [{ kind: 'faucetget', node: 'reader', state: 'running', tries: 30000, expectedTries: 65536 }], rejects: [] }),
      sendrawtransaction: () => 'ee'.repeat(32),
    })
    const w = mount(FaucetPanel)
    await flushPromises()
    await w.findAll('button').find((b) => b.text() === 'Claim 0.1 coin')!.trigger('click')
    await vi.waitFor(() => expect(w.find('progress').attributes('value')).toBe('30000'))
    expect(w.find('progress').attributes('max')).toBe('65536')
    expect(w.find('.kj-progress-block [role="status"]').text()).toContain('30000 attempts of about 65536 expected')
    release({ result: 'success', hex: 'abcd' })
    await vi.waitFor(() => expect(w.find('[data-field="claim-txid"]').exists()).toBe(true))
    expect(w.find('progress').exists()).toBe(false)
  })

  it('shows the module refusal in words', async () => {
    fakeChain({ faucetinfo: () => ({ result: 'success', funding: '0' }), faucetget: () => ({ result: 'error', error: 'couldnt create faucet get transaction' }) })
    const w = mount(FaucetPanel)
    await flushPromises()
    await w.findAll('button').find((b) => b.text() === 'Claim 0.1 coin')!.trigger('click')
    await flushPromises()
    expect(w.find('[role="alert"]').text()).toBe('The module refused: couldnt create faucet get transaction')
  })
})

describe('TokenPanel', () => {
  it('creates, transfers to the reader and reads balances, names as text', async () => {
    const evil = '<img src=x onerror=alert(1)>'
    const tokenid = 'ab'.repeat(32)
    const owner = '02' + 'ef'.repeat(32)
    const { seen } = fakeChain({
      getinfo: () => ({ pubkey: reader }),
      tokencreate: () => ({ result: 'success', hex: 'c0ea7e' }),
      tokentransfer: () => ({ result: 'success', hex: '7a5f' }),
      sendrawtransaction: (p) => (p[0] === 'c0ea7e' ? tokenid : 'cd'.repeat(32)),
      tokeninfo: () => ({ result: 'success', tokenid, owner, name: evil, supply: 100000, description: evil }),
      tokenbalance: (p) => ({ result: 'success', CCaddress: 'R', tokenid, balance: p[1] === owner ? 99000 : 1000 }),
    })
    const w = mount(TokenPanel)
    await flushPromises()
    const inputs = w.findAll('input')
    await inputs[0].setValue(evil)
    await w.findAll('form')[0].trigger('submit')
    await flushPromises()
    expect(seen.find((c) => c.method === 'tokencreate')!.params).toEqual([evil, '0.001', 'A token made in the docs'])
    expect(w.find('[data-field="tokenid"]').text()).toBe(tokenid)
    expect((inputs[4].element as HTMLInputElement).value).toBe(reader)
    await w.findAll('form')[1].trigger('submit')
    await flushPromises()
    expect(seen.find((c) => c.method === 'tokentransfer')!.params).toEqual([tokenid, reader, '1000'])
    await w.findAll('button').find((b) => b.text() === 'Refresh')!.trigger('click')
    await flushPromises()
    expect(w.find('[data-field="token-name"]').text()).toBe(evil)
    expect(w.find('img').exists()).toBe(false)
    expect(w.findAll('[data-field="balance"]').map((b) => b.text())).toEqual(['99000', '1000'])
  })

  it('checks its fields before building anything', async () => {
    const { seen } = fakeChain({ getinfo: () => ({}) })
    const w = mount(TokenPanel)
    await flushPromises()
    await w.findAll('input')[1].setValue('1.123456789')
    await w.findAll('form')[0].trigger('submit')
    await w.findAll('form')[1].trigger('submit')
    expect(seen.filter((c) => c.method !== 'getinfo')).toHaveLength(0)
    await flushPromises()
    expect(w.findAll('[aria-invalid="true"]').map((x) => x.attributes('id')!.split('-').pop())).toEqual(['supply', 'tokenid', 'dest'])
  })
})
