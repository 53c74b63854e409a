/**
 * The Channels flow in-process, on a devchain with the module loaded: open → 101 confirmations →
 * payments that reveal hash-chain secrets (the sender's, then the receiver's with a secret handed
 * over) → close → refund, komodod's soft errors on both sides of each rule, and ChannelsValidate
 * refusing hand-signed spends that break one rule each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sha256 } from '@noble/hashes/sha2.js'
import { createDevchainCore, type DevchainCore } from '../../../support/devchain.ts'
import { recentRejects } from '../../../../devchain/cc/rejects.ts'
import { handBuiltChannelSpend } from '../../../support/channelSpend.ts'
import { parseTx } from '../../../../devchain/tx/transaction.ts'
import { hashToHex } from '../../../../devchain/crypto/hash.ts'
import { bytesToHex, hexToBytes } from '../../../../devchain/cc/hashes.ts'
import { opReturnPayload } from '../../../../protocol/opret.ts'
import { decodeChannelsOpret, FUNCID, type ChannelsOpret } from '../../../../modules/channels/spec/opret.ts'
import { channelAddress } from '../../../../modules/channels/chain.ts'

const SCRIPT_FALSE = '16: mandatory-script-verify-flag-failed (Script evaluated without error but finished with a false/empty top stack element)'
const PAYMENT = 10_000_000

let dc: DevchainCore
const call = (node: string, m: string, p: unknown[] = []) => dc.call(node, m, p) as Promise<any>
const mine = (n = 1) => call('miner', 'generate', [n])
const send = (node: string, hex: string) => call(node, 'sendrawtransaction', [hex]) as Promise<string>
/** The hex a builder answered: `{hex, result}` for open/payment, the bare string for close/refund. */
const hexOf = (r: unknown): string => {
  const hex = typeof r === 'string' ? r : (r as { hex?: string; error?: string }).hex
  expect(hex, JSON.stringify(r)).toMatch(/^[0-9a-f]+$/)
  return hex!
}
const opretOf = (hex: string): ChannelsOpret => {
  const tx = parseTx(hexToBytes(hex))
  return decodeChannelsOpret(opReturnPayload(tx.vout[tx.vout.length - 1].script)!)!
}
const txidOf = (hex: string): string => hashToHex(sha256(sha256(hexToBytes(hex))))
/** SHA256 n times over a secret printed as komodod prints uint256s (reversed). */
function hashed(display: string, n: number): string {
  let h = hexToBytes(display).reverse()
  for (let i = 0; i < n; i++) h = sha256(h)
  return bytesToHex(h.reverse())
}
async function refused(node: string, hex: string, reason: string): Promise<void> {
  const txid = txidOf(hex)
  await expect(send(node, hex)).rejects.toMatchObject({ code: -26, message: SCRIPT_FALSE })
  expect(recentRejects().find((r) => r.txid === txid)).toMatchObject({ module: 'Channels', reason })
}

let minerPk: string
let readerPk: string
let readerAddress: string
let opentxid: string
let hashchain: string
const secrets: string[] = []

beforeAll(async () => {
  dc = await createDevchainCore({ dataDir: null, seed: 'channels-rules' })
  minerPk = dc.wallet('miner').pubkey!
  readerPk = dc.wallet('reader').pubkey!
  readerAddress = (await call('reader', 'validateaddress', [await call('reader', 'getnewaddress')])).address
  await call('miner', 'sendtoaddress', [readerAddress, 1])
  await mine()
})
afterAll(async () => {
  await dc?.close()
})

describe('channelsaddress', () => {
  it('needs the pubkey: komodod\'s usage text otherwise', async () => {
    await expect(call('miner', 'channelsaddress', [])).rejects.toMatchObject({ code: -1, message: 'channelsaddress pubkey\n' })
  })
  it('lists the 1of2 addresses of a channel to that pubkey, in komodod\'s key order', async () => {
    const r = await call('miner', 'channelsaddress', [readerPk])
    expect(Object.keys(r)).toEqual([
      'result', 'ChannelsCCAddress', 'ChannelsCCBalance', 'ChannelsNormalAddress', 'ChannelsNormalBalance', 'ChannelsCC1of2Address',
      'ChannelsCC1of2TokensAddress', 'PubkeyCCaddress(Channels)', 'PubkeyCCbalance(Channels)', 'myCCAddress(Channels)', 'myCCbalance(Channels)',
      'myaddress', 'mybalance',
    ])
    expect(r.ChannelsCCAddress).toBe('RQy3rwX8sP9oDm3c39vGKA6H315cgtPLfr')
    expect(r.ChannelsNormalAddress).toBe('RQUuT8zmkvDfXqECH4m3VD3SsHZAfnoh1v')
    // Either side asking about the other gets the same channel address.
    expect(r.ChannelsCC1of2Address).toBe((await call('reader', 'channelsaddress', [minerPk])).ChannelsCC1of2Address)
  })
})

