/** The Tokens panel's English UI strings, apart from the spec so the panel's chunk carries no catalog entries. */

export const TOKEN_STRINGS = {
  title: 'Tokens',
  name: 'Token name',
  supply: 'Supply (coins; 1 token = 1 satoshi)',
  description: 'Description',
  create: 'Create token',
  tokenid: 'Token id',
  destination: 'Recipient pubkey',
  amount: 'Units to send',
  transfer: 'Transfer',
  balances: 'Balances',
  balance: 'Balance',
  holder: 'Holder',
  owner: 'Owner',
  tx: {
    create: 'Token creation: name “{name}”',
    description: 'Description',
    creator: 'Creator pubkey',
    transfer: 'Token transfer of {tokenid}',
    to: 'To pubkey',
  },
}
