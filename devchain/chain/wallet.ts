/**
 * A node's wallet: its keys (deterministic from the seed), the pubkey set with -pubkey/setpubkey,
 * the coins it can spend and signing. Every node's wallet looks at the one shared ledger.
 */
import { keyFromSeed, keyFromPrivate, signDer, decodeAddress, encodeWif, type KeyPair } from '../crypto/keys.ts'
import { toHex, hash160, hexToHash, hashToHex, fromHex } from '../crypto/hash.ts'
import { platform } from '#platform'
import { p2pk, p2pkh, pushData, concat, classifyScript } from '../tx/script.ts'
import { signatureHash, SIGHASH_ALL } from '../tx/sighash.ts'
import { newTx, serializeTx, SEQUENCE_FINAL, type Tx, type TxOut } from '../tx/transaction.ts'
import { outpointKey, type Coin, type WalletLedger } from './view.ts'
import { CoinIndex } from './coinIndex.ts'
import { R_ADDRESS_VERSION } from '../../protocol/addressVersions.ts'

export const DEFAULT_FEE = 10_000
/** ~148 bytes per signed input: more would pass komodod's MAX_STANDARD_TX_SIZE (100,000 bytes). */
export const MAX_INPUTS = 650
const SIGN_CHUNK = 16
const MAX_CONF = 9_999_999

export interface CoinQuery {
  minconf?: number
  maxconf?: number
  /** Count this wallet's own unconfirmed outputs even when minconf > 0 (komodod's IsTrusted). */
  trustedMempool?: boolean
  /** Only coins paying these addresses (listunspent's filter). */
  addresses?: ReadonlySet<string>
}

export interface WalletKey extends KeyPair {
  /** Created by getnewaddress (in the address book, so listunspent prints `account`). */
  labeled: boolean
  created: number
}

export class Wallet {
  readonly keys: WalletKey[] = []
  private byAddress = new Map<string, WalletKey>()
  private byPubHex = new Map<string, WalletKey>()
  pubkey: string | null = null
  private counter = 0
  /** Key order: the scan visits keys in it, so the index breaks ties between equal coins by it. */
  private rankOf = new Map<string, number>()
  private readonly index: CoinIndex

  constructor(
    readonly node: string,
    readonly ledger: WalletLedger,
    private readonly seed: string,
  ) {
    this.index = new CoinIndex((c) => this.rankOf.get(c.address!) ?? 0, ledger.params.coinbaseMaturity)
  }

  /** Next deterministic key (seed, node, counter). */
  deriveKey(labeled: boolean): WalletKey {
    const kp = keyFromSeed(this.seed, `${this.node}/${this.counter++}`)
    return this.addKey(kp.priv, labeled)
  }

  addKey(priv: Uint8Array, labeled: boolean): WalletKey {
    const kp = keyFromPrivate(priv)
    const existing = this.byAddress.get(kp.address)
    if (existing) return existing
    const k: WalletKey = { ...kp, labeled, created: this.ledger.tip.time }
    this.keys.push(k)
    this.byAddress.set(k.address, k)
    this.byPubHex.set(k.pubHex, k)
    this.rankOf.set(k.address, this.keys.length - 1)
    // The coins this address holds already, then every change from the ledger.
    for (const c of this.ledger.addrUtxos.get(k.address)?.values() ?? []) this.index.add(c)
    this.ledger.watch(k.address, this.index)
    this.counter = Math.max(this.counter, this.keys.length)
    return k
  }

  wifOf(k: WalletKey): string {
    return encodeWif(k.priv)
  }

  keyForAddress(address: string): WalletKey | undefined {
    return this.byAddress.get(address)
  }

  keyForPubkey(pubHex: string): WalletKey | undefined {
    return this.byPubHex.get(pubHex.toLowerCase())
  }

  /** The key a P2PK/P2PKH script pays, if this wallet holds it. */
  keyForScript(script: Uint8Array): WalletKey | undefined {
    const info = classifyScript(script)
    if (info.type === 'pubkey' || info.type === 'pubkeyhash') return this.byAddress.get(info.addresses[0])
    return undefined
  }

