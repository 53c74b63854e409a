/** The Faucet panel's English UI strings, apart from the spec so the panel's chunk carries no catalog entries. */

export const FAUCET_STRINGS = {
  title: 'Faucet',
  amount: 'Coins to lock in the faucet',
  fund: 'Fund the faucet',
  claim: 'Claim 0.1 coin',
  claiming: 'Searching for a transaction id that starts and ends with 00…',
  attempts: '{n} attempts',
  attemptsOf: '{n} attempts of about {expected} expected',
  info: 'Faucet balance',
  funding: '{amount} coins available',
  reader: 'Claims run on the reader node, a fresh identity the faucet accepts.',
  tx: {
    claim: 'Faucet claim, proof-of-work nonce {nonce}',
  },
}
