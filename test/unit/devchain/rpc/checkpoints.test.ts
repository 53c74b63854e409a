/**
 * devchain_checkpoint / devchain_rewind: the chain goes back to where it stood, replays to the same
 * hashes, and a restart after a rewind finds the rewound chain.
 */
import { describe, expect, it } from 'vitest'
import { createDevchain } from '../../../support/devchain.ts'
import { RpcError } from '../../../../protocol/jsonrpc.ts'
import { MemoryStore } from '../chain/memoryStore.ts'

type Cp = { checkpoint: string; height: number; bestblockhash: string }

async function steps(chain: Awaited<ReturnType<typeof createDevchain>>) {
  const to = (await chain.call('reader', 'getnewaddress', [])) as string
  const txid = (await chain.call('miner', 'sendtoaddress', [to, 5])) as string
  const [hash] = (await chain.call('miner', 'generate', [1])) as string[]
  return { to, txid, hash }
}

describe('checkpoints', () => {
  it('rewinds the chain, wallets and mempool to a checkpoint, and replays to the same result', async () => {
    const store = new MemoryStore()
    const opts = { dataDir: 'mem', storage: () => store, seed: 'checkpoints' }
    const chain = await createDevchain(opts)
    await chain.call('miner', 'generate', [2])
    const cp = (await chain.call('miner', 'devchain_checkpoint', [])) as Cp
    expect(cp.height).toBe(3)
    const first = await steps(chain)
    await chain.call('miner', 'devchain_setmining', ['automine'])
    expect(await chain.call('miner', 'getblockcount', [])).toBe(4)

    const back = (await chain.call('miner', 'devchain_rewind', [cp.checkpoint])) as Cp
    expect(back).toEqual(cp)
    expect(await chain.call('miner', 'getblockcount', [])).toBe(3)
    expect(Number(await chain.call('reader', 'getbalance', []))).toBe(0)
    expect(((await chain.call('reader', 'validateaddress', [first.to])) as { ismine: boolean }).ismine).toBe(false)
    await expect(chain.call('miner', 'getrawtransaction', [first.txid])).rejects.toBeInstanceOf(RpcError)
    expect(((await chain.call('miner', 'devchain_info', [])) as { mining: { mode: string } }).mining.mode).toBe('manual')

    // The same steps again give the same addresses, txids and block hashes: one deterministic chain.
    expect(await steps(chain)).toEqual(first)
    await chain.close()

    const again = await createDevchain(opts)
    expect(await again.call('miner', 'getbestblockhash', [])).toBe(first.hash)
    expect(Number(await again.call('reader', 'getbalance', []))).toBe(5)
    await again.close()
  })

  it('refuses offsets that are not checkpoints, and chains with nowhere to keep them', async () => {
    const store = new MemoryStore()
    const chain = await createDevchain({ dataDir: 'mem', storage: () => store, seed: 'checkpoints' })
    const cp = (await chain.call('miner', 'devchain_checkpoint', [])) as Cp
    await expect(chain.call('miner', 'devchain_rewind', [String(Number(cp.checkpoint) - 1)])).rejects.toMatchObject({ code: -8 })
    await expect(chain.call('miner', 'devchain_rewind', ['0'])).rejects.toMatchObject({ code: -8 })
    await expect(chain.call('miner', 'devchain_rewind', [12])).rejects.toMatchObject({ code: -1 })
    await expect(chain.call('miner', 'devchain_rewind', ['-4'])).rejects.toMatchObject({ code: -8 })
    await chain.call('miner', 'generate', [1])
    const later = (await chain.call('miner', 'devchain_checkpoint', [])) as Cp
    await chain.call('miner', 'devchain_rewind', [cp.checkpoint])
    // Forgotten with everything after the first checkpoint.
    await expect(chain.call('miner', 'devchain_rewind', [later.checkpoint])).rejects.toMatchObject({ code: -8 })
    await chain.close()
    const memory = await createDevchain({ dataDir: null })
    await expect(memory.call('miner', 'devchain_checkpoint', [])).rejects.toMatchObject({ code: -1 })
    await memory.close()
  })
})
