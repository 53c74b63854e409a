/**
 * The method catalog: the single source of truth for every komodod method this project knows.
 * This file holds the core methods; each CC module adds its entries in its spec, and `modules/catalog.ts`
 * joins them into the site's catalog.
 * The gateway builds its allowlist profiles from `safety`, the components build their forms from
 * `params`, the reference pages and the search index are generated from it. Nothing else keeps a
 * list of methods. What an entry is (its types, `p`, createCatalog) is in methodSpec.ts, re-exported here.
 */
import { createCatalog, p, type MethodSpec } from './methodSpec.ts'

export { createCatalog, p } from './methodSpec.ts'
export type { Catalog, Category, CoreCategory, MethodSpec, ParamFormat, ParamSpec, ParamType, SafetyClass } from './methodSpec.ts'

/** komodod's own methods and the devchain's control methods; CC modules bring theirs (modules/index.ts). */
export const CORE_METHODS: readonly MethodSpec[] = [
  // ── control / util ─────────────────────────────────────────────────────────────────────────
  { name: 'help', category: 'control', safety: 'read', summary: 'List every command, or show the usage of one.',
    params: [p('command', 'string', 'The command to explain.', { optional: true, example: 'getinfo' })],
    result: 'string' },
  { name: 'getinfo', category: 'control', safety: 'read', summary: 'Node, wallet and chain parameters in one object.',
    params: [], result: 'object: version, blocks, name, p2pport, rpcport, magic, premine, pubkey, …' },
  { name: 'stop', category: 'control', safety: 'never', summary: 'Stop the node.',
    params: [], result: 'string "<NAME> server stopping"' },
  { name: 'validateaddress', category: 'util', safety: 'read', summary: 'Check an address and tell whether this node owns it.',
    params: [p('address', 'string', 'The address to check.', { format: 'address' })],
    result: 'object: isvalid, address, scriptPubKey, segid, ismine, iswatchonly, isscript, pubkey, iscompressed, account' },

  // ── blockchain ─────────────────────────────────────────────────────────────────────────────
  { name: 'getblockchaininfo', category: 'blockchain', safety: 'read', summary: 'State of the chain: height, best block, value pools, upgrades.',
    params: [], result: 'object: chain, blocks, synced, headers, bestblockhash, difficulty, …' },
  { name: 'getblockcount', category: 'blockchain', safety: 'read', summary: 'Height of the best chain.',
    params: [], result: 'int' },
  { name: 'getbestblockhash', category: 'blockchain', safety: 'read', summary: 'Hash of the tip block.',
    params: [], result: 'hex string' },
  { name: 'getblockhash', category: 'blockchain', safety: 'read', summary: 'Hash of the block at a height.',
    params: [p('height', 'int', 'Block height.', { example: 1 })], result: 'hex string' },
  { name: 'getblock', category: 'blockchain', safety: 'read', heavy: true, summary: 'A block by hash or by height (the height is a string).',
    params: [
      p('hash|height', 'string', 'Block hash, or height as a string.', { format: 'height-or-hash', example: '1' }),
      p('verbosity', 'int', '0 = hex, 1 = object with txids, 2 = object with decoded transactions.', { optional: true, example: 1 }),
    ],
    result: 'object (verbosity 1/2) or hex string (0)' },
  { name: 'getblockheader', category: 'blockchain', safety: 'read', summary: 'A block header by hash, decoded or as hex.',
    params: [
      p('hash', 'string', 'Block hash.', { format: 'txid' }),
      p('verbose', 'bool', 'false = hex of the serialized header.', { optional: true, example: true }),
    ],
    result: 'object: hash, confirmations, height, version, merkleroot, time, nonce, solution, bits, difficulty, chainwork, …' },
  { name: 'gettxout', category: 'blockchain', safety: 'read', summary: 'An unspent output, or null once it is spent.',
    params: [
      p('txid', 'string', 'Transaction id.', { format: 'txid' }),
      p('n', 'int', 'Output index.', { example: 0 }),
      p('includemempool', 'bool', 'Count the mempool (default true).', { optional: true }),
    ],
    result: 'object: bestblock, confirmations, rawconfirmations, value, scriptPubKey, version, coinbase; or null' },
  { name: 'getmempoolinfo', category: 'blockchain', safety: 'read', summary: 'Size of the mempool in transactions and bytes.',
    params: [], result: 'object: size, bytes, usage' },
  { name: 'coinsupply', category: 'blockchain', safety: 'read', summary: 'Coins in existence at a height (the height is a string).',
    params: [p('height', 'string', 'Height, as a string; the tip when omitted.', { optional: true, format: 'integer', example: '1' })],
    result: 'object: result, coin, height, supply, zfunds, sprout, total' },
  { name: 'getrawmempool', category: 'blockchain', safety: 'read', heavy: true, summary: 'Txids waiting in the mempool.',
    params: [p('verbose', 'bool', 'Objects instead of txids.', { optional: true })], result: 'array of txids' },

  // ── raw transactions ───────────────────────────────────────────────────────────────────────
  { name: 'getrawtransaction', category: 'rawtransactions', safety: 'read', summary: 'A transaction by txid, as hex or decoded.',
    params: [
      p('txid', 'string', 'Transaction id.', { format: 'txid' }),
      p('verbose', 'int', '0 = hex, 1 = decoded object.', { optional: true, example: 1 }),
    ],
    result: 'hex string, or object with hex, txid, vin, vout, blockhash, confirmations, …' },
  { name: 'decoderawtransaction', category: 'rawtransactions', safety: 'read', summary: 'Decode a raw transaction without broadcasting it.',
    params: [p('hexstring', 'string', 'Serialized transaction.', { format: 'hex' })],
    result: 'object: txid, overwintered, version, versiongroupid, locktime, expiryheight, vin, vout, …' },
  { name: 'sendrawtransaction', category: 'rawtransactions', safety: 'broadcast', summary: 'Validate and relay a signed transaction.',
    params: [
      p('hexstring', 'string', 'Signed transaction.', { format: 'hex' }),
      p('allowhighfees', 'bool', 'Allow a fee above the high-fee limit.', { optional: true }),
    ],
    result: 'txid string' },

  { name: 'createrawtransaction', category: 'rawtransactions', safety: 'read', summary: 'Build an unsigned transaction from inputs and outputs (nothing is signed or sent).',
    params: [
      p('inputs', 'array', '[{"txid":"…","vout":n,"sequence":n}]: the outputs to spend.', { example: [] }),
      p('outputs', 'object', '{"R-address": amount, "data": "hex"}: payments, and one OP_RETURN.', { example: {} }),
      p('locktime', 'int', 'Lock time: a height below 500,000,000, else a Unix time.', { optional: true }),
      p('expiryheight', 'int', 'Last height it may be mined at (default: next height + 200).', { optional: true }),
    ],
    result: 'hex string (unsigned)' },
  { name: 'signrawtransaction', category: 'rawtransactions', safety: 'wallet', summary: 'Sign the inputs this wallet can sign; list the others in errors.',
    params: [
      p('hexstring', 'string', 'Transaction to sign.', { format: 'hex' }),
      p('prevtxs', 'array', '[{"txid","vout","scriptPubKey","amount"}]: outputs the node does not know.', { optional: true }),
      p('privkeys', 'array', 'WIF keys to sign with instead of the wallet (never through the gateway).', { optional: true, secret: true }),
      p('sighashtype', 'string', 'ALL, NONE or SINGLE, optionally |ANYONECANPAY.', { optional: true, example: 'ALL' }),
      p('branchid', 'string', 'Consensus branch id in hex.', { optional: true }),
    ],
    result: 'object: hex, complete, errors [{txid, vout, scriptSig, sequence, error}]' },

  // ── address index ──────────────────────────────────────────────────────────────────────────
  { name: 'getaddressbalance', category: 'addressindex', safety: 'read', summary: 'Balance and total received of addresses, in satoshis.',
    params: [
      p('addresses', 'object', '{"addresses":["R…"]} or one address string.'),
      p('ccvout', 'any', 'Any value: read the CC (cryptocondition) index instead.', { optional: true }),
    ],
    result: 'object: balance (sat), received (sat)' },
  { name: 'getaddressutxos', category: 'addressindex', safety: 'read', summary: 'Unspent outputs of addresses.',
    params: [
      p('addresses', 'object', '{"addresses":["R…"], "chainInfo": false}'),
      p('ccvout', 'any', 'Any value: read the CC index instead.', { optional: true }),
    ],
    result: 'array of {address, txid, outputIndex, script, satoshis, height}; with chainInfo {utxos, hash, height}' },
  { name: 'getaddresstxids', category: 'addressindex', safety: 'read', summary: 'Txids that touched addresses.',
    params: [
      p('addresses', 'object', '{"addresses":["R…"]}'),
      p('ccvout', 'any', 'Any value: read the CC index instead.', { optional: true }),
    ],
    result: 'array of txids' },
  { name: 'getaddressdeltas', category: 'addressindex', safety: 'read', summary: 'Every credit and debit of addresses, in satoshis.',
    params: [
      p('addresses', 'object', '{"addresses":["R…"], "start": h, "end": h, "chainInfo": bool}'),
      p('ccvout', 'any', 'Any value: read the CC index instead.', { optional: true }),
    ],
    result: 'array of {satoshis, txid, index, blockindex, height, address}; with chainInfo and a range {deltas, start, end}' },
  { name: 'getaddressmempool', category: 'addressindex', safety: 'read', summary: 'Unconfirmed credits and debits of addresses.',
    params: [
      p('addresses', 'object', '{"addresses":["R…"]}'),
      p('ccvout', 'any', 'Any value: read the CC index instead.', { optional: true }),
    ],
    result: 'array of {address, txid, index, satoshis, timestamp, [prevtxid, prevout]}' },
  { name: 'getspentinfo', category: 'addressindex', safety: 'read', summary: 'Which transaction input spent an output.',
    params: [p('outpoint', 'object', '{"txid": "…", "index": n}')],
    result: 'object: txid, index, height (-1 in the mempool)' },

  // ── mining ─────────────────────────────────────────────────────────────────────────────────
  { name: 'getmininginfo', category: 'mining', safety: 'read', summary: 'Mining state: blocks, difficulty, generate, pooled transactions.',
    params: [], result: 'object: blocks, currentblocksize, currentblocktx, difficulty, errors, genproclimit, …' },
  { name: 'getgenerate', category: 'mining', safety: 'read', summary: 'Whether the node is mining.',
    params: [], result: 'bool' },
  { name: 'generate', category: 'mining', safety: 'mining', summary: 'Mine blocks now (regtest and the devchain).',
    params: [p('numblocks', 'int', 'How many blocks.', { example: 1 })], result: 'array of block hashes' },
  { name: 'setgenerate', category: 'mining', safety: 'mining', summary: 'Start or stop continuous mining.',
    params: [p('generate', 'bool', 'On or off.'), p('genproclimit', 'int', 'Threads (-1 = all).', { optional: true })],
    result: 'null' },
  { name: 'setmocktime', category: 'mining', safety: 'mining', summary: 'Set the clock the next block is stamped with (regtest and the devchain).',
    params: [p('timestamp', 'int', 'Unix seconds; 0 goes back to the chain\'s own clock.', { example: 1700086400 })], result: 'null' },

  // ── wallet ─────────────────────────────────────────────────────────────────────────────────
  { name: 'getnewaddress', category: 'wallet', safety: 'wallet', summary: 'A new R-address from the node wallet.',
    params: [p('account', 'string', 'Legacy account name (must be "").', { optional: true })], result: 'R-address string' },
  { name: 'getbalance', category: 'wallet', safety: 'wallet', summary: 'Spendable balance of the node wallet.',
    params: [
      p('account', 'string', '"*" for all.', { optional: true, example: '*' }),
      p('minconf', 'int', 'Minimum confirmations.', { optional: true, example: 1 }),
      p('includeWatchonly', 'bool', 'Count watch-only addresses.', { optional: true }),
    ],
    result: 'amount' },
  { name: 'listunspent', category: 'wallet', safety: 'wallet', heavy: true, summary: 'Unspent outputs the wallet can spend.',
    params: [
      p('minconf', 'int', 'Minimum confirmations.', { optional: true, example: 1 }),
      p('maxconf', 'int', 'Maximum confirmations.', { optional: true, example: 9999999 }),
      p('addresses', 'array', 'Only these addresses.', { optional: true }),
    ],
    result: 'array of {txid, vout, generated, address, segid, amount, scriptPubKey, rawconfirmations, confirmations, spendable}' },
  { name: 'sendtoaddress', category: 'wallet', safety: 'spend', summary: 'Send coins from the node wallet to an address.',
    params: [
      p('address', 'string', 'Destination R-address.', { format: 'address' }),
      p('amount', 'number-or-string', 'Coins to send.', { format: 'coins', example: 1 }),
      p('comment', 'string', 'Wallet comment.', { optional: true }),
      p('comment_to', 'string', 'Wallet comment about the recipient.', { optional: true }),
      p('subtractfeefromamount', 'bool', 'Take the fee out of the amount.', { optional: true }),
    ],
    result: 'txid string' },
  { name: 'gettransaction', category: 'wallet', safety: 'wallet', summary: 'A wallet transaction with its details.',
    params: [
      p('txid', 'string', 'Transaction id.', { format: 'txid' }),
      p('includeWatchonly', 'bool', 'Include watch-only addresses.', { optional: true }),
    ],
    result: 'object: amount, confirmations, blockhash, txid, time, details, hex, …' },
  { name: 'sendmany', category: 'wallet', safety: 'spend', summary: 'Pay several addresses or pubkeys in one transaction.',
    params: [
      p('fromaccount', 'string', 'Legacy account: "".', { example: '' }),
      p('amounts', 'object', '{"R-address or pubkey": amount, …}'),
      p('minconf', 'int', 'Spend only coins with this many confirmations.', { optional: true, example: 1 }),
      p('comment', 'string', 'Wallet comment.', { optional: true }),
      p('subtractfeefrom', 'array', 'Addresses whose amounts pay the fee.', { optional: true }),
    ],
    result: 'txid string' },
  { name: 'listtransactions', category: 'wallet', safety: 'wallet', summary: 'The wallet\'s latest transactions, oldest first.',
    params: [
      p('account', 'string', '"*" for all.', { optional: true, example: '*' }),
      p('count', 'int', 'How many entries.', { optional: true, example: 10 }),
      p('from', 'int', 'Skip this many of the newest.', { optional: true, example: 0 }),
      p('includeWatchonly', 'bool', 'Include watch-only addresses.', { optional: true }),
    ],
    result: 'array of {account, address, category, amount, vout, fee, confirmations, txid, time, size, …}' },
  { name: 'signmessage', category: 'wallet', safety: 'wallet', summary: 'Sign a message with the key of a wallet address.',
    params: [
      p('address', 'string', 'R-address of a wallet key.', { format: 'address' }),
      p('message', 'string', 'Text to sign.', { example: 'hello' }),
    ],
    result: 'base64 signature string' },
  { name: 'verifymessage', category: 'util', safety: 'read', summary: 'Check a signed message against an address.',
    params: [
      p('address', 'string', 'R-address that signed.', { format: 'address' }),
      p('signature', 'string', 'Base64 signature from signmessage.'),
      p('message', 'string', 'The signed text.', { example: 'hello' }),
    ],
    result: 'bool' },
  { name: 'getnetworkinfo', category: 'network', safety: 'read', summary: 'Version, services, connections and relay fee of the node.',
    params: [], result: 'object: version, subversion, protocolversion, localservices, timeoffset, connections, networks, relayfee, localaddresses, warnings' },
  { name: 'getpeerinfo', category: 'network', safety: 'node', summary: 'The nodes this node is connected to.',
    params: [], result: 'array of {id, addr, addrlocal, services, …, version, subver, inbound, synced_headers, synced_blocks, …}' },
  { name: 'getwalletinfo', category: 'wallet', safety: 'wallet', summary: 'Wallet balances and key pool.',
    params: [], result: 'object: walletversion, balance, unconfirmed_balance, immature_balance, txcount, …' },
  { name: 'setpubkey', category: 'wallet', safety: 'admin', summary: 'Set the node pubkey used for CC and mining (once).',
    params: [p('pubkey', 'string', 'Compressed pubkey of a wallet key.', { format: 'pubkey' })],
    result: 'object: address, ismine, pubkey' },

  // ── never: keys, wallet files and node control ─────────────────────────────────────────────
  ...(['dumpprivkey', 'dumpwallet', 'importprivkey', 'importwallet', 'importaddress', 'backupwallet', 'encryptwallet',
    'walletpassphrase', 'walletpassphrasechange', 'walletlock', 'z_exportkey', 'z_exportwallet', 'z_exportviewingkey',
    'gatewaysdumpprivkey'] as const).map((name): MethodSpec => ({
    name, category: 'wallet', safety: 'never', params: [], result: '—',
    summary: 'Reads or replaces wallet keys; never exposed.',
  })),
  ...(['setban', 'addnode', 'disconnectnode', 'clearbanned'] as const).map((name): MethodSpec => ({
    name, category: 'network', safety: 'never', params: [], result: '—', summary: 'Changes peer connections; never exposed.',
  })),
  ...(['invalidateblock', 'reconsiderblock', 'submitblock'] as const).map((name): MethodSpec => ({
    name, category: 'blockchain', safety: 'never', params: [], result: '—', summary: 'Rewrites the chain; never exposed.',
  })),

  // ── devchain control (not in komodod) ──────────────────────────────────────────────────────
  { name: 'devchain_info', category: 'devchain', safety: 'devchain', devchainOnly: true,
    summary: 'Backend kind, chain parameters, nodes, mining mode and capabilities.',
    params: [], result: 'object: kind, chain, nodes, mining, capabilities' },
  { name: 'devchain_setmining', category: 'devchain', safety: 'devchain', devchainOnly: true,
    summary: 'Switch mining: manual, automine, or a block every N seconds.',
    params: [
      p('mode', 'string', '"manual", "automine" or "interval".', { example: 'automine' }),
      p('seconds', 'int', 'Interval in seconds (interval mode).', { optional: true }),
    ],
    result: 'object: mode, seconds' },
  { name: 'devchain_checkpoint', category: 'devchain', safety: 'devchain', devchainOnly: true,
    summary: 'Name where the chain stands now, to come back to it with devchain_rewind.',
    params: [], result: 'object: checkpoint, height, bestblockhash' },
  { name: 'devchain_rewind', category: 'devchain', safety: 'devchain', devchainOnly: true,
    summary: 'Put the chain back where it stood at a checkpoint; everything after it is forgotten.',
    params: [p('checkpoint', 'string', 'What devchain_checkpoint returned.', { example: '1234' })],
    result: 'object: checkpoint, height, bestblockhash' },
]

/** The core methods alone: what a client knows when nobody hands it the site's full catalog. */
export const CORE_CATALOG = createCatalog(CORE_METHODS)
