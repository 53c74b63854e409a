/** `/openrpc.json` in the built site: the catalog as OpenRPC, valid, and linked from the reference in every locale. */
import { validateOpenRPCDocument } from '@open-rpc/schema-utils-js'
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { METHODS } from '../../modules/catalog.ts'
import { sharedDist } from '../support/site.ts'

let dist: string
beforeAll(() => {
  dist = sharedDist()
})

describe('the built /openrpc.json', () => {
  it('is a valid OpenRPC document with every catalog method', () => {
    const doc = JSON.parse(fs.readFileSync(path.join(dist, 'openrpc.json'), 'utf8')) as { methods: { name: string }[] }
    expect(validateOpenRPCDocument(doc as never)).toBe(true)
    expect(doc.methods.map((m) => m.name)).toEqual(METHODS.map((m) => m.name))
  })

  it.each(['', 'zh/', 'es/', 'ru/'])('is linked from the reference index (/%sreference/)', (prefix) => {
    const html = fs.readFileSync(path.join(dist, prefix, 'reference/index.html'), 'utf8')
    expect(html).toMatch(/<a href="\/openrpc\.json" download>openrpc\.json<\/a>/)
  })
})
