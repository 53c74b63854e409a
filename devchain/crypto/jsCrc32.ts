/**
 * CRC-32 (IEEE 802.3, zlib's) in JS, slice-by-8: the browser's, and the reference a platform's native
 * CRC must match (crc32.ts picks). Values equal `node:zlib`'s crc32, so logs written before the
 * engine had its own still verify.
 */
const TABLES = (() => {
  const t = new Uint32Array(8 * 256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c
  }
  for (let n = 0; n < 256; n++) for (let s = 1; s < 8; s++) t[s * 256 + n] = (t[(s - 1) * 256 + n] >>> 8) ^ t[t[(s - 1) * 256 + n] & 0xff]
  return t
})()

/** CRC-32 of `data`, continuing from `crc` (0 to start); unsigned. */
export function jsCrc32(data: Uint8Array, crc = 0): number {
  const T = TABLES
  let c = ~crc
  let i = 0
  const n = data.length
  for (; i + 8 <= n; i += 8) {
    const a = (c ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24))) >>> 0
    c =
      T[1792 + (a & 0xff)] ^ T[1536 + ((a >>> 8) & 0xff)] ^ T[1280 + ((a >>> 16) & 0xff)] ^ T[1024 + (a >>> 24)] ^
      T[768 + data[i + 4]] ^ T[512 + data[i + 5]] ^ T[256 + data[i + 6]] ^ T[data[i + 7]]
  }
  for (; i < n; i++) c = T[(c ^ data[i]) & 0xff] ^ (c >>> 8)
  return ~c >>> 0
}
