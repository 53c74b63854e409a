/**
 * The chain's flags in the pages' code blocks come from `deploy/chain.env`, the file the komodod nodes and the
 * site's devchain read: a fence that says `%chain-flags%` prints them (`komodod %chain-flags%` →
 * `komodod -ac_name=DOCS -ac_supply=1000000 -ac_cc=2`), so a page's start command can never describe another chain.
 */
import type { Plugin } from 'vuepress/core'
import { chainArgs } from '../../server/chainEnv.ts'

export const CHAIN_FLAGS_MARK = '%chain-flags%'

export const chainFlagsPlugin = (flags: readonly string[] = chainArgs()): Plugin => ({
  name: 'komodo-journeys:chain-flags',
  extendsMarkdown: (md) => {
    md.core.ruler.push('kj_chain_flags', (state) => {
      for (const token of state.tokens)
        if (token.type === 'fence' && token.content.includes(CHAIN_FLAGS_MARK)) token.content = token.content.split(CHAIN_FLAGS_MARK).join(flags.join(' '))
    })
  },
})
