/**
 * The method catalog as an OpenRPC document (https://spec.open-rpc.org, version 1.3.2), so a developer can load
 * this site's komodod dialect into OpenRPC tools (playgrounds, client generators, documentation viewers).
 *
 * Generated, never hand-written: every method of the catalog with its positional params (JSON types and the
 * string formats the forms check), its result as komodod shapes it, the errors its class can end in, and what the
 * catalog knows beyond OpenRPC as `x-` extensions: the safety class the gateway's profiles allow or refuse, CC
 * soft errors, devchain-only methods. Error codes are komodod's (src/rpc/protocol.h).
 */
import type { MethodSpec, ParamFormat, ParamSpec, ParamType, SafetyClass } from './catalog.ts'
import { RpcCode } from './jsonrpc.ts'

type Schema = Record<string, unknown>

export interface OpenRpcInfo {
  title: string
  version: string
  description?: string
}

export interface OpenRpcDocument {
  openrpc: string
  info: OpenRpcInfo
  servers: { name: string; url: string; summary?: string; variables?: Record<string, { default: string; description?: string }> }[]
  methods: Schema[]
  components: { errors: Record<string, { code: number; message: string }> }
}

export const OPENRPC_VERSION = '1.3.2'

const ORIGIN = { origin: { default: '127.0.0.1:8080', description: 'Host and port the site (and its gateway) is served on' } }

/** What the string of each format must look like: the same rules `validate.ts` applies before sending. */
const FORMAT_PATTERNS: Record<ParamFormat, string> = {
  txid: '^[0-9a-fA-F]{64}$',
  hex: '^(?:[0-9a-fA-F]{2})*$',
  pubkey: '^0[23][0-9a-fA-F]{64}$',
  address: '^[1-9A-HJ-NP-Za-km-z]{26,35}$',
  coins: '^(?:0|[1-9][0-9]*)(?:\\.[0-9]{1,8})?$',
  integer: '^-?[0-9]+$',
  'height-or-hash': '^(?:[0-9]+|[0-9a-fA-F]{64})$',
}

const TYPE_SCHEMAS: Record<ParamType, Schema> = {
  string: { type: 'string' },
  int: { type: 'integer' },
  bool: { type: 'boolean' },
  'number-or-string': { oneOf: [{ type: 'number' }, { type: 'string' }] },
  object: { type: 'object' },
  array: { type: 'array' },
  any: {},
}

/** komodod's errors, named once and referenced by the methods. */
const ERRORS = {
  methodNotFound: { code: RpcCode.METHOD_NOT_FOUND, message: 'Method not found' },
  usage: { code: RpcCode.MISC_ERROR, message: 'Wrong number of parameters: the reply carries the usage text (help <method>)' },
  typeError: { code: RpcCode.TYPE_ERROR, message: 'Expected type <type>, got <type> (a parameter has the wrong JSON type)' },
  invalidParameter: { code: RpcCode.INVALID_PARAMETER, message: 'Invalid parameter' },
  invalidAddressOrKey: { code: RpcCode.INVALID_ADDRESS_OR_KEY, message: 'Invalid address, key or txid' },
  walletError: { code: RpcCode.WALLET_ERROR, message: 'Wallet error' },
  insufficientFunds: { code: RpcCode.WALLET_INSUFFICIENT_FUNDS, message: 'Insufficient funds' },
  deserialization: { code: RpcCode.DESERIALIZATION_ERROR, message: 'TX decode failed' },
  verifyError: { code: RpcCode.VERIFY_ERROR, message: 'Missing inputs or other verification error' },
  rejected: { code: RpcCode.VERIFY_REJECTED, message: 'Transaction rejected: <code>: <reason>' },
  alreadyInChain: { code: RpcCode.VERIFY_ALREADY_IN_CHAIN, message: 'transaction already in block chain' },
  ccNeedsPubkey: { code: RpcCode.MISC_ERROR, message: 'to use CC contracts, you need to launch daemon with valid -pubkey= for an address in your wallet' },
} as const

type ErrorName = keyof typeof ERRORS

/** The errors a class of method can end in, besides the ones every method with parameters has. */
const ERRORS_BY_SAFETY: Record<SafetyClass, readonly ErrorName[]> = {
  read: ['invalidParameter', 'invalidAddressOrKey'],
  wallet: ['walletError', 'invalidAddressOrKey'],
  spend: ['invalidAddressOrKey', 'insufficientFunds', 'walletError', 'rejected'],
  mining: ['invalidParameter'],
  node: [],
  'cc-info': ['ccNeedsPubkey'],
  'cc-build': ['ccNeedsPubkey'],
  broadcast: ['deserialization', 'verifyError', 'rejected', 'alreadyInChain'],
  admin: ['invalidParameter', 'walletError'],
  devchain: ['invalidParameter'],
  never: [],
}

function paramSchema(p: ParamSpec): Schema {
  const schema: Schema = { ...TYPE_SCHEMAS[p.type] }
  if (p.format && p.type === 'string') schema.pattern = FORMAT_PATTERNS[p.format]
  if (p.format) schema['x-format'] = p.format
  return schema
}

function errorRefs(m: MethodSpec): { $ref: string }[] {
  const names = new Set<ErrorName>(ERRORS_BY_SAFETY[m.safety])
  if (m.params.length) {
    names.add('usage')
    if (m.params.some((p) => p.type !== 'any')) names.add('typeError')
  }
  // A komodod without the method (devchain-only, or a build without the module) answers -32601.
  if (m.devchainOnly) names.add('methodNotFound')
  return [...names].map((n) => ({ $ref: `#/components/errors/${n}` }))
}

function method(m: MethodSpec): Schema {
  const result: Schema = { description: m.result }
  return {
    name: m.name,
    summary: m.summary,
    tags: [{ name: m.category }],
    paramStructure: 'by-position',
    params: m.params.map((p) => ({
      name: p.name,
      summary: p.summary,
      required: !p.optional,
      schema: paramSchema(p),
      ...(p.example !== undefined ? { 'x-example': p.example } : {}),
    })),
    result: {
      name: 'result',
      schema: m.softErrors
        ? { oneOf: [result, { type: 'object', description: 'CC soft error', properties: { result: { const: 'error' }, error: { type: 'string' } }, required: ['result', 'error'] }] }
        : result,
    },
    errors: errorRefs(m),
    'x-safety': m.safety,
    ...(m.softErrors ? { 'x-soft-errors': true } : {}),
    ...(m.devchainOnly ? { 'x-devchain-only': true } : {}),
  }
}

/** The OpenRPC document of `methods`, in catalog order. */
export function toOpenRpc(methods: readonly MethodSpec[], info: OpenRpcInfo): OpenRpcDocument {
  return {
    openrpc: OPENRPC_VERSION,
    info,
    // OpenRPC wants absolute URLs: `npm run dev`'s, with the origin as a variable for wherever the site runs.
    servers: [
      { name: 'miner', url: 'http://{origin}/rpc', summary: 'The funded node (komodod JSON-RPC 1.0 over HTTP POST)', variables: ORIGIN },
      { name: 'reader', url: 'http://{origin}/rpc/reader', summary: 'The fresh node, on the same chain', variables: ORIGIN },
    ],
    methods: methods.map(method),
    components: { errors: { ...ERRORS } },
  }
}
