// Double SHA-256 of a buffer whose first bytes never change, for the faucet proof-of-work loop in a
// browser (powWorkerBrowser.mjs; Node's worker has its native hash). Each try re-hashes the same
// transaction with a new nonce and signature, so:
// - the blocks before the first changing byte are compressed once (a midstate);
// - the message schedule and state live in local variables and one Int32Array, with no object,
//   view or digest allocated per hash: in Chromium, @noble/hashes' general-purpose hasher spent
//   more on its per-call setup and uninlined helpers than on the compression itself;
// - the second hash reads the first's state words directly (no bytes in between).
// Checked against @noble/hashes in the unit tests.

const K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
])
const IV = Int32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19])

/** The message schedule; compress() reads its first 16 words as the block. */
const W = new Int32Array(64)

function loadBlock(src, off) {
  for (let i = 0; i < 16; i++) {
    const o = off + 4 * i
    W[i] = (src[o] << 24) | (src[o + 1] << 16) | (src[o + 2] << 8) | src[o + 3]
  }
}

/** One compression of the block in W[0..15] into the state `st`. */
function compress(st) {
  for (let i = 16; i < 64; i++) {
    const x = W[i - 15], y = W[i - 2]
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)
    W[i] = (s1 + W[i - 7] + s0 + W[i - 16]) | 0
  }
  let a = st[0], b = st[1], c = st[2], d = st[3], e = st[4], f = st[5], g = st[6], h = st[7]
  for (let i = 0; i < 64; i++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))
    const t1 = (h + s1 + ((e & f) ^ (~e & g)) + K[i] + W[i]) | 0
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0
    h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0
  }
  st[0] = (st[0] + a) | 0; st[1] = (st[1] + b) | 0; st[2] = (st[2] + c) | 0; st[3] = (st[3] + d) | 0
  st[4] = (st[4] + e) | 0; st[5] = (st[5] + f) | 0; st[6] = (st[6] + g) | 0; st[7] = (st[7] + h) | 0
}

/**
 * SHA-256(SHA-256(data)) of the current contents of `data`, whose length and first `fixed` bytes
 * never change, as a function of no arguments. Its result is one buffer, overwritten by each call.
 */
export function sha256dPrefixed(data, fixed) {
  const len = data.length
  const full = len >>> 6 // whole blocks of the message
  const skip = Math.min(full, Math.floor(Math.min(fixed, len) / 64))
  const mid = Int32Array.from(IV)
  for (let k = 0; k < skip; k++) {
    loadBlock(data, 64 * k)
    compress(mid)
  }
  // The tail (bytes after the last whole block), 0x80, zeros and the bit length: one or two blocks.
  const tailLen = len - 64 * full
  const pad = new Uint8Array(tailLen + 9 > 64 ? 128 : 64)
  pad[tailLen] = 0x80
  const bits = len * 8
  new DataView(pad.buffer).setUint32(pad.length - 8, Math.floor(bits / 0x100000000))
  new DataView(pad.buffer).setUint32(pad.length - 4, bits >>> 0)
  const st = new Int32Array(8)
  const out = new Uint8Array(32)
  return () => {
    st.set(mid)
    for (let k = skip; k < full; k++) {
      loadBlock(data, 64 * k)
      compress(st)
    }
    for (let i = 0; i < tailLen; i++) pad[i] = data[64 * full + i]
    for (let off = 0; off < pad.length; off += 64) {
      loadBlock(pad, off)
      compress(st)
    }
    // The second hash: the 32-byte digest, 0x80, zeros, and its bit length (256) in one block.
    for (let i = 0; i < 8; i++) W[i] = st[i]
    W[8] = 0x80000000
    for (let i = 9; i < 15; i++) W[i] = 0
    W[15] = 256
    st.set(IV)
    compress(st)
    for (let i = 0; i < 8; i++) {
      const w = st[i]
      out[4 * i] = w >>> 24; out[4 * i + 1] = (w >>> 16) & 0xff; out[4 * i + 2] = (w >>> 8) & 0xff; out[4 * i + 3] = w & 0xff
    }
    return out
  }
}
