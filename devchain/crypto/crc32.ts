/**
 * CRC-32 (IEEE 802.3, the polynomial zlib and gzip use) for the record log and the snapshot codec.
 * Large inputs go to the platform's native CRC when it has one (Node's zlib: a snapshot of a long
 * chain is tens of MB, checked before a start answers); everything else, and every input in a
 * browser, to the JS loop in jsCrc32.ts. Both give zlib's values.
 */
import { platform } from '#platform'
import { jsCrc32 } from './jsCrc32.ts'

/** Below this, the JS loop is as quick as a call into the platform's own. */
const NATIVE_FROM = 1 << 16

/** CRC-32 of `data`, continuing from `crc` (0 to start); unsigned. Large inputs go to the platform's native CRC when it has one. */
export function crc32(data: Uint8Array, crc = 0): number {
  return data.length >= NATIVE_FROM && platform.crc32 ? platform.crc32(data, crc) : jsCrc32(data, crc)
}
