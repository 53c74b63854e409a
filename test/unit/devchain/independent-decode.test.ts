/**
 * Transactions the devchain produces, read back by an independent parser written here from the
 * Zcash protocol spec (§7.1, v4 layout) with node:crypto — it shares no code with the devchain's
 * serializer. (No clean npm Zcash decoder installs without heavy dependencies; @bitgo/utxo-lib
 * would pull in a large tree.)
 */
import { describe, it, expect } from 'vitest'
import { createHash } from 'node:crypto'
import { createDevchain } from '../../support/devchain.ts'

interface Parsed {
  txid: string
  header: number
  groupId: number
  inputs: { prev: string; index: number; script: string; sequence: number }[]
  outputs: { sats: bigint; script: string }[]
  lockTime: number
  expiry: number
}

function parseV4(hex: string): Parsed {
  const b = Buffer.from(hex, 'hex')
  let o = 0
  const u32 = () => ((o += 4), b.readUInt32LE(o - 4))
  const cs = () => {
    const f = b[o++]
    if (f < 253) return f
    if (f === 253) return (o += 2), b.readUInt16LE(o - 2)
    if (f === 254) return u32()
    throw new Error('too big')
  }
  const bytes = (n: number) => ((o += n), b.subarray(o - n, o))
  const header = u32()
  const groupId = u32()
  const inputs = Array.from({ length: cs() }, () => ({
    prev: Buffer.from(bytes(32)).reverse().toString('hex'), index: u32(), script: bytes(cs()).toString('hex'), sequence: u32(),
  }))
  const outputs = Array.from({ length: cs() }, () => ({ sats: ((o += 8), b.readBigInt64LE(o - 8)), script: bytes(cs()).toString('hex') }))
  const lockTime = u32()
  const expiry = u32()
  const valueBalance = ((o += 8), b.readBigInt64LE(o - 8))
  const spends = cs()
  const outs = cs()
  const joinsplits = cs()
  if (valueBalance !== 0n || spends || outs || joinsplits || o !== b.length) throw new Error('not a transparent v4 tx')
  const h1 = createHash('sha256').update(b).digest()
  const txid = Buffer.from(createHash('sha256').update(h1).digest()).reverse().toString('hex')
  return { txid, header, groupId, inputs, outputs, lockTime, expiry }
}

describe('devchain transactions through an independent v4 parser', () => {
  it('wallet payments and coinbases have the same txid, inputs and outputs', async () => {
    const chain = await createDevchain({ dataDir: null, seed: 'independent' })
    const addr = (await chain.call('reader', 'getnewaddress', [])) as string
    const txids: string[] = []
    for (const amount of [1, 2.5, 0.00012345]) txids.push((await chain.call('miner', 'sendtoaddress', [addr, amount])) as string)
    const [hash] = (await chain.call('miner', 'generate', [1])) as string[]
    const block = (await chain.call('miner', 'getblock', [hash])) as { tx: string[] }
    for (const txid of [...txids, block.tx[0]]) {
      const hex = (await chain.call('miner', 'getrawtransaction', [txid])) as string
      const p = parseV4(hex)
      expect(p.txid).toBe(txid)
      expect(p.header).toBe(0x80000004)
      expect(p.groupId).toBe(0x892f2085)
      const decoded = (await chain.call('miner', 'decoderawtransaction', [hex])) as {
        vout: { valueZat: number; scriptPubKey: { hex: string } }[]; vin: { txid?: string; vout?: number }[]; locktime: number; expiryheight: number
      }
      expect(p.outputs.map((x) => [Number(x.sats), x.script])).toEqual(decoded.vout.map((v) => [v.valueZat, v.scriptPubKey.hex]))
      expect(p.lockTime).toBe(decoded.locktime)
      expect(p.expiry).toBe(decoded.expiryheight)
      if (txid !== block.tx[0]) expect(p.inputs.map((i) => [i.prev, i.index])).toEqual(decoded.vin.map((v) => [v.txid, v.vout]))
    }
    const pay = parseV4((await chain.call('miner', 'getrawtransaction', [txids[2]])) as string)
    expect(pay.outputs[0].sats).toBe(12345n)
    await chain.close()
  })
})
