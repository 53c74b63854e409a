/**
 * setmocktime: the next block takes the given time, the clock goes on from it, the jump survives a
 * restart (it is in the block), and komodod's argument errors come back unchanged.
 */
import { describe, expect, it } from 'vitest'
import { createDevchain } from '../../../../support/devchain.ts'
import { RpcError } from '../../../../../protocol/jsonrpc.ts'
import { MemoryStore } from '../../chain/memoryStore.ts'

type Header = { time: number }
const DAY = 86_400

async function tipHeader(chain: Awaited<ReturnType<typeof createDevchain>>): Promise<Header> {
  const hash = (await chain.call('miner', 'getbestblockhash', [])) as string
  return (await chain.call('miner', 'getblockheader', [hash])) as Header
}

describe('setmocktime', () => {
  it('stamps the next block with the mock time, then the clock ticks on from it', async () => {
    const chain = await createDevchain({ dataDir: null, seed: 'mocktime' })
    await chain.call('miner', 'generate', [1])
    const before = await tipHeader(chain)
    const blocktime = ((await chain.call('miner', 'devchain_info', [])) as { chain: { blocktime: number } }).chain.blocktime
    expect(await chain.call('miner', 'setmocktime', [before.time + DAY])).toBeNull()
    await chain.call('miner', 'generate', [2])
    const top = (await chain.call('miner', 'getblockcount', [])) as number
    const timeAt = async (h: number) =>
      ((await chain.call('miner', 'getblockheader', [await chain.call('miner', 'getblockhash', [h])])) as Header).time
    const [warped, next] = [await timeAt(top - 1), await timeAt(top)]
    expect(warped).toBe(before.time + DAY)
    expect(next).toBe(before.time + DAY + blocktime)
  })

  it('never stamps a block at or below the median time past', async () => {
    const chain = await createDevchain({ dataDir: null, seed: 'mocktime-past' })
    await chain.call('miner', 'generate', [5])
    const times: number[] = []
    for (let h = 0; h <= 5; h++) {
      times.push(((await chain.call('miner', 'getblockheader', [await chain.call('miner', 'getblockhash', [h])])) as Header).time)
    }
    const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]
    await chain.call('miner', 'setmocktime', [1])
    await chain.call('miner', 'generate', [1])
    const after = await tipHeader(chain)
    expect(after.time).toBe(median + 1)
    expect(after.time).toBeLessThan(times[5])
  })

  it('keeps a clock jump over a restart, because the block carries it', async () => {
    const store = new MemoryStore()
    const opts = { dataDir: 'mem', storage: () => store, seed: 'mocktime-restart' }
    const chain = await createDevchain(opts)
    await chain.call('miner', 'generate', [1])
    const t0 = (await tipHeader(chain)).time
    await chain.call('miner', 'setmocktime', [t0 + 30 * DAY])
    await chain.call('miner', 'generate', [1])
    await chain.close()
    const again = await createDevchain(opts)
    expect((await tipHeader(again)).time).toBe(t0 + 30 * DAY)
    await again.call('miner', 'generate', [1])
    expect((await tipHeader(again)).time).toBeGreaterThan(t0 + 30 * DAY)
    await again.close()
  })

  it('answers komodod\'s errors for a missing or mistyped timestamp, and stays out of help', async () => {
    const chain = await createDevchain({ dataDir: null, seed: 'mocktime-errors' })
    const err = async (params: unknown[]) => chain.call('miner', 'setmocktime', params).then(() => null, (e: RpcError) => [e.code, e.message])
    expect(await err([])).toEqual([-1, expect.stringMatching(/^setmocktime timestamp\n/)])
    expect(await err(['1700000000'])).toEqual([-3, 'Expected type number, got string'])
    expect(await err([1.5])).toEqual([-1, 'JSON value is not an integer as expected'])
    expect(await chain.call('miner', 'help', [])).not.toContain('setmocktime')
    expect(await chain.call('miner', 'help', ['setmocktime'])).toMatch(/^setmocktime timestamp\n/)
  })
})
