/**
 * The registry contract (modules/index.ts): every registered module's spec and rules agree, its keys
 * derive its global address, and the folder holds the panels the spec names. A new module that
 * forgets a piece fails here before anything else.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { secp256k1 } from '@noble/curves/secp256k1.js'
import { MODULES } from '../../../modules/registry.ts'
import { loadModuleRules } from '../../../modules/loadRules.ts'
import { METHODS } from '../../../modules/catalog.ts'
import { ccAddress } from '../../../devchain/cc/condition.ts'
import { bytesToHex, hexToBytes } from '../../../devchain/cc/hashes.ts'
import { EVAL_NAMES } from '../../../protocol/evalCodes.ts'

const ROOT = path.resolve(import.meta.dirname, '../../..')

describe('module registry', () => {
  it('lists Faucet and Tokens, one folder each', () => {
    expect(MODULES.map((m) => m.id)).toEqual(expect.arrayContaining(['faucet', 'tokens']))
    for (const m of MODULES) expect(fs.existsSync(path.join(ROOT, 'modules', m.id, 'spec.ts')), m.id).toBe(true)
  })

  it.each(MODULES.map((m) => [m.id, m] as const))('%s: keys, eval code and global address agree', (_id, m) => {
    expect(EVAL_NAMES[m.evalCode]).toBe(m.name)
    expect(ccAddress(m.evalCode, hexToBytes(m.globalPubkey))).toBe(m.globalAddress)
    if (m.globalPrivkey) expect(bytesToHex(secp256k1.getPublicKey(hexToBytes(m.globalPrivkey), true))).toBe(m.globalPubkey)
  })

  it('rules implement exactly the methods each spec puts in the catalog', async () => {
    const rules = await loadModuleRules()
    expect(rules.map((r) => r.evalCode)).toEqual(MODULES.map((m) => m.evalCode))
    MODULES.forEach((m, i) => {
      expect(rules[i].name).toBe(m.name)
      expect(Object.keys(rules[i].rpc).sort(), m.id).toEqual(m.methods.map((x) => x.name).sort())
    })
  })

  it('each catalog method belongs to the core or to exactly one module', () => {
    const names = METHODS.map((m) => m.name)
    expect(new Set(names).size).toBe(names.length)
  })

  it('the panel files in module folders are exactly the panels the specs name (client.ts registers the files)', () => {
    const files = fs.readdirSync(path.join(ROOT, 'modules'), { withFileTypes: true }).filter((d) => d.isDirectory())
      .flatMap((d) => fs.readdirSync(path.join(ROOT, 'modules', d.name)).filter((f) => f.endsWith('.vue')).map((f) => `${d.name}/${f.slice(0, -4)}`))
    expect(files.sort()).toEqual(MODULES.flatMap((m) => m.panels.map((p) => `${m.id}/${p}`)).sort())
  })
})
