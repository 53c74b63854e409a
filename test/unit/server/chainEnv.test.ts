/** deploy/chain.env as komodod flags: the file's values, the environment's overrides, komodod's unset reward. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_ARGS } from '../../../devchain/chain/params.ts'
import { chainArgs, parseEnvFile } from '../../../server/chainEnv.ts'

const file = (text: string) => {
  const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kj-env-')), 'chain.env')
  fs.writeFileSync(f, text)
  return f
}

describe('chainArgs', () => {
  it('reads KEY=value lines, skipping comments and blanks', () => {
    expect(parseEnvFile('# c\nAC_NAME=X\n\n  AC_CC=2  \n#AC_SUPPLY=9\nnot a line\n')).toEqual({ AC_NAME: 'X', AC_CC: '2' })
  })

  it('turns the file into flags in komodod order; the environment overrides it key by key', () => {
    const f = file('AC_CC=2\nAC_NAME=RT1\nAC_SUPPLY=1000\nAC_REWARD=\n')
    expect(chainArgs({}, f)).toEqual(['-ac_name=RT1', '-ac_supply=1000', '-ac_cc=2'])
    expect(chainArgs({ AC_SUPPLY: '77', AC_REWARD: '100000000' }, f)).toEqual(['-ac_name=RT1', '-ac_supply=77', '-ac_reward=100000000', '-ac_cc=2'])
  })

  it('leaves a reward of 0 unset, as komodod does', () => {
    expect(chainArgs({}, file('AC_NAME=A\nAC_REWARD=0\n'))).toEqual(['-ac_name=A'])
  })

  it('the shipped file describes the chain the devchain starts by default', () => {
    expect(chainArgs({})).toEqual(DEFAULT_ARGS)
  })
})
