import { describe, it, expect } from 'vitest'
import { addressFromPubkey, decodeAddress, decodeWif, encodeWif, keyFromSeed, segidOf } from '../../../devchain/crypto/keys.ts'
import { fromHex, toHex, hash160 } from '../../../devchain/crypto/hash.ts'
import { classifyScript, p2pkh, scriptToAsm } from '../../../devchain/tx/script.ts'
import { chainParamsFrom, magicAndPort } from '../../../devchain/chain/params.ts'

describe('addresses (reference §3.2)', () => {
  it('derives the R-address, scriptPubKey and segid of the recorded validateaddress', () => {
    const pub = fromHex('03cb108cdb893a4a6c72c2fe23768929ada335103c6fa2bea428f5204bd051dacc')
    const address = addressFromPubkey(pub)
    expect(address).toBe('RYNBgpcanNdfy4oGLbnVYnPPtu5JWcZM8B')
    expect(toHex(p2pkh(hash160(pub)))).toBe('76a914fd3ca56e0dc10a080c1d351b42c75bd82fc76d2288ac')
    expect(segidOf(address)).toBe(56)
  })

  it('derives setpubkey and module normal addresses', () => {
    expect(addressFromPubkey(fromHex('0260801166cebdc9be1e3460ba9e4959fb29feee7725f565ffc296fa4636aa706f'))).toBe('RK47DQhSHJEMGFSiRtgki67xG3u1Qsq1Gw')
    expect(addressFromPubkey(fromHex('03682b255c40d0cde8faee381a1a50bbb89980ff24539cb8518e294d3a63cefe12'))).toBe('RKQV4oYs4rvxAWx1J43VnT73rSTVtUeckk')
    expect(addressFromPubkey(fromHex('03e6191c70c9c9a28f9fd87089b9488d0e6c02fb629df64979c9cdb6b2b4a68d95'))).toBe('RCNgAngYAdrfzujYyPgfbjCGNVQZzCgTad')
  })

  it('files a CC output under the hash of the whole script (reference §3.3)', () => {
    const script = fromHex('2ea22c8020e029c511da55523565835887e412e5a0c9b920801b007000df45e545f25028248103120c008203000401cc')
    const info = classifyScript(script)
    expect(info.type).toBe('cryptocondition')
    expect(info.addresses).toEqual(['R9zHrofhRbub7ER77B7NrVch3A63R39GuC'])
    expect(scriptToAsm(script)).toBe('a22c8020e029c511da55523565835887e412e5a0c9b920801b007000df45e545f25028248103120c008203000401 OP_CHECKCRYPTOCONDITION')
  })

  it('round-trips WIF (version 188, compressed → starts with U) and rejects bad addresses', () => {
    const k = keyFromSeed('t', 'a')
    const wif = encodeWif(k.priv)
    expect(wif[0]).toBe('U')
    expect(toHex(decodeWif(wif)!)).toBe(toHex(k.priv))
    expect(decodeAddress(k.address)?.version).toBe(60)
    expect(decodeAddress(k.address.slice(0, -1) + (k.address.endsWith('a') ? 'b' : 'a'))).toBeNull()
    expect(decodeAddress('1BoatSLRHtKNngkdXEeobR76b53LETtpyT')).toBeNull()
  })

  it('derives keys deterministically from the seed', () => {
    expect(keyFromSeed('s', 'miner/0').address).toBe(keyFromSeed('s', 'miner/0').address)
    expect(keyFromSeed('s', 'miner/0').address).not.toBe(keyFromSeed('s2', 'miner/0').address)
  })
})

describe('chain parameters (reference §7.2)', () => {
  it('computes magic and ports of RT1/1000 (no extra parameters)', () => {
    const p = chainParamsFrom(['-ac_name=RT1', '-ac_supply=1000', '-regtest'])
    expect(p.magic).toBe(-42521927)
    expect(p.p2pport).toBe(13100)
    expect(p.rpcport).toBe(13101)
    expect(p.regtest).toBe(true)
  })

  it('-ac_cc and -ac_staked alone do not switch to the extra branch; -ac_reward does', () => {
    const plain = chainParamsFrom(['-ac_name=RT1', '-ac_supply=1000', '-ac_cc=2', '-ac_staked=10'])
    expect(plain.magic).toBe(-42521927)
    const rewarded = chainParamsFrom(['-ac_name=RT1', '-ac_supply=1000', '-ac_reward=100000000'])
    expect(rewarded.p2pport).toBeGreaterThanOrEqual(16000)
    expect(rewarded.p2pport).toBeLessThan(16000 + 49500)
    expect(rewarded.magic).not.toBe(-42521927)
    // Same extra bytes → same magic: the extra branch is a pure function of the parameters.
    expect(magicAndPort('X', 1, new Uint8Array([1, 2]))).toEqual(magicAndPort('X', 1, new Uint8Array([1, 2])))
  })

  it('takes -rpcport, -rpcuser, -rpcpassword and -datadir', () => {
    const p = chainParamsFrom(['-ac_name=A', '-rpcport=1234', '-rpcuser=u', '-rpcpassword=p', '-datadir=/tmp/x'])
    expect([p.rpcport, p.rpcuser, p.rpcpassword, p.datadir]).toEqual([1234, 'u', 'p', '/tmp/x'])
  })
})
