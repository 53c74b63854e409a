import { readFileSync } from 'node:fs'

/**
 * Recorded komodod replies, vendored from shared/reference/fixtures so the tests run on any
 * checkout: see the file's "note" for where each reply comes from and how stable it is.
 */
export const komodoFixtures = JSON.parse(
  readFileSync(new URL('../fixtures/komodod-responses.json', import.meta.url), 'utf8'),
)
