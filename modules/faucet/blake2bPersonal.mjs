// BLAKE2b-256 with a 16-byte personalisation (ZIP-243's hashes), allocation-free for the faucet
// proof-of-work loop, where a general-purpose hasher's per-call setup and garbage dominated.
// 64-bit words are (lo, hi) pairs of uint32. Checked against @noble/hashes in the unit tests.

const IV = new Uint32Array([
  0xf3bcc908, 0x6a09e667, 0x84caa73b, 0xbb67ae85, 0xfe94f82b, 0x3c6ef372, 0x5f1d36f1, 0xa54ff53a,
  0xade682d1, 0x510e527f, 0x2b3e6c1f, 0x9b05688c, 0xfb41bd6b, 0x1f83d9ab, 0x137e2179, 0x5be0cd19,
])
const SIGMA = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
  11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4, 7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8,
  9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13, 2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9,
  12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11, 13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10,
  6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5, 10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0,
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
].map((x) => x * 2)

const v = new Uint32Array(32)
const m = new Uint32Array(32)
const block = new Uint8Array(128)

function add(a, b) {
  const lo = v[a] + v[b]
  v[a + 1] = v[a + 1] + v[b + 1] + (lo >= 0x100000000 ? 1 : 0)
  v[a] = lo
}
function addm(a, i) {
  const lo = v[a] + m[i]
  v[a + 1] = v[a + 1] + m[i + 1] + (lo >= 0x100000000 ? 1 : 0)
  v[a] = lo
}
function G(a, b, c, d, x, y) {
  add(a, b); addm(a, x)
  let lo = v[d] ^ v[a], hi = v[d + 1] ^ v[a + 1]
  v[d] = hi; v[d + 1] = lo // rotr 32
  add(c, d)
  lo = v[b] ^ v[c]; hi = v[b + 1] ^ v[c + 1]
  v[b] = (lo >>> 24) | (hi << 8); v[b + 1] = (hi >>> 24) | (lo << 8) // rotr 24
  add(a, b); addm(a, y)
  lo = v[d] ^ v[a]; hi = v[d + 1] ^ v[a + 1]
  v[d] = (lo >>> 16) | (hi << 16); v[d + 1] = (hi >>> 16) | (lo << 16) // rotr 16
  add(c, d)
  lo = v[b] ^ v[c]; hi = v[b + 1] ^ v[c + 1]
  v[b] = (hi >>> 31) | (lo << 1); v[b + 1] = (lo >>> 31) | (hi << 1) // rotr 63
}

function compress(h, src, off, t, last) {
  for (let i = 0; i < 16; i++) { v[i] = h[i]; v[i + 16] = IV[i] }
  v[24] ^= t
  v[25] ^= Math.floor(t / 0x100000000)
  if (last) { v[28] = ~v[28]; v[29] = ~v[29] }
  for (let i = 0; i < 32; i++) {
    const o = off + 4 * i
    m[i] = src[o] | (src[o + 1] << 8) | (src[o + 2] << 16) | (src[o + 3] << 24)
  }
  for (let r = 0; r < 12; r++) {
    const s = r * 16
    G(0, 8, 16, 24, SIGMA[s], SIGMA[s + 1])
    G(2, 10, 18, 26, SIGMA[s + 2], SIGMA[s + 3])
    G(4, 12, 20, 28, SIGMA[s + 4], SIGMA[s + 5])
    G(6, 14, 22, 30, SIGMA[s + 6], SIGMA[s + 7])
    G(0, 10, 20, 30, SIGMA[s + 8], SIGMA[s + 9])
    G(2, 12, 22, 24, SIGMA[s + 10], SIGMA[s + 11])
    G(4, 14, 16, 26, SIGMA[s + 12], SIGMA[s + 13])
    G(6, 8, 18, 28, SIGMA[s + 14], SIGMA[s + 15])
  }
  for (let i = 0; i < 16; i++) h[i] = h[i] ^ v[i] ^ v[i + 16]
}

/** The initial state for a 32-byte digest, no key, with `personal` (16 bytes). */
export function blake2b256State(personal) {
  const h = Uint32Array.from(IV)
  h[0] ^= 0x01010000 ^ 32
  for (let i = 0; i < 4; i++) {
    const o = 4 * i
    h[12 + i] ^= personal[o] | (personal[o + 1] << 8) | (personal[o + 2] << 16) | (personal[o + 3] << 24)
  }
  return h
}

const work = new Uint32Array(16)

/** BLAKE2b-256 of `data` from the initial state `init`, written into `out` at `outOff`. */
export function blake2b256Into(init, data, out, outOff) {
  work.set(init)
  let off = 0
  const len = data.length
  while (len - off > 128) {
    compress(work, data, off, off + 128, false)
    off += 128
  }
  block.fill(0)
  block.set(data.subarray(off), 0)
  compress(work, block, 0, len, true)
  for (let i = 0; i < 8; i++) {
    const w = work[i], o = outOff + 4 * i
    out[o] = w & 0xff; out[o + 1] = (w >>> 8) & 0xff; out[o + 2] = (w >>> 16) & 0xff; out[o + 3] = w >>> 24
  }
}
