import { describe, expect, it } from 'vitest'
import { METHODS } from '../../../modules/catalog.ts'
import { PROFILE_NAMES, createPolicy, isNeverMethod } from '../../../server/gateway/policy.ts'

const ISSUE_NEVER_LIST = [
  'dumpprivkey', 'dumpwallet', 'importprivkey', 'importwallet', 'backupwallet', 'stop', 'encryptwallet',
  'walletpassphrase', 'walletpassphrasechange', 'walletlock', 'setban', 'addnode', 'disconnectnode',
  'invalidateblock', 'reconsiderblock', 'submitblock', 'gatewaysdumpprivkey', 'z_exportkey', 'z_exportwallet',
  'z_exportviewingkey',
]

const policies = PROFILE_NAMES.flatMap((profile) => [true, false].map((devchain) => createPolicy({ profile, devchain })))

describe('policy', () => {
  it('the catalog marks every method of the never-list as never', () => {
    const never = new Set(METHODS.filter((m) => m.safety === 'never').map((m) => m.name))
    for (const name of ISSUE_NEVER_LIST) expect(never.has(name), name).toBe(true)
  })

  it('refuses every never method in every profile, with or without the devchain', () => {
    const names = [...METHODS.filter((m) => m.safety === 'never').map((m) => m.name), ...ISSUE_NEVER_LIST, 'z_exportanything', 'walletpassphraseX']
    for (const policy of policies) {
      for (const name of names) {
        const refusal = policy.check(name)
        expect(refusal, `${policy.profile}: ${name}`).toMatchObject({ code: -32601, status: 403 })
        expect(policy.allowed).not.toContain(name)
      }
    }
  })

  it('builds local and public from safety classes, default-deny', () => {
    const classes = (profile: 'local' | 'public', devchain: boolean) => {
      const allowed = createPolicy({ profile, devchain }).allowed
      return new Set(METHODS.filter((m) => allowed.includes(m.name)).map((m) => m.safety))
    }
    expect([...classes('local', true)].sort()).toEqual(['broadcast', 'cc-build', 'cc-info', 'devchain', 'mining', 'node', 'read', 'spend', 'wallet'])
    expect([...classes('local', false)].sort()).toEqual(['broadcast', 'cc-build', 'cc-info', 'mining', 'node', 'read', 'spend', 'wallet'])
    expect([...classes('public', true)].sort()).toEqual(['broadcast', 'cc-info', 'read'])
    for (const policy of policies) {
      for (const m of METHODS) {
        const expected = policy.allowed.includes(m.name)
        expect(policy.check(m.name) === undefined, `${policy.profile} ${m.name}`).toBe(expected)
      }
    }
  })

  it('answers examples the way the issue describes', () => {
    const local = createPolicy({ profile: 'local', devchain: true })
    const pub = createPolicy({ profile: 'public', devchain: true })
    for (const m of ['getinfo', 'getnewaddress', 'generate', 'faucetfund', 'sendrawtransaction', 'devchain_setmining']) expect(local.check(m)).toBeUndefined()
    for (const m of ['getinfo', 'faucetinfo', 'tokeninfo', 'sendrawtransaction']) expect(pub.check(m)).toBeUndefined()
    // getpeerinfo names the node's peers by address: the node's business, not a public reader's.
    for (const m of ['getnewaddress', 'generate', 'sendtoaddress', 'faucetget', 'devchain_setmining', 'getpeerinfo']) {
      expect(pub.check(m)).toEqual({ code: -32601, message: 'Method not allowed by gateway profile "public"', status: 403 })
    }
    expect(local.check('setpubkey')).toMatchObject({ status: 403 })
  })

  it('refuses signrawtransaction with a privkeys argument in every profile, even an empty list', () => {
    const refusal = { code: -32601, message: 'Parameter "privkeys" is never allowed by the gateway (private keys)', status: 403 }
    const local = createPolicy({ profile: 'local', devchain: true })
    const hex = '0400008085202f89'
    expect(local.check('signrawtransaction', [hex])).toBeUndefined()
    expect(local.check('signrawtransaction', [hex, [], null, 'ALL'])).toBeUndefined() // null: no keys given
    for (const keys of [['UqMgrVgtQ4FKgvTGjVWQzHJfLmvRCLpaSpHs5apzPd8jjYPHt4YX'], []]) {
      expect(local.check('signrawtransaction', [hex, [], keys])).toEqual(refusal)
    }
    // public does not allow the method at all (it signs with the node's wallet).
    expect(createPolicy({ profile: 'public', devchain: false }).check('signrawtransaction', [hex, [], []])).toMatchObject({ status: 403 })
  })

  it('answers unknown names as komodod does, including prototype names', () => {
    const local = createPolicy({ profile: 'local', devchain: true })
    for (const m of ['nosuchmethod', '__proto__', 'constructor', 'toString', '', 'GETINFO']) {
      expect(local.check(m)).toEqual({ code: -32601, message: 'Method not found', status: 404 })
    }
    // devchain_* do not exist on komodod.
    expect(createPolicy({ profile: 'local', devchain: false }).check('devchain_info')).toMatchObject({ status: 404 })
  })

  it('isNeverMethod covers the families by prefix', () => {
    expect(isNeverMethod('z_exportkey')).toBe(true)
    expect(isNeverMethod('walletpassphrasechange')).toBe(true)
    expect(isNeverMethod('getinfo')).toBe(false)
  })
})
