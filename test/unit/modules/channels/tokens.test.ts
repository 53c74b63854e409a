/**
 * Token channels, as komodod's src/cc/channels.cpp builds them and its ChannelsValidate then treats
 * them: channelsopen with a tokenid locks tokens in a Tokens 1of2 output; every later payment, close
 * and refund is built with the token shapes and refused at broadcast, because the validation holds
 * the open's vout.0 to the coin 1of2 address. The token OP_RETURN (254 bytes) is also past an asset
 * chain's default -datacarriersize (208, src/script/standard.h MAX_OP_RETURN_RELAY_AC), so on a
 * default chain not even the open is relayed; the flow below runs with -datacarriersize=300.
 * Shapes are checked against a token open a komodod node made (developer-docs antara-api/channels.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sha256 } from '@noble/hashes/sha2.js'
import { createDevchainCore, type DevchainCore } from '../../../support/devchain.ts'
import { recentRejects } from '../../../../devchain/cc/rejects.ts'
import { parseTx, type Tx } from '../../../../devchain/tx/transaction.ts'
import { hashToHex } from '../../../../devchain/crypto/hash.ts'
import { bytesToHex, hexToBytes } from '../../../../devchain/cc/hashes.ts'
import { ccScript, makeCCcond1, makeTokensCCcond1of2 } from '../../../../devchain/cc/condition.ts'
import { finalizeCCTx } from '../../../../devchain/cc/cc-rpc.ts'
import { evalCodesOfScriptSig } from '../../../../devchain/cc/spend.ts'
import { p2pk } from '../../../../devchain/tx/script.ts'
import { nonStandardReason } from '../../../../devchain/chain/policy.ts'
import { opReturnPayload, opReturnScript } from '../../../../protocol/opret.ts'
import { decodeChannelsOpret, encodeChannelsOpret, FUNCID, ZERO_ID, type ChannelsOpret } from '../../../../modules/channels/spec/opret.ts'
import { channelAddress, tokenChannelAddress } from '../../../../modules/channels/chain.ts'

const SCRIPT_FALSE = '16: mandatory-script-verify-flag-failed (Script evaluated without error but finished with a false/empty top stack element)'
const CHANNELS = 0xeb
const TOKENS = 0xf2
/** ChannelsValidate's first check on the open, which a token channel's vout.0 always fails. */
const REFUSED = 'vout.0 is CC or invalid amount for channelopen!'

let dc: DevchainCore
const call = (node: string, m: string, p: unknown[] = []) => dc.call(node, m, p) as Promise<any>
const mine = (n = 1) => call('miner', 'generate', [n])
const send = (node: string, hex: string) => call(node, 'sendrawtransaction', [hex]) as Promise<string>
const txOf = (hex: string): Tx => parseTx(hexToBytes(hex))
const opretOf = (tx: Tx): ChannelsOpret => decodeChannelsOpret(opReturnPayload(tx.vout[tx.vout.length - 1].script)!)!
const txidOf = (hex: string): string => hashToHex(sha256(sha256(hexToBytes(hex))))
const hex = (b: Uint8Array): string => bytesToHex(b)
const tokens1of2 = (a: string, b: string): string => hex(ccScript(makeTokensCCcond1of2(CHANNELS, hexToBytes(a), hexToBytes(b))))
const cc1 = (evalCode: number, pk: string): string => hex(ccScript(makeCCcond1(evalCode, hexToBytes(pk))))

async function refused(node: string, raw: string): Promise<void> {
  const txid = txidOf(raw)
  await expect(send(node, raw)).rejects.toMatchObject({ code: -26, message: SCRIPT_FALSE })
  expect(recentRejects().find((r) => r.txid === txid)).toMatchObject({ module: 'Channels', reason: REFUSED })
}

let minerPk: string
let readerPk: string
let tokenid: string
let opentxid: string

beforeAll(async () => {
  dc = await createDevchainCore({ dataDir: null, seed: 'channels-tokens', args: ['-datacarriersize=300'] })
  minerPk = dc.wallet('miner').pubkey!
  readerPk = dc.wallet('reader').pubkey!
  const readerAddress = (await call('reader', 'validateaddress', [await call('reader', 'getnewaddress')])).address
  await call('miner', 'sendtoaddress', [readerAddress, 1])
  tokenid = await send('miner', (await call('miner', 'tokencreate', ['CHAN', '0.000001'])).hex)
  await mine()
})
afterAll(async () => {
  await dc?.close()
})

