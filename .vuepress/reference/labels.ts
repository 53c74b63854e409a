import type { Category, CoreCategory } from '../../protocol/catalog.ts'
import { MODULES } from '../../modules/registry.ts'

/**
 * The fixed English text of the reference pages. Method descriptions come from the catalog; this is
 * only what the catalog has no place for: headings, table headers and category names. A locale
 * overrides any of these in `locales/<dir>/reference.json` under `labels` and `categories`.
 */
export const ENGLISH_LABELS = {
  indexTitle: 'RPC reference',
  indexIntro:
    'Every komodod method this site knows, grouped by category and generated from the method catalog. ' +
    'Methods the local gateway profile allows can be run from the page; the others show a recorded response.',
  openRpc: 'The same catalog as an OpenRPC document, for OpenRPC tools and client generators:',
  method: 'Method',
  category: 'Category',
  methodsOnPage: 'Methods on this page',
  signature: 'Signature',
  parameters: 'Parameters',
  noParameters: 'No parameters.',
  name: 'Name',
  type: 'JSON type',
  required: 'Required',
  yes: 'yes',
  no: 'no',
  description: 'Description',
  result: 'Result',
  tryIt: 'Try it',
  example: 'Example',
  safety: 'Safety class',
  profiles: 'Gateway profiles',
  noProfile: 'none',
  devchainOnly: 'devchain only: komodod answers "Method not found"',
  softErrors: 'Business errors come back inside a successful reply: {"result":"error","error":"…"}.',
  recorded: 'Recorded response',
  recordedNote: 'recorded from komodod; values differ on your chain',
  noRecording: 'No recorded response yet.',
  neverExposed: 'Never exposed through the gateway, in any profile.',
  differencesTitle: 'The devchain and komodod',
  differencesIntro:
    'The devchain answers in komodod\'s dialect: the same shapes, key order, parameter typing and errors. ' +
    'What still differs is listed here, generated from the one list the project keeps. Everything else a page ' +
    'shows on the devchain, komodod does too.',
  differencesKomodod: 'komodod',
  differencesDevchain: 'The devchain',
  differencesMethods: 'Methods',
  differencesJourneyNote: 'On the devchain, this journey meets these differences from komodod:',
} as const

export type LabelKey = keyof typeof ENGLISH_LABELS
export type Labels = Record<LabelKey, string>

export interface CategoryText {
  title: string
  intro: string
}

/** Page order follows the journeys: what a reader meets first comes first; the CC modules before the devchain's own. */
export const CATEGORY_ORDER: readonly Category[] = [
  'control', 'blockchain', 'mining', 'wallet', 'rawtransactions', 'addressindex', 'util', 'network',
  ...MODULES.map((m) => m.category), 'devchain',
]

const CORE_CATEGORIES: Record<CoreCategory, CategoryText> = {
  control: { title: 'Control', intro: 'Node information and help.' },
  blockchain: { title: 'Blockchain', intro: 'Blocks, the best chain and the mempool.' },
  mining: { title: 'Mining', intro: 'Mining state and block production.' },
  wallet: { title: 'Wallet', intro: "The node wallet: addresses, balances and spends. Key and wallet-file methods are listed so you know they are closed." },
  rawtransactions: { title: 'Raw transactions', intro: 'Read, decode and relay transactions.' },
  addressindex: { title: 'Address index', intro: 'Balances, outputs and history of any address (needs -addressindex).' },
  util: { title: 'Utilities', intro: 'Helpers that touch no chain state.' },
  network: { title: 'Network', intro: 'Peer connections: read them here; the methods that change them are never exposed.' },
  devchain: { title: 'Devchain control', intro: "Methods of this project's embedded devchain; komodod does not have them." },
}

/** Each module's page title and intro come from its spec (modules/<id>/spec.ts). */
export const ENGLISH_CATEGORIES: Record<Category, CategoryText> = {
  ...CORE_CATEGORIES,
  ...Object.fromEntries(MODULES.map((m) => [m.category, m.reference])),
}
