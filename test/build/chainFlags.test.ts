/** The pages' start commands print the chain of deploy/chain.env, in every locale. */
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { chainArgs } from '../../server/chainEnv.ts'
import { sharedDist } from '../support/site.ts'

let dist: string
beforeAll(() => {
  dist = sharedDist()
})

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')

describe('chain flags in the pages', () => {
  it.each(['', 'zh/', 'es/', 'ru/'])('/%sjourneys/your-own-chain.html prints the flags of deploy/chain.env', (prefix) => {
    const page = text(fs.readFileSync(path.join(dist, prefix, 'journeys/your-own-chain.html'), 'utf8'))
    const flags = chainArgs({}).join(' ')
    expect(page).toContain(`komodod ${flags} -regtest -pubkey=<your pubkey>`)
    expect(page).toContain(`npm run chain -- ${flags}`)
    expect(page).not.toContain('%chain-flags%')
    expect(page).not.toContain('-ac_reward')
  })
})
