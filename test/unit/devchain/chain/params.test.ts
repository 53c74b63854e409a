/**
 * Chain parameters as komodod derives them (src/komodo_utils.cpp komodo_args, komodo_ac_block_subsidy):
 * the extra bytes of every -ac_* flag, the premine of block 1, -ac_reward=0 as unset, coinbase maturity.
 */
import { describe, it, expect } from 'vitest'
import { acFlags, chainParamsFrom, extraBytes, magicAndPort, parseArgs } from '../../../../devchain/chain/params.ts'
import { createDevchain } from '../../../support/devchain.ts'

const magicOf = (args: string[]) => {
  const m = parseArgs(args)
  return magicAndPort(m.get('ac_name')!, Number(m.get('ac_supply') ?? 10), extraBytes(m, acFlags(m)))
}

describe('magic and ports', () => {
  it('RT1 -ac_supply=1000 has the fixture ports and magic', () => {
    const p = chainParamsFrom(['-ac_name=RT1', '-ac_supply=1000'])
    expect([p.magic, p.p2pport, p.rpcport]).toEqual([-42521927, 13100, 13101])
  })

  it('-ac_reward=0 is unset: same magic, ports, reward and getinfo as no -ac_reward', () => {
    const plain = chainParamsFrom(['-ac_name=RT1', '-ac_supply=1000'])
    const zero = chainParamsFrom(['-ac_name=RT1', '-ac_supply=1000', '-ac_reward=0'])
    expect([zero.magic, zero.p2pport, zero.reward, zero.rewardSet]).toEqual([plain.magic, plain.p2pport, 10_000, false])
  })

  // Public chains with known ports: the RICK and MORTY test coins' coin configs list rpcport 25435 and 16348.
  it('hashes -ac_reward, -ac_cc and -ac_staked like komodod (RICK, MORTY)', () => {
    const args = (n: string) => [`-ac_name=${n}`, '-ac_supply=90000000000', '-ac_reward=100000000', '-ac_cc=3', '-ac_staked=10']
    expect(magicOf(args('RICK')).p2pport).toBe(25434)
    expect(magicOf(args('MORTY')).p2pport).toBe(16347)
  })

  it('every flag komodod appends to the extra bytes changes the magic', () => {
    const base = ['-ac_name=X', '-ac_supply=1000', '-ac_cc=2']
    const flags = ['-ac_cbmaturity=10', '-ac_end=100', '-ac_halving=10', '-ac_decay=5', '-ac_eras=2', '-ac_notarypay=5',
      '-ac_public=1', '-ac_txpow=1', '-ac_script=76a9', '-ac_pubkey=02' + '11'.repeat(32), '-ac_ccenable=228',
      '-ac_cclib=sudoku', '-ac_blocktime=30', '-ac_snapshot=11', '-ac_earlytxidcontract=12', '-ac_adaptivepow=1',
      '-ac_import=PUBKEY', '-ac_timelockgte=100', '-ac_founders_reward=5', '-ac_nk=48,5', '-ac_mineropret=00']
    // (Values differ: komodod appends -ac_snapshot, -ac_earlytxidcontract and -ac_cbmaturity as the same
    // 4 bytes, so equal values would give equal magics there too.)
    const seen = new Set([magicOf(base).magic])
    for (const f of flags) {
      const r = magicOf([...base, f])
      expect(r.p2pport, f).toBeGreaterThanOrEqual(16000)
      expect(seen.has(r.magic), f).toBe(false)
      seen.add(r.magic)
    }
    // Flags komodod reads but does not hash: -ac_staked alone, -ac_algo (only equihash exists), -ac_sapling.
    for (const f of ['-ac_staked=10', '-ac_algo=verushash', '-ac_sapling=1']) expect(magicOf([...base, f]).magic, f).toBe(magicOf(base).magic)
    // -ac_ccenable and -ac_cclib count only on CC chains.
    expect(magicOf(['-ac_name=X', '-ac_supply=1000', '-ac_ccenable=228']).magic).toBe(magicOf(['-ac_name=X', '-ac_supply=1000']).magic)
  })
})

describe('premine (komodo_ac_block_subsidy)', () => {
  it('RT1 block 1 pays the fixture 1000.07809721', async () => {
    const c = await createDevchain({ dataDir: null, args: ['-ac_name=RT1', '-ac_supply=1000', '-regtest'] })
    const b1 = (await c.call('miner', 'getblock', ['1', 2])) as { tx: { vout: { valueZat: number }[] }[] }
    expect(b1.tx[0].vout[0].valueZat).toBe(100_007_809_721)
    await c.close()
  })

  it.each([
    [['-ac_name=A1', '-ac_supply=0']],
    [['-ac_name=B2', '-ac_supply=77', '-ac_reward=5000']],
    [['-ac_name=C3', '-ac_supply=123456', '-ac_cc=2', '-ac_cbmaturity=3']],
  ])('%j pays supply·COIN + (magic & 0xffffff) in block 1', async (args) => {
    const c = await createDevchain({ dataDir: null, args })
    const p = c.params
    const b1 = (await c.call('miner', 'getblock', ['1', 2])) as { tx: { vout: { valueZat: number }[] }[] }
    expect(b1.tx[0].vout[0].valueZat).toBe(p.supply * 100_000_000 + ((p.magic >>> 0) & 0xffffff))
    await c.close()
  })

  it('a staked chain adds the whole magic, as komodod does', () => {
    const p = chainParamsFrom(['-ac_name=S', '-ac_supply=10', '-ac_staked=50'])
    expect(p.premineSats).toBe(10 * 100_000_000 + (p.magic >>> 0))
  })
})

describe('coinbase maturity', () => {
  it('-ac_cbmaturity, else 1 without eras, else 100', () => {
    expect(chainParamsFrom(['-ac_name=M', '-ac_cbmaturity=10']).coinbaseMaturity).toBe(10)
    expect(chainParamsFrom(['-ac_name=M']).coinbaseMaturity).toBe(1)
    expect(chainParamsFrom(['-ac_name=M', '-ac_eras=2', '-ac_reward=1,2']).coinbaseMaturity).toBe(100)
  })
})
