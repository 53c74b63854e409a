/**
 * Where the devchain still differs from komodod, listed once, beside the catalog. The generated page
 * "The devchain and komodod" (in every locale) and any journey note read this list; nothing else keeps
 * one. English here; translations in `locales/<dir>/reference.json` under `differences`, by id.
 */

export interface Difference {
  /** Stable key for translations and anchors. */
  id: string
  /** What this is about, in a few words. */
  title: string
  /** What komodod does (citing its source where that helps). */
  komodod: string
  /** What the devchain does instead. */
  devchain: string
  /** Catalog methods this touches, linked from the page. */
  methods?: readonly string[]
}

export const DIFFERENCES: readonly Difference[] = [
  { id: 'shielded', title: 'Shielded transactions',
    komodod: 'Sapling z-addresses and the z_* methods (z_sendmany, z_getbalance, …), with the 777 MB of zcash parameters.',
    devchain: 'Transparent and CC transactions only; no z_* method exists (-32601), and a transaction with shielded parts is refused.' },
  { id: 'p2p', title: 'Peers and the P2P network',
    komodod: 'Nodes relay blocks and transactions over P2P (-addnode, -connect); addnode, setban and disconnectnode change peers.',
    devchain: 'The nodes share one ledger in one process; getpeerinfo shows them as each other\'s peers, but nothing is relayed and no peer can be added.',
    methods: ['getpeerinfo', 'getnetworkinfo'] },
  { id: 'generate', title: 'generate outside -regtest',
    komodod: 'generate mines only on -regtest chains; elsewhere it answers -32601 "Mining Disabled" or "Mining Enabled" (src/rpc/mining.cpp).',
    devchain: 'generate mines on every chain, and blocks can also come on a timer or per transaction (devchain_setmining).',
    methods: ['generate', 'setgenerate', 'devchain_setmining'] },
  { id: 'mocktime', title: 'setmocktime and the clock',
    komodod: 'setmocktime works only on -regtest; the node keeps the mock time for every block until 0 brings back the system clock (src/rpc/misc.cpp).',
    devchain: 'The clock is the chain\'s own (one blocktime per block, so replays are deterministic); setmocktime works on every chain and stamps the next block only, and the clock goes on from there.',
    methods: ['setmocktime'] },
  { id: 'uint64-json', title: 'Integers above 2^53 in replies',
    komodod: 'UniValue prints a uint64 exactly, e.g. rewardsinfo\'s sbits for a plan name of 7 or 8 characters (src/cc/rewards.cpp RewardsInfo).',
    devchain: 'Replies are JavaScript numbers, so such an integer prints rounded to the nearest double; names of up to 6 characters are exact.',
    methods: ['rewardsinfo'] },
  { id: 'on-demand', title: 'On-demand blocks after height 127',
    komodod: 'A chain without -ac_reward (or -ac_staked) mines only when its mempool has transactions once it passes block 127.',
    devchain: 'Blocks are mined whenever generate, automine or the interval asks, at any height.' },
  { id: 'equihash', title: 'Equihash solutions',
    komodod: 'Each header carries an Equihash (200,9) solution that the network verifies, besides the hash meeting bits.',
    devchain: 'A real nonce search makes each header hash meet its bits (regtest\'s 0x200f0f0f), but the solution field is filler, not a valid Equihash solution.',
    methods: ['getblockheader', 'getblock'] },
  { id: 'subsidy', title: 'Reward eras, halving and decay',
    komodod: '-ac_eras, -ac_end, -ac_halving and -ac_decay schedule the block reward (komodo_ac_block_subsidy).',
    devchain: 'These flags are hashed into the magic and shown by getinfo, but every block after the premine pays the first era\'s -ac_reward.',
    methods: ['getinfo'] },
  { id: 'notarization', title: 'dPoW notarization',
    komodod: 'Notary nodes notarize the chain into KMD; confirmations become notarized confirmations (komodo_dpowconfs).',
    devchain: 'Nothing is notarized: notarized heights are 0 and confirmations equal rawconfirmations.',
    methods: ['getinfo', 'getblock'] },
  { id: 'fees', title: 'Fee policy',
    komodod: 'The mempool applies the relay fee and priority rules, and wallets estimate fees.',
    devchain: 'Any fee, including none, is accepted; wallet spends pay a fixed 0.0001.',
    methods: ['sendtoaddress', 'sendmany', 'sendrawtransaction'] },
  { id: 'txpow', title: '-ac_txpow',
    komodod: 'On a -ac_txpow chain signrawtransaction searches for a signature whose txid starts and ends with 00.',
    devchain: 'The flag changes the magic, but transactions are signed once, without that search.',
    methods: ['signrawtransaction'] },
  { id: 'reorgs', title: 'Reorganisations and invalidateblock',
    komodod: 'Competing chains can replace the tip; invalidateblock and reconsiderblock rewind it by hand.',
    devchain: 'The chain only grows; there are no forks to resolve and no rewinding.' },
  { id: 'mempool-usage', title: 'Mempool memory usage',
    komodod: 'getmempoolinfo reports usage, the mempool\'s measured memory in bytes.',
    devchain: 'usage is an estimate (the transactions\' bytes plus a fixed amount per entry).',
    methods: ['getmempoolinfo'] },
  { id: 'setpubkey-reply', title: 'setpubkey\'s reply',
    komodod: 'For a key of its wallet, komodod\'s source answers {"ismine": "true", "address": …, "pubkey": …}: ismine is the string "true" and comes first; a staked-chain notary key adds IsNotary (src/wallet/rpcwallet.cpp setpubkey).',
    devchain: 'Answers {"address": …, "ismine": true, "pubkey": …}, with ismine a boolean, as the reply recorded in Komodo\'s documentation shows.',
    methods: ['setpubkey'] },
  { id: 'setpubkey-keys', title: 'Which keys setpubkey takes, and how often',
    komodod: 'The pubkey can be set once per run: a node started with -pubkey, or one that already took a setpubkey, answers "Can only set pubkey once, to change it you need to restart your daemon." A key whose private key is not in the wallet is set anyway, with the WARNING "privkey for this pubkey is not imported to wallet!".',
    devchain: 'Each node starts with a key of its own wallet as its pubkey, and setpubkey switches it to another key of that wallet at any time. A key not in the wallet gets the same WARNING, but the node keeps its pubkey. Called without a key, it answers komodod\'s "once" error with the current address and pubkey.',
    methods: ['setpubkey'] },
]
