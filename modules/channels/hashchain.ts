/**
 * The secrets of a channel, as komodod derives and checks them (src/cc/channels.cpp ChannelOpen,
 * ChannelPayment, ChannelsValidate; src/cc/dice.cpp DiceHashEntropy).
 *
 * The opener's node computes a seed `h` from its own private key and the outpoint of the open's
 * first input, then publishes only `hashchain = SHA256^N(h)` in the open (N = numpayments). The
 * secret that leaves `L` payments in the channel is `SHA256^L(h)` (h itself when L = 0): hashing it
 * N − L times gives the hashchain back, which is all validation checks. Secrets are revealed from
 * L = N − 1 downwards, so a revealed secret gives away every earlier one (hash it once more) and
 * none of the later ones. Only the opener can make new ones: the seed needs its private key.
 *
 * The seed (DiceHashEntropy with usevout = 1): a curve25519 key pair from the outpoint (the txid's
 * bytes with the vout XORed into bytes 1 and 2), another from SHA256(node private key), their
 * shared secret S, and h = SHA256(SHA256(S)). All values are uint256 bytes (internal order); the
 * RPCs and channelsinfo print them reversed, as txids are.
 */
import { x25519 } from '@noble/curves/ed25519.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { uint256Bytes, uint256Hex } from './spec/opret.ts'

/** DiceHashEntropy(entropy, txid, vout, 1) of the node whose secp256k1 private key is `privkey`: h, internal bytes. */
export function channelSeed(privkey: Uint8Array, txid: string, vout: number): Uint8Array {
  const txidpriv = uint256Bytes(txid)
  txidpriv[1] ^= vout & 0xff
  txidpriv[2] ^= (vout >> 8) & 0xff
  // x25519 clamps both scalars exactly as komodod does before its curve25519 calls.
  const txidpub = x25519.getPublicKey(txidpriv)
  const mypriv = sha256(privkey)
  const shared = x25519.getSharedSecret(mypriv, txidpub)
  return sha256(sha256(shared))
}

/** SHA256 applied `n` times (n ≥ 0). */
export function hashTimes(bytes: Uint8Array, n: number): Uint8Array {
  let h = bytes
  for (let i = 0; i < n; i++) h = sha256(h)
  return h
}

/** The open's hashchain for a seed and numpayments, display hex. */
export const hashchainOf = (seed: Uint8Array, numpayments: number): string => uint256Hex(hashTimes(seed, numpayments))

/** The secret a payment reveals when `left` payments remain after it, display hex. */
export const secretFor = (seed: Uint8Array, left: number): string => uint256Hex(hashTimes(seed, left))

/**
 * Whether `secret` (display hex) hashes to `hashchain` in exactly `times` steps. komodod's loops
 * leave their output unset when they run zero times, so a zero count never matches.
 */
export function reachesHashchain(secret: string, times: number, hashchain: string): boolean {
  if (times <= 0) return false
  return uint256Hex(hashTimes(uint256Bytes(secret), times)) === hashchain
}