describe('the token open komodod made', () => {
  // channelsopen <DEST> 99 1 <tokenid> on a komodod node holding 100 of the token.
  const SRC = '02d3431950c2f0f9654217b6ce3d44468d3a9ca7255741767fdeee7c5ec6b47567'
  const DEST = '0257e1074b542c47cd6f603e3d78400045df0781875f698138e92cb03055286634'
  const RECORDED = '0400008085202f8902068ffd7dd7dbf230c79ef08c97cff151ae371d6d638ed47791fc2bee9f31e40d00000000484730440220594cf8de63f2096410560ff81322ecb4f3c7f8edcc2b8716031417311b4d5af4022031f02f69a7834b4e7b72dabe78b5b3f3a576d2befa507a85a7212639e00a664901ffffffffed0124328a0e2a6d5a77d8d2951894e4741bc75522836c9a67ec9ce307696a91010000007b4c79a276a072a26ba067a565802102d3431950c2f0f9654217b6ce3d44468d3a9ca7255741767fdeee7c5ec6b475678140b5333063661eb5013544e67282254a8f0abf6b7334c83bdde07eff054d53657876310286e17e81a9c8c26af8c744325a9268d3220cb9a80b1316cc0e1290aaa1a100af038001f2a10001ffffffff066300000000000000302ea22c8020f765a39dc65a1a5b9535633f65604f92d404de5ea156f3e660929f46db671ec781032214008203000401cc1027000000000000302ea22c8020928bb24f3e778e69a0fcec948892ddd7f2e33334a9e3ee602182056e648be0ec8103120c008203000401cc1027000000000000302ea22c8020fcfca0608f930c2b02e6b5a84a96815804f3ea22e7eab032b94ad5a377d281b18103120c008203000401cc0100000000000000302ea22c80205dcc33b0b3f0573b306ab85ffa9ce8622fbcb81cb6ad8ec00f366935bbf500f78103120c008203000401ccd06e0b5402000000232102d3431950c2f0f9654217b6ce3d44468d3a9ca7255741767fdeee7c5ec6b47567ac0000000000000000fdfe006a4cfbf274916a6907e39cec679a6c832255c71b74e4941895d2d8775a6d2a0e8a322401ed022102d3431950c2f0f9654217b6ce3d44468d3a9ca7255741767fdeee7c5ec6b47567210257e1074b542c47cd6f603e3d78400045df0781875f698138e92cb030552866341492eb4f00000000000000000000000000000000000000000000000000000000000000002102d3431950c2f0f9654217b6ce3d44468d3a9ca7255741767fdeee7c5ec6b47567210257e1074b542c47cd6f603e3d78400045df0781875f698138e92cb03055286634630000000100000000000000e613adac747c26e76f8db6ca9818032f3d678b1b7f608938516662d857b2980f000000003b0100000000000000000000000000'

  it('has the layout the devchain builds: normal vin, token vin; 1of2 tokens, markers, token change, change, opret', () => {
    const tx = txOf(RECORDED)
    expect(evalCodesOfScriptSig(tx.vin[0].script)).toEqual([])
    expect(evalCodesOfScriptSig(tx.vin[1].script)).toEqual([TOKENS])
    expect(tx.vout.map((o) => o.value).slice(0, 4)).toEqual([99, 10_000, 10_000, 1])
    expect(hex(tx.vout[0].script)).toBe(tokens1of2(SRC, DEST))
    expect(hex(tx.vout[1].script)).toBe(cc1(CHANNELS, SRC))
    expect(hex(tx.vout[2].script)).toBe(cc1(CHANNELS, DEST))
    expect(hex(tx.vout[3].script)).toBe(cc1(TOKENS, SRC))
    expect(hex(tx.vout[4].script)).toBe(hex(p2pk(hexToBytes(SRC))))
    const o = opretOf(tx)
    expect(o).toMatchObject({ funcid: FUNCID.open, tokenid: '916a6907e39cec679a6c832255c71b74e4941895d2d8775a6d2a0e8a322401ed', srcpub: SRC, destpub: DEST, param1: 99 })
    expect(hex(tx.vout[5].script)).toBe(hex(opReturnScript(encodeChannelsOpret(o))))
  })
})

