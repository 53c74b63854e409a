/** The catalog as OpenRPC: valid against the OpenRPC meta-schema, and faithful to the catalog it comes from. */
import { validateOpenRPCDocument } from '@open-rpc/schema-utils-js'
import { describe, expect, it } from 'vitest'
import { METHODS } from '../../../modules/catalog.ts'
import { toOpenRpc } from '../../../protocol/openrpc.ts'

const doc = toOpenRpc(METHODS, { title: 'test', version: '0.0.0' })
type Method = { name: string; params: { name: string; required: boolean; schema: Record<string, unknown> }[]; errors: { $ref: string }[] } & Record<string, unknown>
const methods = doc.methods as Method[]
const byName = (name: string) => methods.find((m) => m.name === name)!

describe('toOpenRpc', () => {
  it('validates against the OpenRPC meta-schema', () => {
    expect(validateOpenRPCDocument(doc as never)).toBe(true)
  })

  it('the validator refuses a broken document (so the test above can fail)', () => {
    const broken = structuredClone(doc) as unknown as { methods: Record<string, unknown>[] }
    delete broken.methods[0].name
    expect(validateOpenRPCDocument(broken as never)).not.toBe(true)
  })

  it('lists every catalog method once, in catalog order, with its params by position', () => {
    expect(methods.map((m) => m.name)).toEqual(METHODS.map((m) => m.name))
    for (const spec of METHODS) {
      const m = byName(spec.name)
      expect(m.paramStructure).toBe('by-position')
      expect(m.params.map((p) => [p.name, p.required])).toEqual(spec.params.map((p) => [p.name, !p.optional]))
      expect(m['x-safety']).toBe(spec.safety)
    }
  })

  it('carries the wire types and the string formats the forms check', () => {
    const tokencreate = byName('tokencreate')
    // Every CC argument is a JSON string on komodod's wire.
    expect(tokencreate.params.every((p) => p.schema.type === 'string')).toBe(true)
    const txid = byName('getrawtransaction').params[0].schema
    expect(new RegExp(txid.pattern as string).test('ab'.repeat(32))).toBe(true)
    expect(new RegExp(txid.pattern as string).test('xyz')).toBe(false)
    expect(byName('generate').params[0].schema).toMatchObject({ type: 'integer' })
  })

  it('marks CC soft errors, devchain-only methods and komodod error codes', () => {
    const faucetget = byName('faucetget')
    expect(faucetget['x-soft-errors']).toBe(true)
    expect(JSON.stringify(faucetget.result)).toContain('"const":"error"')
    expect(byName('devchain_info')['x-devchain-only']).toBe(true)
    expect(byName('devchain_info').errors).toContainEqual({ $ref: '#/components/errors/methodNotFound' })
    expect(doc.components.errors.rejected.code).toBe(-26)
    expect(byName('sendrawtransaction').errors.map((e) => e.$ref)).toEqual(expect.arrayContaining([
      '#/components/errors/rejected', '#/components/errors/deserialization',
    ]))
    // Every reference names a defined error.
    for (const m of methods) for (const e of m.errors) expect(doc.components.errors).toHaveProperty(e.$ref.split('/').pop()!)
  })
})
