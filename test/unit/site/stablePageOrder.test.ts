import type { App, Page, PluginObject } from 'vuepress/core'
import { describe, expect, it } from 'vitest'
import { stablePageOrderPlugin } from '../../../.vuepress/plugins/stablePageOrder.ts'

const ordered = (paths: string[]): string[] => {
  const app = { pages: paths.map((path) => ({ path }) as Page) } as App
  ;((stablePageOrderPlugin() as PluginObject).onInitialized as (app: App) => void)(app)
  return app.pages.map((p) => p.path)
}

describe('stablePageOrderPlugin', () => {
  it('gives the pages one order, whatever order they were found in', () => {
    const paths = ['/zh/journeys/faucet.html', '/', '/journeys/', '/404.html', '/journeys/faucet.html', '/es/', '/zh/']
    const sorted = ordered(paths)
    expect(sorted).toEqual(['/', '/404.html', '/es/', '/journeys/', '/journeys/faucet.html', '/zh/', '/zh/journeys/faucet.html'])
    expect(ordered([...paths].reverse())).toEqual(sorted)
  })
})