  isMineAddress(address: string): boolean {
    return this.byAddress.has(address)
  }

  /** The key behind the node pubkey (mining and CC change go to it). */
  get pubkeyKey(): WalletKey | undefined {
    return this.pubkey ? this.byPubHex.get(this.pubkey) : undefined
  }

  /** Where this node's mined coins go: P2PK to its pubkey, else to its first key. */
  miningScript(): Uint8Array {
    const k = this.pubkeyKey ?? this.keys[0] ?? this.deriveKey(false)
    return p2pk(k.pub)
  }

  /**
   * Spendable wallet coins: confirmed, mature and unspent in the mempool, plus outputs of the mempool
   * txs this wallet created (komodod trusts its own unconfirmed change). A full scan: listunspent
   * prints them all; selection and balances use the coin index instead.
   */
  coins(opts: CoinQuery = {}): Coin[] {
    const out: Coin[] = []
    this.forEachCoin(opts, (c) => void out.push(c))
    return out
  }

  /** coins(), one at a time and in the same order, without building the list. */
  forEachCoin(opts: CoinQuery, fn: (c: Coin) => void): void {
    const minconf = opts.minconf ?? 1
    const maxconf = opts.maxconf ?? MAX_CONF
    const L = this.ledger
    for (const k of this.keys) {
      if (opts.addresses && !opts.addresses.has(k.address)) continue
      const m = L.addrUtxos.get(k.address)
      if (!m) continue
      for (const [key, c] of m) {
        if (L.mempoolSpends.has(key) || !this.index.mature(c, L.height)) continue
        const conf = L.confirmations(c.height)
        if (conf >= minconf && conf <= maxconf) fn(c)
      }
    }
    if (minconf === 0 || opts.trustedMempool) for (const c of this.pendingCoins(opts)) fn(c)
  }

  /** The unconfirmed coins coins() lists, in its order: outputs of mempool txs to this wallet's keys. */
  private pendingCoins(opts: CoinQuery): Coin[] {
    const L = this.ledger
    const out: Coin[] = []
    const onlyMine = opts.trustedMempool && (opts.minconf ?? 1) > 0
    for (const k of this.keys) {
      if (opts.addresses && !opts.addresses.has(k.address)) continue
      for (const [key, c] of L.mempoolByAddress.get(k.address) ?? []) {
        if (L.mempoolSpends.has(key) || c.cc) continue
        if (onlyMine && !this.isFromMe(c.txid)) continue
        out.push(c)
      }
    }
    return out
  }

  /**
   * The sum of coins(opts) without visiting the confirmed coins: running totals of the index, less
   * what the mempool spends, plus what it pays. Costs the mempool's size, not the chain's.
   */
  balance(opts: CoinQuery = {}): number {
    const minconf = opts.minconf ?? 1
    const L = this.ledger
    const tip = L.height
    // A narrow confirmation window or an address filter is rare: count it the long way.
    if ((opts.maxconf ?? MAX_CONF) < tip || opts.addresses) {
      let s = 0
      this.forEachCoin(opts, (c) => void (s += c.value))
      return s
    }
    let s = this.index.matureTotal(tip, minconf)
    for (const k of L.mempoolSpends.keys()) {
      const c = L.utxos.get(k)
      if (c && !c.cc && c.address && this.byAddress.has(c.address) && L.confirmations(c.height) >= minconf) s -= c.value
    }
    if (minconf === 0 || opts.trustedMempool) for (const c of this.pendingCoins(opts)) s += c.value
    return s
  }

  /**
   * A coinbase coin still maturing: CMerkleTx::GetBlocksToMaturity (src/wallet/wallet.cpp) is
   * maturity − depth, and AvailableCoins skips the coin while that is above 0.
   */
  isImmature(c: Coin): boolean {
    return !this.index.mature(c, this.ledger.height)
  }

