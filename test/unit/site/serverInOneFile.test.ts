import type { ConfigEnv, UserConfig } from 'vite'
import { describe, expect, it } from 'vitest'
import { serverInOneFile } from '../../../.vuepress/bundler/serverInOneFile.ts'

// As VuePress builds: its own config hook sets `build.ssr` before ours runs, and Vite's `isSsrBuild` stays false.
const configFor = (ssr: boolean) => {
  const hook = serverInOneFile().config as (config: UserConfig, env: ConfigEnv) => UserConfig | undefined
  return hook({ build: { ssr } }, { command: 'build', mode: 'production', isSsrBuild: false })
}

describe('server bundle in one file', () => {
  it('turns code splitting off for the server build', () => {
    expect(configFor(true)).toEqual({ build: { rolldownOptions: { output: { codeSplitting: false } } } })
  })

  it('leaves the client build\'s chunks alone: a page loads only its own', () => {
    expect(configFor(false)).toBeUndefined()
  })
})
