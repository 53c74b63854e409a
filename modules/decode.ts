/** The transaction decoder over the registered modules' specs (protocol/decode.ts does the work). */
import { createTxDecoder } from '../protocol/decode.ts'
import { MODULES } from './registry.ts'

export const { decodeOpReturn, labelOutputs, viewOpReturn } = createTxDecoder(MODULES)
export { opReturnPayload, bytesToHex } from '../protocol/decode.ts'