  /**
   * Satoshis of this wallet's maturing coinbase outputs (getwalletinfo's immature_balance,
   * GetImmatureCredit): only the last maturity − 1 blocks can hold any, so only their coinbases are read.
   */
  immatureBalance(): number {
    const L = this.ledger
    let sum = 0
    for (let h = Math.max(1, L.height - L.params.coinbaseMaturity + 2); h <= L.height; h++) {
      const cb = L.block(h)!.txids[0]
      L.txs.get(cb)?.tx.vout.forEach((_, n) => {
        const c = L.utxos.get(`${cb}:${n}`)
        if (c?.address && this.byAddress.has(c.address) && this.isImmature(c)) sum += c.value
      })
    }
    return sum
  }

  // Transactions never change once accepted, so "is it from me" is memoised (per wallet: keys only grow).
  private fromMe = new Map<string, boolean>()

  /** True if every input of the tx spent a coin of this wallet. */
  isFromMe(txid: string): boolean {
    const known = this.fromMe.get(txid)
    if (known) return true
    const rec = this.ledger.txs.get(txid)
    if (!rec || rec.tx.vin.length === 0) return false
    const mine = rec.tx.vin.every((i) => {
      const prev = this.ledger.txs.get(hashToHex(i.prevHash))
      const o = prev?.tx.vout[i.prevIndex]
      return !!o && !!this.keyForScript(o.script)
    })
    if (mine) {
      if (this.fromMe.size > 100_000) this.fromMe.clear()
      this.fromMe.set(txid, true)
    }
    return mine
  }

  /** Signs every input spending a P2PK/P2PKH coin of this wallet (ZIP-243, SIGHASH_ALL). */
  signInputs(tx: Tx, spent: readonly Coin[], hashType = SIGHASH_ALL): void {
    for (let i = 0; i < tx.vin.length; i++) this.signInput(tx, i, spent[i], hashType)
  }

  /** signInputs in chunks, yielding to the event loop so a many-input spend blocks nobody. */
  async signInputsAsync(tx: Tx, spent: readonly Coin[], hashType = SIGHASH_ALL): Promise<void> {
    for (let i = 0; i < tx.vin.length; i++) {
      if (i > 0 && i % SIGN_CHUNK === 0) await platform.yieldToEventLoop()
      this.signInput(tx, i, spent[i], hashType)
    }
  }

  /** Signs input i if this wallet holds the key its coin pays; false when it does not. */
  signInput(tx: Tx, i: number, coin: Coin | undefined, hashType: number): boolean {
    const k = coin && this.keyForScript(coin.script)
    if (!coin || !k) return false
    signWithKey(tx, i, coin, k, hashType)
    return true
  }

  /**
   * Picks coins for `target` sats: the smallest single coin that covers it, else largest first
   * (komodod's SelectCoinsMinConf keeps the smallest covering coin as coinLowestLarger; it shuffles
   * the candidates first, the devchain stays deterministic). Returns null when the wallet cannot
   * cover it. Without `coins`, the wallet's own coins come from the index, in the order a scan of
   * coins({ trustedMempool: true }) would give; `limit` stops a largest-first pick past that many coins.
   */
  selectCoins(target: number, coins?: Coin[], limit = Infinity): Coin[] | null {
    if (coins) return pickCoins(target, coins, limit)
    const L = this.ledger
    const tip = L.height
    const usable = (c: Coin): boolean => !L.mempoolSpends.has(outpointKey(c.txid, c.vout)) && this.index.mature(c, tip)
    const pending = this.pendingCoins({ trustedMempool: true })
    let best: Coin | undefined
    this.index.ascendingFrom(target, (c) => usable(c) && ((best = c), true))
    // Confirmed coins come first in the scan, so an unconfirmed one wins only when strictly smaller.
    for (const c of pending) if (c.value >= target && (!best || c.value < best.value)) best = c
    if (best) return [best]
    if (this.balance({ trustedMempool: true }) < target) return null
    // Largest first: merge the index's descending walk with the unconfirmed coins (a stable sort).
    const later = [...pending].sort((a, b) => b.value - a.value)
    const picked: Coin[] = []
    let sum = 0
    let j = 0
    const take = (c: Coin): boolean => {
      picked.push(c)
      sum += c.value
      return sum >= target || picked.length > limit
    }
    let done = false
    this.index.descending((c) => {
      if (!usable(c)) return false
      while (j < later.length && later[j].value > c.value) if (take(later[j++])) return (done = true)
      return (done = take(c))
    })
    while (!done && j < later.length) done = take(later[j++])
    return done ? picked : null
  }

