import { describe, expect, it } from 'vitest'
import { opReturnPayload, opReturnScript } from '../../../protocol/opret.ts'
import { decodeFaucetGet, encodeFaucetGet } from '../../../modules/faucet/spec.ts'
import { decodeTokenCreate, decodeTokenTransfer, encodeTokenCreate, encodeTokenTransfer } from '../../../modules/tokens/spec.ts'
import { bytesToHex, hexToBytes } from '../../../devchain/cc/hashes.ts'

const PK = hexToBytes('02d3431950c2f0f9654217b6ce3d44468d3a9ca7255741767fdeee7c5ec6b47567')

describe('CC OP_RETURN payloads', () => {
  it('faucetget: e4 47 <LE nonce>, as in komodod\'s transaction 6a06e44767458b0b', () => {
    expect(bytesToHex(opReturnScript(encodeFaucetGet(0x0b8b4567)))).toBe('6a06e44767458b0b')
    expect(decodeFaucetGet(opReturnPayload(hexToBytes('6a06e44767458b0b'))!)).toEqual({ nonce: 0x0b8b4567 })
    expect(decodeFaucetGet(hexToBytes('e44800000000'))).toBeNull()
  })

  it('tokencreate: the docs\' TOK opret (6a3d f263 21<pk> 03 TOK 14 "creating a TOK token")', () => {
    const script = opReturnScript(encodeTokenCreate({ creatorPubkey: PK, name: 'TOK', description: 'creating a TOK token' }))
    const text = bytesToHex(new TextEncoder().encode('creating a TOK token'))
    expect(bytesToHex(script)).toBe(`6a3df26321${bytesToHex(PK)}03544f4b14${text}`)
    expect(decodeTokenCreate(opReturnPayload(script)!)).toEqual({ creatorPubkey: PK, name: 'TOK', description: 'creating a TOK token' })
  })

  it('tokencreate with NFT data and a long description (PUSHDATA2, CompactSize fd)', () => {
    const description = 'd'.repeat(4096)
    const nftData = hexToBytes('f70101')
    const script = opReturnScript(encodeTokenCreate({ creatorPubkey: PK, name: 'NFT', description, nftData }))
    expect(script[1]).toBe(0x4d)
    const payload = opReturnPayload(script)!
    expect(bytesToHex(payload.subarray(payload.length - 5))).toBe('1103f70101')
    expect(decodeTokenCreate(payload)).toEqual({ creatorPubkey: PK, name: 'NFT', description, nftData })
  })

  it('tokentransfer: f2 74 <tokenid display order> 01 21<pubkey>', () => {
    const tokenid = '43850dfce744581ef44775086625745adecd628993c5ff4c1c786cfd21009add'
    const payload = encodeTokenTransfer({ tokenid, destPubkeys: [PK] })
    expect(bytesToHex(payload)).toBe(`f274${tokenid}0121${bytesToHex(PK)}`)
    expect(decodeTokenTransfer(payload)).toEqual({ tokenid, destPubkeys: [PK] })
    expect(decodeTokenTransfer(payload.subarray(0, 20))).toBeNull()
  })
})