describe('channelsopen', () => {
  it('refuses komodod\'s bad parameters with its texts', async () => {
    expect(await call('miner', 'channelsopen', [readerPk, '0', String(PAYMENT)])).toEqual(
      { result: 'error', error: 'invalid ChannelOpen param numpayments.0 payment.10000000 - max_numpayments.1000' })
    expect((await call('miner', 'channelsopen', [readerPk, '1001', '1'])).error).toBe('invalid ChannelOpen param numpayments.1001 payment.1 - max_numpayments.1000')
    expect((await call('miner', 'channelsopen', [readerPk, '10', '-5'])).error).toBe('invalid ChannelOpen param numpayments.10 payment.-5 - max_numpayments.1000')
    expect((await call('miner', 'channelsopen', ['02' + '00'.repeat(32), '10', '1'])).error).toBe('invalid destination pubkey')
    expect((await call('reader', 'channelsopen', [minerPk, '10', String(1000 * 100_000_000)])).error).toBe('error adding funds')
    await expect(call('miner', 'channelsopen', [readerPk, 10, '1'])).rejects.toMatchObject({ code: -1, message: 'JSON value is not a string as expected' })
  })

  it('locks numpayments × payment at the 1of2 address and commits to a hash chain', async () => {
    const hex = hexOf(await call('miner', 'channelsopen', [readerPk, '10', String(PAYMENT)]))
    const tx = parseTx(hexToBytes(hex))
    const o = opretOf(hex)
    expect(o).toMatchObject({ funcid: FUNCID.open, srcpub: minerPk, destpub: readerPk, param1: 10, param2: BigInt(PAYMENT) })
    expect(tx.vout[0].value).toBe(10 * PAYMENT)
    expect([tx.vout[1].value, tx.vout[2].value]).toEqual([10_000, 10_000])
    hashchain = o.param3
    opentxid = await send('miner', hex)
    await mine()
  })
})

