import { describe, it, expect } from 'vitest'
import { parseTx, serializeTx, txidOf } from '../../../devchain/tx/transaction.ts'
import { signatureHash, SIGHASH_ALL, SIGHASH_ANYONECANPAY } from '../../../devchain/tx/sighash.ts'
import { fromHex, toHex } from '../../../devchain/crypto/hash.ts'
import { verifyDer } from '../../../devchain/crypto/keys.ts'
import { parseScript } from '../../../devchain/tx/script.ts'
import { komodoFixtures } from '../../support/fixtures.ts'

const fixtures = komodoFixtures
const byId = (id: string) => fixtures.responses.find((r: { id: string }) => r.id === id)

// ZIP-243 test vector 3 (zcash/zips zip-0243.rst): a transparent Sapling v4 transaction.
const ZIP243_TX = '0400008085202f8901a8c685478265f4c14dada651969c45a65e1aeb8cd6791f2f5bb6a1d9952104d9010000006b483045022100a61e5d557568c2ddc1d9b03a7173c6ce7c996c4daecab007ac8f34bee01e6b9702204d38fdc0bcf2728a69fde78462a10fb45a9baa27873e6a5fc45fb5c76764202a01210365ffea3efa3908918a8b8627724af852fc9b86d7375b103ab0543cf418bcaa7ffeffffff02005a6202000000001976a9148132712c3ff19f3a151234616777420a6d7ef22688ac8b959800000000001976a9145453e4698f02a38abdaa521cd1ff2dee6fac187188ac29b0040048b004000000000000000000000000'
const ZIP243_SCRIPT = fromHex('76a914507173527b4c3318a2aecd793bf1cfed705950cf88ac')

describe('Sapling v4 transactions', () => {
  it('parses and re-serializes ZIP-243 vector 3 byte for byte', () => {
    const tx = parseTx(fromHex(ZIP243_TX))
    expect(tx.version).toBe(4)
    expect(tx.overwintered).toBe(true)
    expect(tx.versionGroupId).toBe(0x892f2085)
    expect(tx.lockTime).toBe(0x0004b029)
    expect(tx.expiryHeight).toBe(0x0004b048)
    expect(tx.vout.map((o) => o.value)).toEqual([0x02625a00, 0x0098958b])
    expect(toHex(serializeTx(tx))).toBe(ZIP243_TX)
  })

  it('computes the ZIP-243 signature hash of vector 3 (SIGHASH_ALL, and bare ANYONECANPAY 0x80 as wallet-core records it)', () => {
    const tx = parseTx(fromHex(ZIP243_TX))
    expect(toHex(signatureHash(tx, 0, ZIP243_SCRIPT, 50_000_000, SIGHASH_ALL))).toBe('f3148f80dfab5e573d5edfe7a850f5fd39234f80b5429d3a57edcc11e34c585b')
    expect(toHex(signatureHash(tx, 0, ZIP243_SCRIPT, 50_000_000, SIGHASH_ANYONECANPAY))).toBe('f0bde4facddbc11f5e9ed2f5d5038083bec4a61627a2715a5ee9be7fb3152e9b')
  })

  it('verifies the real signature inside vector 3 against that hash', () => {
    const tx = parseTx(fromHex(ZIP243_TX))
    const [sig, pub] = parseScript(tx.vin[0].script)!.map((o) => o.data!)
    const h = signatureHash(tx, 0, ZIP243_SCRIPT, 50_000_000, sig[sig.length - 1])
    expect(verifyDer(sig.subarray(0, sig.length - 1), h, pub)).toBe(true)
    expect(verifyDer(sig.subarray(0, sig.length - 1), h, pub.map((b, i) => (i === 5 ? b ^ 1 : b)))).toBe(false)
  })
})

describe('komodod transactions from the fixtures', () => {
  it('gives the recorded txid of the faucetfund transaction (v1)', () => {
    const raw = fromHex(byId('sendrawtransaction-faucetfund').request.params[0])
    expect(txidOf(raw)).toBe(byId('sendrawtransaction-faucetfund').result)
    expect(toHex(serializeTx(parseTx(raw)))).toBe(toHex(raw))
  })

  it('gives the recorded txid of the block-1 coinbase', () => {
    const g = byId('gettransaction-coinbase').result
    expect(txidOf(fromHex(g.hex))).toBe(g.txid)
  })

  it('refuses malformed bytes', () => {
    expect(() => parseTx(fromHex(ZIP243_TX.slice(0, -2)))).toThrow()
    expect(() => parseTx(fromHex(ZIP243_TX + '00'))).toThrow()
    expect(() => parseTx(new Uint8Array(0))).toThrow()
  })
})
