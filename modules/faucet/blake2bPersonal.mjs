// BLAKE2b-256 with a 16-byte personalisation (ZIP-243's hashes), allocation-free for the faucet
// proof-of-work loop, where a general-purpose hasher's per-call setup and garbage dominated.
// 64-bit words are (lo, hi) pairs of int32. Checked against @noble/hashes in the unit tests.
//
// Written for speed, as the proof-of-work's hottest code (four compressions a try): the sixteen
// working words live in local variables (registers or stack slots, not typed-array loads and stores
// with bounds checks), and each round's eight G mixes are written out (a G function could only share
// them through an array). The adds carry through a double: (lo >>> 0) sums stay exact below 2^53.

const IV = new Int32Array([
  0xf3bcc908, 0x6a09e667, 0x84caa73b, 0xbb67ae85, 0xfe94f82b, 0x3c6ef372, 0x5f1d36f1, 0xa54ff53a,
  0xade682d1, 0x510e527f, 0x2b3e6c1f, 0x9b05688c, 0xfb41bd6b, 0x1f83d9ab, 0x137e2179, 0x5be0cd19,
])
// The message schedule, as offsets of (lo, hi) pairs in `m`.
const S = Uint8Array.from([
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
  11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4, 7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8,
  9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13, 2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9,
  12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11, 13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10,
  6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5, 10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0,
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
].map((x) => x * 2))

const m = new Int32Array(32)
const block = new Uint8Array(128)

