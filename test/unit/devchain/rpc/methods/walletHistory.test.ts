/** listtransactions and sendmany, as src/wallet/rpcwallet.cpp has them. */
import { describe, it, expect } from 'vitest'
import { chain, rpcError } from './support.ts'

describe('listtransactions', () => {
  it('lists receive, send and generate entries, oldest first, in a newest-first window', async () => {
    const { c, call } = await chain()
    const to = await call('getnewaddress', [], 'reader')
    const txid = await call('sendtoaddress', [to, 2])
    const reader = await call('listtransactions', [], 'reader')
    expect(reader).toHaveLength(1)
    expect(Object.keys(reader[0])).toEqual(['account', 'address', 'category', 'amount', 'vout', 'rawconfirmations', 'confirmations', 'txid', 'walletconflicts', 'time', 'timereceived', 'vjoinsplit', 'size'])
    expect(reader[0]).toMatchObject({ address: to, category: 'receive', txid, confirmations: 0 })
    await call('generate', [3])
    const all = await call('listtransactions', ['*', 100])
    expect(all.map((e: { category: string }) => e.category)).toEqual(['generate', 'send', 'generate', 'generate', 'generate'])
    const send = all[1]
    expect(Object.keys(send)).toEqual(['account', 'address', 'category', 'amount', 'vout', 'fee', 'rawconfirmations', 'confirmations',
      'blockhash', 'blockindex', 'blocktime', 'expiryheight', 'txid', 'walletconflicts', 'time', 'timereceived', 'vjoinsplit', 'size'])
    expect([Number(send.amount), Number(send.fee)]).toEqual([-2, -0.0001])
    const window = await call('listtransactions', ['*', 2, 1])
    expect(window.map((e: { txid: string }) => e.txid)).toEqual(all.slice(2, 4).map((e: { txid: string }) => e.txid))
    expect(await rpcError(call('listtransactions', ['*', -1]))).toEqual({ code: -8, message: 'Negative count' })
    expect(await rpcError(call('listtransactions', ['*', 1, -1]))).toEqual({ code: -8, message: 'Negative from' })
    await c.close()
  })
})

describe('sendmany', () => {
  it('pays addresses and pubkeys in one transaction, fee split among those that pay it', async () => {
    const { c, call } = await chain()
    const a = await call('getnewaddress', [], 'reader')
    const b = await call('getnewaddress', [], 'reader')
    const pub = (await call('validateaddress', [b], 'reader')).pubkey
    const txid = await call('sendmany', ['', { [a]: 1, [pub]: 2 }, 1, 'memo', [a, pub]])
    const d = await call('getrawtransaction', [txid, 1])
    expect(d.vout.slice(0, 2).map((o: { valueSat: number; scriptPubKey: { type: string } }) => [o.valueSat, o.scriptPubKey.type]))
      .toEqual([[100_000_000 - 5_000, 'pubkeyhash'], [200_000_000 - 5_000, 'pubkey']])
    expect(await rpcError(call('sendmany', ['*', { [a]: 1 }]))).toEqual({ code: -11, message: 'Invalid account name' })
    expect(await rpcError(call('sendmany', ['', { nope: 1 }]))).toEqual({ code: -5, message: 'Invalid Komodo address or pubkey: nope' })
    expect(await rpcError(call('sendmany', ['', { [a]: 0 }]))).toEqual({ code: -3, message: 'Invalid amount for send' })
    expect(await rpcError(call('sendmany', ['', { [a]: 9_999_999 }]))).toEqual({ code: -6, message: 'Account has insufficient funds' })
    await c.close()
  })
})
