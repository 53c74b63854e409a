import type { UserConfig } from 'vite'

/**
 * Whether a `config` hook runs for VuePress's server build. VuePress sets `build.ssr` in a config hook of its
 * own, which runs before ours, so the hook's `env.isSsrBuild` is still false there: only the config says so.
 */
export const isServerBuild = (config: UserConfig): boolean => !!config.build?.ssr
