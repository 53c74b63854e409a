/**
 * The engine-side pieces of Assets: the global key pair from src/cc/CCcustom.cpp, the conditions of
 * orders (their addresses computed independently, deriveVectors.py), the address-index order, and
 * mytokenorders' strtol.
 */
import { describe, expect, it } from 'vitest'
import { keyFromPrivate } from '../../../../devchain/crypto/keys.ts'
import { ccAddress, ccAddressOfScript, ccScript, makeTokensCCcond1 } from '../../../../devchain/cc/condition.ts'
import { bytesToHex, hexToBytes } from '../../../../devchain/cc/hashes.ts'
import type { Coin } from '../../../../devchain/chain/ledger.ts'
import { ASSETS_PK, ASSETS_PRIV, indexOrder, script, tokensCond } from '../../../../modules/assets/chain.ts'
import { strtol0 } from '../../../../modules/assets/orders.ts'
import { ASSETS_GLOBAL_CC_ADDRESS, ASSETS_GLOBAL_PUBKEY } from '../../../../modules/assets/spec.ts'

const USER = hexToBytes('03fe754763c176e1339a3f62ee6b9484720e17ee4646b65a119e9f6370c7004abc')

describe('Assets keys and conditions', () => {
  it('the public private key of CCcustom.cpp belongs to the global pubkey', () => {
    expect(bytesToHex(keyFromPrivate(ASSETS_PRIV).pub)).toBe(ASSETS_GLOBAL_PUBKEY)
  })

  it('bid coins, ask tokens and a user\'s Assets address match the independent derivation', () => {
    expect(ccAddressOfScript(script.assets(ASSETS_PK))).toBe(ASSETS_GLOBAL_CC_ADDRESS)
    expect(ccAddressOfScript(script.askTokens(0, ASSETS_PK))).toBe('RTWtxY7GTBZ3zL8jfzyWWz1fveF3KXKBF8')
    expect(ccAddressOfScript(script.assets(USER))).toBe('RRPpWbVdxcxmhx4xnWnVZFDfGc9p1177ti')
    expect(ccAddress(0xe3, hexToBytes('028702e30d8465d6aa85f35d2f58c06a6ee17f23f376b56044dadf7b793f2c12b9'))).toBe('RG6mr23tQ9nUhmi5GEnYqjfkqZt9x2MRXz')
  })

  it('MakeTokensCCcond1: the Tokens eval is implied, a non-fungible eval adds a fourth child', () => {
    expect(bytesToHex(ccScript(tokensCond(0xe3, 0, USER)))).toBe(bytesToHex(ccScript(makeTokensCCcond1(0xe3, USER))))
    expect(bytesToHex(script.heldTokens(0, USER))).toBe(bytesToHex(ccScript(makeTokensCCcond1(0xf2, USER))))
    const nft = tokensCond(0xe3, 0xf7, USER)
    expect(nft).toMatchObject({ type: 'threshold', threshold: 4 })
    expect(ccAddressOfScript(ccScript(nft))).not.toBe(ccAddressOfScript(script.askTokens(0, USER)))
  })
})

describe('address-index order', () => {
  it('sorts by txid in internal byte order (the display hex reversed), then by output', () => {
    const coin = (txid: string, vout: number) => ({ txid, vout } as Coin)
    const a = coin('01' + '00'.repeat(30) + 'ff', 0)
    const b = coin('ff' + '00'.repeat(30) + '01', 1)
    const c = coin('ff' + '00'.repeat(30) + '01', 0)
    expect([a, b, c].sort(indexOrder)).toEqual([c, b, a])
  })
})

describe('strtol(s, NULL, 0)', () => {
  it('reads decimal, hex and octal prefixes and stops at the first misfit', () => {
    expect(strtol0('247')).toBe(247)
    expect(strtol0('0xf7')).toBe(0xf7)
    expect(strtol0('0XF7zz')).toBe(0xf7)
    expect(strtol0('017')).toBe(15)
    expect(strtol0('  -3')).toBe(-3)
    expect(strtol0('abc')).toBe(0)
    expect(strtol0('')).toBe(0)
  })
})
