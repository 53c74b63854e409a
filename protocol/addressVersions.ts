/**
 * Komodo's Base58Check version bytes (src/chainparams.cpp, base58Prefixes): every asset chain
 * shares them. The one place they are written; the engine, the validators and the CC code read them here.
 */
/** R-addresses: P2PKH, and CC addresses (Base58Check(60, HASH160(CC script))). */
export const R_ADDRESS_VERSION = 60
/** P2SH addresses ('b…'). */
export const SCRIPT_ADDRESS_VERSION = 85
/** WIF private keys ('U…'). */
export const SECRET_KEY_VERSION = 188
