/**
 * The only code that differs between Node and a browser Web Worker, as one small interface. The
 * engine imports `#platform` (package.json `imports`): bundlers for the browser resolve it to
 * `browser/index.ts`, Node, tsx, vitest and esbuild's Node bundle to `node/index.ts`. Storage is the
 * other seam, passed in by each composition root (`storage` option of the core).
 *
 * Both implementations must give byte-identical results: a seeded chain has the same block hashes
 * and txids on either (test/unit/devchain/platform.test.ts runs the engine's tests on both).
 */
export interface Platform {
  readonly name: 'node' | 'browser'
  /** SHA-256 (Node: OpenSSL, several times faster than a JS hasher on the chain's hot paths). */
  sha256(data: Uint8Array): Uint8Array
  /** Compressed secp256k1 public key of a private key. */
  publicKey(priv: Uint8Array): Uint8Array
  toHex(bytes: Uint8Array): string
  /** Bytes of a hex string (the caller has checked it is hex). */
  fromHex(hex: string): Uint8Array
  /** Cryptographically strong random bytes (a reader's chain seed, the reply marker nonce). */
  randomBytes(n: number): Uint8Array
  /** Lets queued messages and I/O run between chunks of a long task. */
  yieldToEventLoop(): Promise<void>
  /** The process environment in Node; empty in a browser. */
  env(): Record<string, string | undefined>
  /** Cores a search may use (the faucet's proof-of-work workers). */
  parallelism(): number
  /**
   * CRC-32 (zlib's) of `data` continuing from `crc`, when the platform has a native one (Node's zlib,
   * ~10× the JS loop: a long chain's snapshot is tens of MB, checked before a start answers). Absent:
   * the engine's own (crypto/crc32.ts), which gives the same values.
   */
  crc32?(data: Uint8Array, crc: number): number
  /** Starts a faucet proof-of-work worker (modules/faucet/powWorker.mjs in Node, powWorkerBrowser.mjs in a browser); null where the platform has none. */
  startPowWorker(): PowWorker | null
}

/** What the proof-of-work pool uses of a worker: Node's worker_threads Worker has exactly this. */
export interface PowWorker {
  postMessage(message: unknown): void
  on(event: 'message' | 'error' | 'exit', fn: (arg: never) => void): unknown
  off(event: 'message' | 'error' | 'exit', fn: (arg: never) => void): unknown
  ref(): void
  unref(): void
  terminate(): Promise<number>
}
