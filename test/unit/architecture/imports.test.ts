/**
 * The import direction of the house (DESIGN.md's table), enforced by dependency-cruiser with the
 * rules in .dependency-cruiser.cjs: the sources must have no violation, and a fixture tree that
 * breaks each rule must be caught, so the check can fail.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cruise, type IConfiguration, type IViolation } from 'dependency-cruiser'

const ROOT = path.resolve(import.meta.dirname, '../../..')
const config = createRequire(import.meta.url)(path.join(ROOT, '.dependency-cruiser.cjs')) as IConfiguration

async function violations(baseDir: string, dirs: string[]): Promise<IViolation[]> {
  const result = await cruise(dirs, { ...config.options, ruleSet: { forbidden: config.forbidden }, validate: true, baseDir })
  if (typeof result.output === 'string') throw new Error('dependency-cruiser gave text, not a result')
  return result.output.summary.violations
}

const show = (v: IViolation): string => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name).join(' → ')})` : ''}`

describe('import direction', () => {
  it('the sources follow the house rules, with no circles (type-only included)', async () => {
    const found = await violations(ROOT, ['protocol', 'devchain', 'modules', 'components', 'server', '.vuepress'])
    expect(found.map(show)).toEqual([])
  }, 120_000)

  it('catches each kind of violation in a fixture tree', async () => {
    const found = await violations(path.join(import.meta.dirname, 'fixture'), ['protocol', 'devchain', 'modules', 'components'])
    const pairs = found.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)
    expect(pairs).toEqual(expect.arrayContaining([
      'protocol-imports-nothing-of-ours: protocol/leak.ts → devchain/engine.ts',
      'devchain-imports-protocol-only: devchain/engine.ts → modules/widget/rules.ts',
      'spec-imports-protocol-only: modules/widget/spec.ts → devchain/engine.ts',
      'components-import-protocol-and-specs: components/Gadget.ts → modules/widget/rules.ts',
    ]))
    expect(found.some((v) => v.rule.name === 'no-circular' && v.from === 'devchain/engine.ts')).toBe(true)
  }, 120_000)
})
