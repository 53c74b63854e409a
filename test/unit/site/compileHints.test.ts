import type { ConfigEnv, UserConfig } from 'vite'
import { describe, expect, it } from 'vitest'
import { COMPILE_HINT, compileHints } from '../../../.vuepress/bundler/compileHints.ts'

// As VuePress builds: its own config hook sets `build.ssr` before ours runs, and Vite's `isSsrBuild` stays false.
const configFor = (ssr: boolean) => {
  const hook = compileHints().config as (config: UserConfig, env: ConfigEnv) => UserConfig | undefined
  return hook({ build: { ssr } }, { command: 'build', mode: 'production', isSsrBuild: false })
}

describe('compile hints', () => {
  it('has Rolldown write the hint above each client chunk, after minification', () => {
    expect(COMPILE_HINT).toBe('//# allFunctionsCalledOnLoad')
    expect(configFor(false)).toEqual({ build: { rolldownOptions: { output: { postBanner: COMPILE_HINT } } } })
  })

  it('leaves the server build alone', () => {
    expect(configFor(true)).toBeUndefined()
  })
})