describe('channelsopen with a tokenid', () => {
  it('on a chain with the default -datacarriersize: built, then refused as non-standard (64: scriptpubkey)', async () => {
    const plain = await createDevchainCore({ dataDir: null, seed: 'channels-tokens-default' })
    try {
      const id = await plain.call('miner', 'sendrawtransaction', [((await plain.call('miner', 'tokencreate', ['STD', '0.000001'])) as { hex: string }).hex]) as string
      await plain.call('miner', 'generate', [1])
      const r = (await plain.call('miner', 'channelsopen', [plain.wallet('reader').pubkey!, '10', '5', id])) as { hex: string; result: string }
      expect(r.result).toBe('success')
      const tx = txOf(r.hex)
      expect(tx.vout[tx.vout.length - 1].script.length).toBe(254)
      expect(nonStandardReason(tx)).toBe('scriptpubkey')
      await expect(plain.call('miner', 'sendrawtransaction', [r.hex])).rejects.toMatchObject({ code: -26, message: '64: scriptpubkey' })
    } finally {
      await plain.close()
    }
  })

  it('locks the tokens in the Tokens 1of2 output and returns the token change', async () => {
    const r = await call('miner', 'channelsopen', [readerPk, '10', '5', tokenid])
    expect(Object.keys(r)).toEqual(['hex', 'result'])
    expect(r.result).toBe('success')
    const tx = txOf(r.hex)
    expect(evalCodesOfScriptSig(tx.vin[0].script)).toEqual([])
    expect(evalCodesOfScriptSig(tx.vin[1].script)).toEqual([TOKENS])
    expect(tx.vout.map((o) => o.value).slice(0, 4)).toEqual([50, 10_000, 10_000, 50])
    expect(hex(tx.vout[0].script)).toBe(tokens1of2(minerPk, readerPk))
    expect([hex(tx.vout[1].script), hex(tx.vout[2].script)]).toEqual([cc1(CHANNELS, minerPk), cc1(CHANNELS, readerPk)])
    expect(hex(tx.vout[3].script)).toBe(cc1(TOKENS, minerPk))
    expect(opretOf(tx)).toMatchObject({ funcid: FUNCID.open, tokenid, opentxid: ZERO_ID, srcpub: minerPk, destpub: readerPk, param1: 10, param2: 5n })
    opentxid = await send('miner', r.hex)
    await mine()
    expect((await call('miner', 'tokenbalance', [tokenid])).balance).toBe(50)
  })

  it('channelsinfo names the token; channelslist lists the channel on both sides', async () => {
    const info = await call('reader', 'channelsinfo', [opentxid])
    expect(Object.keys(info)).toEqual([
      'result', 'Channel CC address', 'Destination address', 'Number of payments', 'Token id', 'Denomination (token satoshi)', 'Amount (token satoshi)', 'Transactions',
    ])
    // komodod prints the coin 1of2 address even for a token channel.
    expect(info).toMatchObject({ 'Channel CC address': channelAddress(minerPk, readerPk), 'Token id': tokenid, 'Denomination (token satoshi)': '5', 'Amount (token satoshi)': '50' })
    expect(info.Transactions).toEqual([{ Open: opentxid }])
    expect(await call('reader', 'channelslist')).toMatchObject({ [opentxid]: `10 payments of 5 satoshi to ${readerPk}` })
    expect((await call('miner', 'getaddressutxos', [{ addresses: [tokenChannelAddress(minerPk, readerPk)] }, 1]))).toEqual([
      expect.objectContaining({ txid: opentxid, outputIndex: 0, satoshis: 50 }),
    ])
  })

  it('without enough tokens and coins: komodod\'s "error adding funds"', async () => {
    expect(await call('reader', 'channelsopen', [minerPk, '10', '1000000000', tokenid])).toEqual({ result: 'error', error: 'error adding funds' })
  })

  it('a wallet coin stands in for missing tokens: komodod only compares the sum of both', async () => {
    // The reader holds none of the token, but its one coin covers the fee, the markers and the 50 "tokens".
    const r = await call('reader', 'channelsopen', [minerPk, '10', '5', tokenid])
    const tx = txOf(r.hex)
    expect(tx.vin.every((v) => evalCodesOfScriptSig(v.script).length === 0)).toBe(true)
    expect(hex(tx.vout[0].script)).toBe(tokens1of2(readerPk, minerPk))
    expect(tx.vout[0].value).toBe(50)
  })

  it('a non-fungible token: FinalizeCCTx cannot sign its input for Channels, and channelsopen answers null', async () => {
    const nft = await send('miner', (await call('miner', 'tokencreate', ['CHNFT', '0.00000001', 'one', 'f701'])).hex)
    await mine()
    expect(await call('miner', 'channelsopen', [readerPk, '1', '1', nft])).toBeNull()
  })
})

