import { describe, expect, it } from 'vitest'
import { releaseSfcMemory } from '../../../.vuepress/bundler/releaseSfcMemory.ts'

const SOURCE = '<template><p>{{ n }}</p></template>\n<script setup lang="ts">\nconst n = 1\n</script>\n'
type Hook = (this: unknown) => void
const call = (hook: unknown) => (hook as Hook).call({})

function compile(building: boolean) {
  const { compiler, plugin } = releaseSfcMemory(2)
  if (building) call(plugin.configResolved)
  const { descriptor } = compiler.parse(SOURCE, { filename: `/pages/${building}.vue` })
  const script = compiler.compileScript(descriptor, { id: 'x' })
  return { descriptor, script, closeBundle: () => call(plugin.closeBundle) }
}

describe('releaseSfcMemory', () => {
  it('keeps the ASTs until both the client and the server build have closed', () => {
    const { descriptor, script, closeBundle } = compile(true)
    expect(descriptor.template?.ast).toBeDefined()
    expect(script.scriptSetupAst).toBeDefined()
    closeBundle()
    expect(descriptor.template?.ast).toBeDefined()
    closeBundle()
    expect(descriptor.template?.ast).toBeUndefined()
    expect(script.scriptSetupAst).toBeUndefined()
  })

  it('leaves the compiler output alone outside a build (dev keeps its descriptors for HMR)', () => {
    const { descriptor, closeBundle } = compile(false)
    closeBundle()
    closeBundle()
    expect(descriptor.template?.ast).toBeDefined()
  })
})
