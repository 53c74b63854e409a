import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const ROOT = path.resolve(import.meta.dirname, '../..')

/** Builds the site with the real VuePress CLI into `dest` (a temporary folder unless given). */
export function buildSite(dest = fs.mkdtempSync(path.join(os.tmpdir(), 'kj-dist-')), cwd = ROOT, env: NodeJS.ProcessEnv = {}): string {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vuepress/bin/vuepress.js'), 'build'], {
    cwd,
    // A production build, as `npm run build` makes: vitest's NODE_ENV=test would otherwise reach Vite
    // and build Vue, the router and the theme with their development code.
    env: { ...process.env, NODE_ENV: 'production', ...env, KJ_DIST: dest },
    encoding: 'utf8',
  })
  if (r.status !== 0) throw new Error(`vuepress build failed (${r.status}):\n${r.stdout}\n${r.stderr}`)
  return dest
}

/**
 * Node credentials planted in the environment of the shared build: none may reach the built site.
 */
export const CANARY_ENV = {
  KOMODO_RPC_USER: 'kjcanaryuser',
  KOMODO_RPC_PASSWORD: 'kjcanarypassword0123456789',
  KOMODO_NODES: 'miner=http://kjcanarynodeuser:kjcanarynodepass@127.0.0.1:9',
}

/**
 * The built site shared by the build and e2e layers: `npm test` builds once and passes it in
 * KJ_TEST_DIST; a layer run on its own builds its own copy.
 */
export function sharedDist(): string {
  const given = process.env.KJ_TEST_DIST
  if (given && fs.existsSync(path.join(given, 'index.html'))) return given
  const dest = buildSite(given || undefined, ROOT, CANARY_ENV)
  process.env.KJ_TEST_DIST = dest
  return dest
}

/** Every HTML page under a built site, as routes (`/`, `/zh/journeys/x.html`). */
export function builtRoutes(dist: string): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        if (entry.name !== 'assets') walk(full)
      } else if (entry.name.endsWith('.html') && entry.name !== '404.html') {
        const rel = '/' + path.relative(dist, full).split(path.sep).join('/')
        out.push(rel.replace(/(^|\/)index\.html$/, '$1'))
      }
    }
  }
  walk(dist)
  return out.sort()
}