describe('payments', () => {
  it('wait for 101 confirmations of the open (komodo_txnotarizedconfirmed without notaries)', async () => {
    expect(await call('miner', 'channelspayment', [opentxid, String(PAYMENT)])).toEqual({ result: 'error', error: 'channelsopen tx not yet confirmed/notarized' })
    expect(await call('miner', 'channelsclose', [opentxid])).toEqual({ result: 'error', error: 'channelsopen tx not yet confirmed/notarized' })
    await mine(99)
    expect((await call('miner', 'channelspayment', [opentxid, String(PAYMENT)])).error).toBe('channelsopen tx not yet confirmed/notarized')
    await mine(1)
  })

  it('refuses amounts that are not whole payments, and a receiver without a secret', async () => {
    expect((await call('miner', 'channelspayment', [opentxid, '15000000'])).error).toBe('invalid amount, not a magnitude of payment size')
    expect((await call('miner', 'channelspayment', [opentxid, '0'])).error).toBe('invalid payment amount, must be greater than 0')
    expect((await call('reader', 'channelspayment', [opentxid, String(PAYMENT)])).error).toBe('invalid secret, secret is necessary when making payment from destination')
    expect((await call('miner', 'channelspayment', ['00'.repeat(32), String(PAYMENT)])).error).toBe('invalid channel open txid')
  })

  it('the sender\'s first payment reveals the secret one hash away from the hashchain', async () => {
    const hex = hexOf(await call('miner', 'channelspayment', [opentxid, String(PAYMENT)]))
    const tx = parseTx(hexToBytes(hex))
    const o = opretOf(hex)
    expect(o).toMatchObject({ funcid: FUNCID.payment, opentxid, param1: 9, param2: 1n })
    expect(hashed(o.param3, 1)).toBe(hashchain)
    expect(tx.vout[0].value).toBe(9 * PAYMENT)
    expect(tx.vout[3].value).toBe(PAYMENT)
    secrets.push(o.param3)
    await send('miner', hex)
  })

  it('a second payment chains on the first in the mempool and releases two payments with one secret', async () => {
    const hex = hexOf(await call('miner', 'channelspayment', [opentxid, String(2 * PAYMENT)]))
    const o = opretOf(hex)
    expect(o).toMatchObject({ param1: 7, param2: 2n })
    expect(hashed(o.param3, 3)).toBe(hashchain)
    // Each secret gives away the earlier ones: hash it twice and the first payment's secret comes out.
    expect(hashed(o.param3, 2)).toBe(secrets[0])
    secrets.push(o.param3)
    await send('miner', hex)
    await mine()
  })

  it('channelsinfo lists the open and both payments with their secrets', async () => {
    const info = await call('reader', 'channelsinfo', [opentxid])
    expect(info).toMatchObject({
      result: 'success', 'Channel CC address': channelAddress(minerPk, readerPk), 'Number of payments': 10,
      'Denomination (satoshi)': String(PAYMENT), 'Amount (satoshi)': String(10 * PAYMENT),
    })
    expect(info.Transactions).toEqual([
      { Open: opentxid },
      expect.objectContaining({ 'Number of payments': 1, Amount: PAYMENT, Secret: secrets[0], 'Payments left': 9 }),
      expect.objectContaining({ 'Number of payments': 2, Amount: 2 * PAYMENT, Secret: secrets[1], 'Payments left': 7 }),
    ])
    expect(info.Transactions[1].Destination).toBe(info['Destination address'])
    expect(await call('miner', 'channelsaddress', [readerPk])).toMatchObject({ ChannelsCC1of2Address: info['Channel CC address'] })
  })

  it('a used secret does not release more: the receiver is refused', async () => {
    expect((await call('reader', 'channelspayment', [opentxid, String(PAYMENT), secrets[1]])).error).toBe('invalid secret supplied')
    expect((await call('reader', 'channelspayment', [opentxid, String(PAYMENT), '11'.repeat(32)])).error).toBe('invalid secret supplied')
  })

  it('the receiver pulls a payment with the next secret the sender hands over', async () => {
    // The sender builds the payment but keeps it; its OP_RETURN carries the next secret.
    const kept = opretOf(hexOf(await call('miner', 'channelspayment', [opentxid, String(PAYMENT)])))
    expect(kept.param1).toBe(6)
    const before = await call('reader', 'getbalance')
    const hex = hexOf(await call('reader', 'channelspayment', [opentxid, String(PAYMENT), kept.param3]))
    expect(opretOf(hex)).toMatchObject({ param1: 6, param2: 1n, param3: kept.param3 })
    await send('reader', hex)
    await mine()
    // The payment arrives, less the fee and the marker the reader paid to build it.
    expect(Math.round((await call('reader', 'getbalance')) * 1e8)).toBe(Math.round(before * 1e8) + PAYMENT - 20_000)
    secrets.push(kept.param3)
  })

  it('paying more than remains is refused', async () => {
    expect((await call('miner', 'channelspayment', [opentxid, String(7 * PAYMENT)])).error).toBe('error adding CC inputs')
  })
})

describe('ChannelsValidate refuses hand-signed payments', () => {
  const payment = (over: Partial<{ left: number; released: bigint; secret: string }>, outs?: Parameters<typeof handBuiltChannelSpend>[3]['outputs']) =>
    handBuiltChannelSpend(dc, 'miner', opentxid, {
      outputs: outs ?? ((funds, o) => [o.channel(funds - PAYMENT), o.srcMarker, o.destMarker, o.toDest(PAYMENT)]),
      opret: { funcid: FUNCID.payment, opentxid, param1: over.left ?? 5, param2: over.released ?? 1n, param3: over.secret ?? '22'.repeat(32) },
    })

  it('a wrong secret', async () => {
    await refused('miner', payment({}), 'invalid secret for payment, does not reach final hashchain!')
  })
  it('an old secret presented for a new depth', async () => {
    await refused('miner', payment({ secret: secrets[2] }), 'invalid secret for payment, does not reach final hashchain!')
  })
  it('a payment to someone other than the receiver', async () => {
    await refused('miner', payment({}, (funds, o) => [o.channel(funds - PAYMENT), o.srcMarker, o.destMarker, o.toSrc(PAYMENT)]),
      'vout.3 is normal or invalid amount or invalid receiver for channelpayment!')
  })
  it('more coins than the released payments', async () => {
    await refused('miner', payment({}, (funds, o) => [o.channel(funds - 2 * PAYMENT), o.srcMarker, o.destMarker, o.toDest(2 * PAYMENT)]),
      'vout.3 is normal or invalid amount or invalid receiver for channelpayment!')
  })
  it('coins taken out of the channel beyond the payment', async () => {
    await refused('miner', payment({}, (funds, o) => [o.channel(funds - 2 * PAYMENT), o.srcMarker, o.destMarker, o.toDest(PAYMENT)]),
      'invalid channel inputs vs. outputs!')
  })
})

