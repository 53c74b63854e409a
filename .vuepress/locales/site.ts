import fs from 'node:fs'
import path from 'node:path'
import { englishUi as en } from '../../components/i18n/englishUi.ts'
import { discoverLocales, ROOT, type DiscoveredLocales, type LocaleUi } from './discover.ts'

export interface DiscoveredSite {
  locales: DiscoveredLocales
  /** Each locale's merged UI strings, keyed by route prefix (`/` is English). */
  ui: Record<string, LocaleUi>
}

/** Size and mtime of every `locales/<dir>/locale.json`: what the site's configuration is read from. */
function localeFilesStamp(root: string): string {
  const base = path.join(root, 'locales')
  if (!fs.existsSync(base)) return ''
  return fs.readdirSync(base).sort().map((dir) => {
    const file = path.join(base, dir, 'locale.json')
    const st = fs.statSync(file, { throwIfNoEntry: false })
    return st ? `${dir}:${st.size}:${st.mtimeMs}` : ''
  }).join('|')
}

/**
 * The locales of the site, read again only when a `locale.json` changed since the last read: the config's getters
 * all see one discovery per start, and a restart after a locale edit sees the new one.
 */
export function discoveredSite(root = ROOT): () => DiscoveredSite {
  let stamp: string | null = null
  let current: DiscoveredSite
  return () => {
    const now = localeFilesStamp(root)
    if (now !== stamp) {
      const locales = discoverLocales(root)
      current = { locales, ui: { '/': en, ...Object.fromEntries(locales.list.map((l) => [l.prefix, l.ui])) } }
      stamp = now
    }
    return current
  }
}
