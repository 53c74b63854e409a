import { describe, expect, it } from 'vitest'
import { routeForSource } from '../../../.vuepress/plugins/sourceRoutes.ts'

describe('routeForSource', () => {
  it('serves docs/ at the root and locales/<lang>/ under /<lang>/', () => {
    expect(routeForSource('docs/README.md')).toBe('/')
    expect(routeForSource('docs/journeys/faucet.md')).toBe('/journeys/faucet.html')
    expect(routeForSource('docs/reference/README.md')).toBe('/reference/')
    expect(routeForSource('locales/zh/README.md')).toBe('/zh/')
    expect(routeForSource('locales/zh/journeys/faucet.md')).toBe('/zh/journeys/faucet.html')
  })

  it('leaves files outside docs/ and locales/ alone', () => {
    expect(routeForSource('README.md')).toBeNull()
    expect(routeForSource('test/fixtures/page.md')).toBeNull()
  })
})