  /**
   * Builds and signs a payment (sendtoaddress). Change goes back P2PK to the node pubkey, or
   * P2PKH to the first key. Returns null on insufficient funds, 'too-large' past komodod's
   * 100,000-byte standard size (MAX_INPUTS inputs).
   */
  async buildPayment(outputs: TxOut[], fee = DEFAULT_FEE, subtractFee: boolean | number[] = false): Promise<{ tx: Tx; raw: Uint8Array } | null | 'too-large'> {
    const total = outputs.reduce((a, o) => a + o.value, 0)
    // Outputs that pay the fee: the first (sendtoaddress) or those listed (sendmany), split evenly,
    // the first of them taking the remainder (CWallet::CreateTransaction).
    const payers = subtractFee === true ? [0] : subtractFee === false ? [] : subtractFee
    const picked = this.selectCoins(payers.length ? total : total + fee, undefined, MAX_INPUTS)
    if (!picked) return null
    if (picked.length > MAX_INPUTS) return 'too-large'
    if (payers.length) {
      const share = Math.floor(fee / payers.length)
      outputs = outputs.map((o, i) => (payers.includes(i) ? { ...o, value: o.value - share - (i === payers[0] ? fee - share * payers.length : 0) } : o))
    }
    const inSum = picked.reduce((a, c) => a + c.value, 0)
    const change = inSum - outputs.reduce((a, o) => a + o.value, 0) - fee
    const vout = [...outputs]
    if (change > 0) vout.push({ value: change, script: this.changeScript() })
    const tx = newTx(picked.map((c) => ({ prevHash: hexToHash(c.txid), prevIndex: c.vout, script: new Uint8Array(0), sequence: SEQUENCE_FINAL })), vout)
    await this.signInputsAsync(tx, picked)
    return { tx, raw: serializeTx(tx) }
  }

  changeScript(): Uint8Array {
    const k = this.pubkeyKey
    if (k) return p2pk(k.pub)
    const first = this.keys[0] ?? this.deriveKey(false)
    return p2pkh(hash160(first.pub))
  }
}

/** The smallest single coin that covers `target`, else largest first (cut after `limit` + 1 coins); null when all of them do not. */
function pickCoins(target: number, coins: readonly Coin[], limit: number): Coin[] | null {
  let best: Coin | undefined
  let total = 0
  for (const c of coins) {
    total += c.value
    if (c.value >= target && (!best || c.value < best.value)) best = c
  }
  if (best) return [best]
  if (total < target) return null
  const sorted = [...coins].sort((a, b) => b.value - a.value)
  const picked: Coin[] = []
  let sum = 0
  for (const c of sorted) {
    picked.push(c)
    sum += c.value
    if (sum >= target || picked.length > limit) return picked
  }
  return null
}

/** Puts a ZIP-243 signature of input i by `key` in its scriptSig (P2PK: sig; P2PKH: sig and pubkey). */
export function signWithKey(tx: Tx, i: number, coin: { script: Uint8Array; value: number }, key: KeyPair, hashType: number): void {
  const h = signatureHash(tx, i, coin.script, coin.value, hashType)
  const sig = concat(signDer(h, key.priv), Uint8Array.of(hashType))
  const info = classifyScript(coin.script)
  tx.vin[i].script = info.type === 'pubkey' ? pushData(sig) : concat(pushData(sig), pushData(key.pub))
}

/** scriptPubKey for an R/P2SH address. */
export function scriptForAddress(address: string): Uint8Array | null {
  const d = decodeAddress(address)
  if (!d) return null
  if (d.version === R_ADDRESS_VERSION) return p2pkh(d.hash)
  return concat(Uint8Array.of(0xa9, 20), d.hash, Uint8Array.of(0x87))
}

export { toHex, fromHex }