describe('close and refund', () => {
  let closetxid: string

  it('only the sender closes; the close is the bare hex, as komodod returns it', async () => {
    expect(await call('reader', 'channelsclose', [opentxid])).toEqual({ result: 'error', error: 'cannot close, you are not channel owner' })
    const r = await call('miner', 'channelsclose', [opentxid])
    expect(typeof r).toBe('string')
    const o = opretOf(r)
    expect(o).toMatchObject({ funcid: FUNCID.close, opentxid, param1: 6, param2: BigInt(PAYMENT), param3: '00'.repeat(32) })
    closetxid = await send('miner', r)
  })

  it('a refund waits for the close: builder and consensus refuse an early one', async () => {
    expect(await call('miner', 'channelsrefund', [opentxid, opentxid])).toEqual({ result: 'error', error: 'invalid channel close tx' })
    expect((await call('miner', 'channelsrefund', [opentxid, closetxid])).error).toBe('channelsclose tx not yet confirmed/notarized')
    await mine()
    expect((await call('miner', 'channelsrefund', [opentxid, closetxid])).error).toBe('channelsclose tx not yet confirmed/notarized')
    const early = handBuiltChannelSpend(dc, 'miner', opentxid, {
      outputs: (funds, o) => [o.srcMarker, o.destMarker, o.toSrc(funds)],
      opret: { funcid: FUNCID.refund, opentxid, param1: 6, param2: BigInt(PAYMENT), param3: closetxid },
    })
    await refused('miner', early, 'channelClose is not yet confirmed(notarised)!')
  })

  it('no payment after the close', async () => {
    expect((await call('miner', 'channelspayment', [opentxid, String(PAYMENT)])).error).toBe('invalid previous tx')
  })

  it('refunds what is left to the sender once the close has 101 confirmations, once', async () => {
    await mine(100)
    expect((await call('reader', 'channelsrefund', [opentxid, closetxid])).error).toBe('cannot refund, you are not the channel owner')
    const r = await call('miner', 'channelsrefund', [opentxid, closetxid])
    expect(typeof r).toBe('string')
    const tx = parseTx(hexToBytes(r))
    expect(opretOf(r)).toMatchObject({ funcid: FUNCID.refund, opentxid, param1: 6, param3: closetxid })
    expect(tx.vout[2].value).toBe(6 * PAYMENT)
    const refundtxid = await send('miner', r)
    await mine()
    expect((await call('miner', 'channelsrefund', [opentxid, closetxid])).error).toBe('error adding CC inputs')
    const info = await call('miner', 'channelsinfo', [opentxid])
    expect(info.Transactions.slice(-2)).toEqual([
      { Close: closetxid },
      { Refund: refundtxid, Amount: 6 * PAYMENT, Destination: (await call('miner', 'channelsaddress', [readerPk])).myaddress },
    ])
  })
})

describe('channelslist and channelsinfo misses', () => {
  it('both sides list the channel', async () => {
    const text = `10 payments of ${PAYMENT} satoshi to ${readerPk}`
    expect(await call('miner', 'channelslist')).toMatchObject({ result: 'success', name: 'Channels List', [opentxid]: text })
    expect(await call('reader', 'channelslist')).toMatchObject({ [opentxid]: text })
    await expect(call('miner', 'channelslist', ['x'])).rejects.toMatchObject({ code: -1, message: 'channelslist\n' })
  })
  it('an unknown channel, or none given', async () => {
    expect(await call('miner', 'channelsinfo', ['ab'.repeat(32)])).toEqual({ result: 'error', Error: 'Channel not found!' })
    expect(await call('miner', 'channelsinfo')).toEqual({ result: 'error', Error: 'Channel not found!' })
  })
})
