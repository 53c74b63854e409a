/**
 * komodod's CC eval codes and module names (src/cc/eval.h, EVAL_* and the names its
 * `<module>address` RPCs print). The eval code is a fact of the protocol, not of a module: a
 * transaction from a real node may carry a module this site does not implement, and the decoder
 * still names it. What a module *is* (keys, codec, methods) lives in `modules/<name>/spec.ts`.
 */
export const EVAL = {
  IMPORTPAYOUT: 0xe1, IMPORTCOIN: 0xe2, ASSETS: 0xe3, FAUCET: 0xe4, REWARDS: 0xe5, DICE: 0xe6, FSM: 0xe7,
  AUCTION: 0xe8, LOTTO: 0xe9, HEIR: 0xea, CHANNELS: 0xeb, ORACLES: 0xec, PRICES: 0xed, PEGS: 0xee,
  PAYMENTS: 0xf0, GATEWAYS: 0xf1, TOKENS: 0xf2, IMPORTGATEWAY: 0xf3,
} as const

/** Display names by eval code, as komodod spells the modules. */
export const EVAL_NAMES: Readonly<Record<number, string>> = {
  0xe1: 'ImportPayout', 0xe2: 'ImportCoin', 0xe3: 'Assets', 0xe4: 'Faucet', 0xe5: 'Rewards', 0xe6: 'Dice',
  0xe7: 'FSM', 0xe8: 'Auction', 0xe9: 'Lotto', 0xea: 'Heir', 0xeb: 'Channels', 0xec: 'Oracles', 0xed: 'Prices',
  0xee: 'Pegs', 0xf0: 'Payments', 0xf1: 'Gateways', 0xf2: 'Tokens', 0xf3: 'ImportGateway',
}
