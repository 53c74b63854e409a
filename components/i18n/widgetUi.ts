/**
 * The core UI strings that only some lazily loaded islands read: kept out of a translated page's first
 * load (`?kj-ui=widgets`, .vuepress/bundler/localeUiParts.ts) and loaded before one of those islands, or a
 * module's panel, hydrates (.vuepress/client.ts). test/unit/components/widgetUi.test.ts checks that no
 * other component reads them.
 */
export const WIDGET_KEYS = ['clock', 'broadcast', 'tx', 'block'] as const

/** The islands that read them (TxDetails through TxView and BlockView; module panels read `broadcast`). */
export const WIDGET_ISLANDS = ['AdvanceClock', 'Broadcast', 'TxView', 'BlockView'] as const