describe('every later spend of a token channel is built, then refused by ChannelsValidate', () => {
  it('payment: builder waits for 101 confirmations, then pays tokens; consensus refuses it', async () => {
    expect(await call('miner', 'channelspayment', [opentxid, '5'])).toEqual({ result: 'error', error: 'channelsopen tx not yet confirmed/notarized' })
    await mine(100)
    const r = await call('miner', 'channelspayment', [opentxid, '10'])
    expect(r.result).toBe('success')
    const tx = txOf(r.hex)
    expect(evalCodesOfScriptSig(tx.vin[1].script)).toEqual([CHANNELS, TOKENS])
    expect(evalCodesOfScriptSig(tx.vin[2].script)).toEqual([CHANNELS])
    expect(tx.vout.map((o) => o.value).slice(0, 4)).toEqual([40, 10_000, 10_000, 10])
    expect(hex(tx.vout[0].script)).toBe(tokens1of2(minerPk, readerPk))
    expect(hex(tx.vout[3].script)).toBe(cc1(TOKENS, readerPk))
    expect(opretOf(tx)).toMatchObject({ funcid: FUNCID.payment, tokenid, opentxid, param1: 8, param2: 2n })
    await refused('miner', r.hex)
  })

  it('close: the bare hex with the tokens back in the 1of2 output; refused', async () => {
    const r = await call('miner', 'channelsclose', [opentxid])
    expect(typeof r).toBe('string')
    const tx = txOf(r)
    expect(hex(tx.vout[0].script)).toBe(tokens1of2(minerPk, readerPk))
    expect(tx.vout[0].value).toBe(50)
    expect(opretOf(tx)).toMatchObject({ funcid: FUNCID.close, tokenid, opentxid, param1: 10, param2: 5n })
    await refused('miner', r)
  })

  it('refund: with a mined close record (no real close can be mined), it pays the tokens back; refused', async () => {
    // A transaction that only carries a 'C' OP_RETURN for the channel: no Channels input, so no rule runs on it.
    const wallet = dc.wallet('miner')
    const k = wallet.pubkeyKey!
    const payload = encodeChannelsOpret({ funcid: FUNCID.close, tokenid, opentxid, srcpub: minerPk, destpub: readerPk, param1: 10, param2: 5n, param3: ZERO_ID })
    const closeHex = finalizeCCTx({ wallet, mypk: k.pub, normal: wallet.selectCoins(20_000)!, cc: [], outputs: [], opret: opReturnScript(payload) }).hex
    const closetxid = await send('miner', closeHex)
    await mine(101)
    const r = await call('miner', 'channelsrefund', [opentxid, closetxid])
    expect(typeof r).toBe('string')
    const tx = txOf(r)
    expect([hex(tx.vout[0].script), hex(tx.vout[1].script)]).toEqual([cc1(CHANNELS, minerPk), cc1(CHANNELS, readerPk)])
    expect(hex(tx.vout[2].script)).toBe(cc1(TOKENS, minerPk))
    expect(tx.vout[2].value).toBe(50)
    expect(opretOf(tx)).toMatchObject({ funcid: FUNCID.refund, tokenid, opentxid, param1: 10, param3: closetxid })
    await refused('miner', r)
    // The tokens stay locked in the channel.
    expect((await call('miner', 'getaddressutxos', [{ addresses: [tokenChannelAddress(minerPk, readerPk)] }, 1]))).toEqual([
      expect.objectContaining({ txid: opentxid, outputIndex: 0, satoshis: 50 }),
    ])
  })
})