/** One compression of the 128 bytes of `src` at `off` into the state `h`; `count` bytes hashed so far. */
function compress(h, src, off, count, last) {
  for (let i = 0; i < 32; i++) {
    const o = off + 4 * i
    m[i] = src[o] | (src[o + 1] << 8) | (src[o + 2] << 16) | (src[o + 3] << 24)
  }
  let v0l = h[0], v0h = h[1], v1l = h[2], v1h = h[3]
  let v2l = h[4], v2h = h[5], v3l = h[6], v3h = h[7]
  let v4l = h[8], v4h = h[9], v5l = h[10], v5h = h[11]
  let v6l = h[12], v6h = h[13], v7l = h[14], v7h = h[15]
  let v8l = IV[0], v8h = IV[1], v9l = IV[2], v9h = IV[3]
  let v10l = IV[4], v10h = IV[5], v11l = IV[6], v11h = IV[7]
  let v12l = IV[8], v12h = IV[9], v13l = IV[10], v13h = IV[11]
  let v14l = IV[12], v14h = IV[13], v15l = IV[14], v15h = IV[15]
  v12l ^= count
  v12h ^= (count / 0x100000000) | 0
  if (last) { v14l = ~v14l; v14h = ~v14h }
  let t = 0, u = 0, x = 0, y = 0
  for (let s = 0; s < 192; s += 16) {
    // G(0, 4, 8, 12)
    x = m[S[s + 0]]; y = m[S[s + 0] + 1]
    t = (v0l >>> 0) + (v4l >>> 0) + (x >>> 0); v0h = (v0h + v4h + y + ((t / 0x100000000) | 0)) | 0; v0l = t | 0
    t = v12l ^ v0l; v12l = v12h ^ v0h; v12h = t
    t = (v8l >>> 0) + (v12l >>> 0); v8h = (v8h + v12h + ((t / 0x100000000) | 0)) | 0; v8l = t | 0
    t = v4l ^ v8l; u = v4h ^ v8h; v4l = (t >>> 24) | (u << 8); v4h = (u >>> 24) | (t << 8)
    x = m[S[s + 1]]; y = m[S[s + 1] + 1]
    t = (v0l >>> 0) + (v4l >>> 0) + (x >>> 0); v0h = (v0h + v4h + y + ((t / 0x100000000) | 0)) | 0; v0l = t | 0
    t = v12l ^ v0l; u = v12h ^ v0h; v12l = (t >>> 16) | (u << 16); v12h = (u >>> 16) | (t << 16)
    t = (v8l >>> 0) + (v12l >>> 0); v8h = (v8h + v12h + ((t / 0x100000000) | 0)) | 0; v8l = t | 0
    t = v4l ^ v8l; u = v4h ^ v8h; v4l = (u >>> 31) | (t << 1); v4h = (t >>> 31) | (u << 1)
    // G(1, 5, 9, 13)
    x = m[S[s + 2]]; y = m[S[s + 2] + 1]
    t = (v1l >>> 0) + (v5l >>> 0) + (x >>> 0); v1h = (v1h + v5h + y + ((t / 0x100000000) | 0)) | 0; v1l = t | 0
    t = v13l ^ v1l; v13l = v13h ^ v1h; v13h = t
    t = (v9l >>> 0) + (v13l >>> 0); v9h = (v9h + v13h + ((t / 0x100000000) | 0)) | 0; v9l = t | 0
    t = v5l ^ v9l; u = v5h ^ v9h; v5l = (t >>> 24) | (u << 8); v5h = (u >>> 24) | (t << 8)
    x = m[S[s + 3]]; y = m[S[s + 3] + 1]
    t = (v1l >>> 0) + (v5l >>> 0) + (x >>> 0); v1h = (v1h + v5h + y + ((t / 0x100000000) | 0)) | 0; v1l = t | 0
    t = v13l ^ v1l; u = v13h ^ v1h; v13l = (t >>> 16) | (u << 16); v13h = (u >>> 16) | (t << 16)
    t = (v9l >>> 0) + (v13l >>> 0); v9h = (v9h + v13h + ((t / 0x100000000) | 0)) | 0; v9l = t | 0
    t = v5l ^ v9l; u = v5h ^ v9h; v5l = (u >>> 31) | (t << 1); v5h = (t >>> 31) | (u << 1)
    // G(2, 6, 10, 14)
    x = m[S[s + 4]]; y = m[S[s + 4] + 1]
    t = (v2l >>> 0) + (v6l >>> 0) + (x >>> 0); v2h = (v2h + v6h + y + ((t / 0x100000000) | 0)) | 0; v2l = t | 0
    t = v14l ^ v2l; v14l = v14h ^ v2h; v14h = t
    t = (v10l >>> 0) + (v14l >>> 0); v10h = (v10h + v14h + ((t / 0x100000000) | 0)) | 0; v10l = t | 0
    t = v6l ^ v10l; u = v6h ^ v10h; v6l = (t >>> 24) | (u << 8); v6h = (u >>> 24) | (t << 8)
    x = m[S[s + 5]]; y = m[S[s + 5] + 1]
    t = (v2l >>> 0) + (v6l >>> 0) + (x >>> 0); v2h = (v2h + v6h + y + ((t / 0x100000000) | 0)) | 0; v2l = t | 0
    t = v14l ^ v2l; u = v14h ^ v2h; v14l = (t >>> 16) | (u << 16); v14h = (u >>> 16) | (t << 16)
    t = (v10l >>> 0) + (v14l >>> 0); v10h = (v10h + v14h + ((t / 0x100000000) | 0)) | 0; v10l = t | 0
    t = v6l ^ v10l; u = v6h ^ v10h; v6l = (u >>> 31) | (t << 1); v6h = (t >>> 31) | (u << 1)
    // G(3, 7, 11, 15)
    x = m[S[s + 6]]; y = m[S[s + 6] + 1]
    t = (v3l >>> 0) + (v7l >>> 0) + (x >>> 0); v3h = (v3h + v7h + y + ((t / 0x100000000) | 0)) | 0; v3l = t | 0
    t = v15l ^ v3l; v15l = v15h ^ v3h; v15h = t
    t = (v11l >>> 0) + (v15l >>> 0); v11h = (v11h + v15h + ((t / 0x100000000) | 0)) | 0; v11l = t | 0
    t = v7l ^ v11l; u = v7h ^ v11h; v7l = (t >>> 24) | (u << 8); v7h = (u >>> 24) | (t << 8)
    x = m[S[s + 7]]; y = m[S[s + 7] + 1]
    t = (v3l >>> 0) + (v7l >>> 0) + (x >>> 0); v3h = (v3h + v7h + y + ((t / 0x100000000) | 0)) | 0; v3l = t | 0
    t = v15l ^ v3l; u = v15h ^ v3h; v15l = (t >>> 16) | (u << 16); v15h = (u >>> 16) | (t << 16)
    t = (v11l >>> 0) + (v15l >>> 0); v11h = (v11h + v15h + ((t / 0x100000000) | 0)) | 0; v11l = t | 0
    t = v7l ^ v11l; u = v7h ^ v11h; v7l = (u >>> 31) | (t << 1); v7h = (t >>> 31) | (u << 1)
    // G(0, 5, 10, 15)
    x = m[S[s + 8]]; y = m[S[s + 8] + 1]
    t = (v0l >>> 0) + (v5l >>> 0) + (x >>> 0); v0h = (v0h + v5h + y + ((t / 0x100000000) | 0)) | 0; v0l = t | 0
    t = v15l ^ v0l; v15l = v15h ^ v0h; v15h = t
    t = (v10l >>> 0) + (v15l >>> 0); v10h = (v10h + v15h + ((t / 0x100000000) | 0)) | 0; v10l = t | 0
    t = v5l ^ v10l; u = v5h ^ v10h; v5l = (t >>> 24) | (u << 8); v5h = (u >>> 24) | (t << 8)
    x = m[S[s + 9]]; y = m[S[s + 9] + 1]
    t = (v0l >>> 0) + (v5l >>> 0) + (x >>> 0); v0h = (v0h + v5h + y + ((t / 0x100000000) | 0)) | 0; v0l = t | 0
    t = v15l ^ v0l; u = v15h ^ v0h; v15l = (t >>> 16) | (u << 16); v15h = (u >>> 16) | (t << 16)
    t = (v10l >>> 0) + (v15l >>> 0); v10h = (v10h + v15h + ((t / 0x100000000) | 0)) | 0; v10l = t | 0
    t = v5l ^ v10l; u = v5h ^ v10h; v5l = (u >>> 31) | (t << 1); v5h = (t >>> 31) | (u << 1)
    // G(1, 6, 11, 12)
    x = m[S[s + 10]]; y = m[S[s + 10] + 1]
    t = (v1l >>> 0) + (v6l >>> 0) + (x >>> 0); v1h = (v1h + v6h + y + ((t / 0x100000000) | 0)) | 0; v1l = t | 0
    t = v12l ^ v1l; v12l = v12h ^ v1h; v12h = t
    t = (v11l >>> 0) + (v12l >>> 0); v11h = (v11h + v12h + ((t / 0x100000000) | 0)) | 0; v11l = t | 0
    t = v6l ^ v11l; u = v6h ^ v11h; v6l = (t >>> 24) | (u << 8); v6h = (u >>> 24) | (t << 8)
    x = m[S[s + 11]]; y = m[S[s + 11] + 1]
    t = (v1l >>> 0) + (v6l >>> 0) + (x >>> 0); v1h = (v1h + v6h + y + ((t / 0x100000000) | 0)) | 0; v1l = t | 0
    t = v12l ^ v1l; u = v12h ^ v1h; v12l = (t >>> 16) | (u << 16); v12h = (u >>> 16) | (t << 16)
    t = (v11l >>> 0) + (v12l >>> 0); v11h = (v11h + v12h + ((t / 0x100000000) | 0)) | 0; v11l = t | 0
    t = v6l ^ v11l; u = v6h ^ v11h; v6l = (u >>> 31) | (t << 1); v6h = (t >>> 31) | (u << 1)
    // G(2, 7, 8, 13)
    x = m[S[s + 12]]; y = m[S[s + 12] + 1]
    t = (v2l >>> 0) + (v7l >>> 0) + (x >>> 0); v2h = (v2h + v7h + y + ((t / 0x100000000) | 0)) | 0; v2l = t | 0
    t = v13l ^ v2l; v13l = v13h ^ v2h; v13h = t
    t = (v8l >>> 0) + (v13l >>> 0); v8h = (v8h + v13h + ((t / 0x100000000) | 0)) | 0; v8l = t | 0
    t = v7l ^ v8l; u = v7h ^ v8h; v7l = (t >>> 24) | (u << 8); v7h = (u >>> 24) | (t << 8)
    x = m[S[s + 13]]; y = m[S[s + 13] + 1]
    t = (v2l >>> 0) + (v7l >>> 0) + (x >>> 0); v2h = (v2h + v7h + y + ((t / 0x100000000) | 0)) | 0; v2l = t | 0
    t = v13l ^ v2l; u = v13h ^ v2h; v13l = (t >>> 16) | (u << 16); v13h = (u >>> 16) | (t << 16)
    t = (v8l >>> 0) + (v13l >>> 0); v8h = (v8h + v13h + ((t / 0x100000000) | 0)) | 0; v8l = t | 0
    t = v7l ^ v8l; u = v7h ^ v8h; v7l = (u >>> 31) | (t << 1); v7h = (t >>> 31) | (u << 1)
    // G(3, 4, 9, 14)
    x = m[S[s + 14]]; y = m[S[s + 14] + 1]
    t = (v3l >>> 0) + (v4l >>> 0) + (x >>> 0); v3h = (v3h + v4h + y + ((t / 0x100000000) | 0)) | 0; v3l = t | 0
    t = v14l ^ v3l; v14l = v14h ^ v3h; v14h = t
    t = (v9l >>> 0) + (v14l >>> 0); v9h = (v9h + v14h + ((t / 0x100000000) | 0)) | 0; v9l = t | 0
    t = v4l ^ v9l; u = v4h ^ v9h; v4l = (t >>> 24) | (u << 8); v4h = (u >>> 24) | (t << 8)
    x = m[S[s + 15]]; y = m[S[s + 15] + 1]
    t = (v3l >>> 0) + (v4l >>> 0) + (x >>> 0); v3h = (v3h + v4h + y + ((t / 0x100000000) | 0)) | 0; v3l = t | 0
    t = v14l ^ v3l; u = v14h ^ v3h; v14l = (t >>> 16) | (u << 16); v14h = (u >>> 16) | (t << 16)
    t = (v9l >>> 0) + (v14l >>> 0); v9h = (v9h + v14h + ((t / 0x100000000) | 0)) | 0; v9l = t | 0
    t = v4l ^ v9l; u = v4h ^ v9h; v4l = (u >>> 31) | (t << 1); v4h = (t >>> 31) | (u << 1)

  }
  h[0] ^= v0l ^ v8l; h[1] ^= v0h ^ v8h
  h[2] ^= v1l ^ v9l; h[3] ^= v1h ^ v9h
  h[4] ^= v2l ^ v10l; h[5] ^= v2h ^ v10h
  h[6] ^= v3l ^ v11l; h[7] ^= v3h ^ v11h
  h[8] ^= v4l ^ v12l; h[9] ^= v4h ^ v12h
  h[10] ^= v5l ^ v13l; h[11] ^= v5h ^ v13h
  h[12] ^= v6l ^ v14l; h[13] ^= v6h ^ v14h
  h[14] ^= v7l ^ v15l; h[15] ^= v7h ^ v15h
}

/** The initial state for a 32-byte digest, no key, with `personal` (16 bytes). */
export function blake2b256State(personal) {
  const h = Int32Array.from(IV)
  h[0] ^= 0x01010000 ^ 32
  for (let i = 0; i < 4; i++) {
    const o = 4 * i
    h[12 + i] ^= personal[o] | (personal[o + 1] << 8) | (personal[o + 2] << 16) | (personal[o + 3] << 24)
  }
  return h
}

const work = new Int32Array(16)

/** BLAKE2b-256 of `data` from the initial state `init`, written into `out` at `outOff`. */
export function blake2b256Into(init, data, out, outOff) {
  work.set(init)
  let off = 0
  const len = data.length
  while (len - off > 128) {
    compress(work, data, off, off + 128, false)
    off += 128
  }
  for (let i = 0; i < 128; i++) block[i] = off + i < len ? data[off + i] : 0
  compress(work, block, 0, len, true)
  for (let i = 0; i < 8; i++) {
    const w = work[i], o = outOff + 4 * i
    out[o] = w & 0xff; out[o + 1] = (w >>> 8) & 0xff; out[o + 2] = (w >>> 16) & 0xff; out[o + 3] = w >>> 24
  }
}
