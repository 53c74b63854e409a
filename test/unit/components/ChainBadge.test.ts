// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ChainBadge from '../../../components/ChainBadge.vue'

describe('ChainBadge', () => {
  it('renders its label and chain as text', () => {
    const w = mount(ChainBadge, { props: { label: '<b>Chain</b>', chain: 'RT1' } })
    expect(w.text()).toBe('<b>Chain</b>: RT1')
    expect(w.find('b').exists()).toBe(false)
    expect(w.attributes('data-chain')).toBe('RT1')
  })

  it('defaults to the DOCS chain', () => {
    expect(mount(ChainBadge, { props: { label: 'Chain' } }).text()).toBe('Chain: DOCS')
  })
})
