/**
 * setpubkey against komodod's src/wallet/rpcwallet.cpp setpubkey: its texts where the devchain
 * answers as komodod does, and the two places it does not (protocol/differences.ts:
 * setpubkey-reply, setpubkey-keys).
 */
import { describe, it, expect } from 'vitest'
import { chain, rpcError } from './support.ts'
import { DIFFERENCES } from '../../../../../protocol/differences.ts'
import { addressFromPubkey } from '../../../../../devchain/crypto/keys.ts'
import { fromHex } from '../../../../../devchain/crypto/hash.ts'

const addressOf = (pubkey: string): string => addressFromPubkey(fromHex(pubkey))

const WARNING = 'privkey for this pubkey is not imported to wallet!'

describe('setpubkey', () => {
  it('switches the node to another key of its wallet, with the reference reply', async () => {
    const { call } = await chain()
    const addr = await call('getnewaddress', [], 'reader')
    const { pubkey } = await call('validateaddress', [addr], 'reader')
    const r = await call('setpubkey', [pubkey], 'reader')
    expect(Object.keys(r)).toEqual(['address', 'ismine', 'pubkey'])
    expect(r).toEqual({ address: addr, ismine: true, pubkey })
    expect((await call('getinfo', [], 'reader')).pubkey).toBe(pubkey)
  })

  it('answers komodod\'s WARNING for a key not in the wallet, and keeps the node\'s pubkey', async () => {
    const { call } = await chain()
    const before = (await call('getinfo', [], 'reader')).pubkey
    const foreign = (await call('getinfo', [], 'miner')).pubkey
    expect(await call('setpubkey', [foreign], 'reader')).toEqual({ WARNING, address: addressOf(foreign), pubkey: foreign })
    // 66 hex characters that are no curve point: komodod checks only the length.
    const notAPoint = `02${'00'.repeat(32)}`
    expect(await call('setpubkey', [notAPoint], 'reader')).toEqual({ WARNING, address: addressOf(notAPoint), pubkey: notAPoint })
    expect((await call('getinfo', [], 'reader')).pubkey).toBe(before)
  })

  it('refuses a wrong length with komodod\'s text', async () => {
    const { call } = await chain()
    expect(await call('setpubkey', ['02abcd'], 'reader')).toEqual({ error: 'pubkey is wrong length, must be 66 char hex string.' })
  })

  it('without a pubkey: komodod\'s "once" answer, with the pubkey set', async () => {
    const { call } = await chain()
    const { pubkey } = await call('getinfo', [], 'reader')
    const r = await call('setpubkey', [], 'reader')
    expect(Object.keys(r)).toEqual(['error', 'address', 'pubkey'])
    expect(r).toEqual({ error: 'Can only set pubkey once, to change it you need to restart your daemon.', address: addressOf(pubkey), pubkey })
    expect(await rpcError(call('setpubkey', [pubkey, pubkey], 'reader'))).toEqual({ code: -1, message: 'setpubkey pubkey\n' })
  })

  it('lists what stays different among the devchain\'s differences', () => {
    const ids = DIFFERENCES.filter((d) => d.methods?.includes('setpubkey')).map((d) => d.id)
    expect(ids).toEqual(['setpubkey-reply', 'setpubkey-keys'])
  })
})
