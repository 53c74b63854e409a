/** The compose stack, checked statically (no Docker engine here): `docker-compose config` for both profiles. */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { CHAIN_ENV_FILE, parseEnvFile } from '../../../server/chainEnv.ts'

const ROOT = path.resolve(import.meta.dirname, '../../..')

interface Run {
  status: number | null
  stdout: string
  stderr: string
}

/** docker-compose (Python) takes seconds to start: the runs go in parallel, once. */
function compose(profile: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('docker-compose', ['--profile', profile, ...args], {
      cwd: ROOT,
      env: { ...process.env, KOMODO_RPC_USER: 'compose-user', KOMODO_RPC_PASSWORD: 'compose-Secret-77' },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c))
    child.stderr.on('data', (c: Buffer) => (stderr += c))
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, stdout, stderr }))
  })
}

const runs: Record<string, Run> = {}
beforeAll(async () => {
  const [devchain, komodod, full, devchainFull] = await Promise.all([
    compose('devchain', 'config', '-q'), compose('komodod', 'config', '-q'), compose('komodod', 'config'), compose('devchain', 'config'),
  ])
  Object.assign(runs, { devchain, komodod, full, devchainFull })
}, 180_000)

const profilesOf = (block: string): string[] => [...(/profiles:\n((?:\s+- \S+\n)+)/.exec(block)?.[1] ?? '').matchAll(/- (\S+)/g)].map((m) => m[1])

/** `docker-compose config` prints services in name order, two-space indented. */
function serviceBlocks(text: string): Map<string, string> {
  const out = new Map<string, string>()
  const body = text.split(/^services:\n/m)[1]?.split(/^\S/m)[0] ?? ''
  for (const block of body.split(/^(?= {2}\S)/m)) {
    const name = /^ {2}([\w-]+):/.exec(block)?.[1]
    if (name) out.set(name, block)
  }
  return out
}

describe('compose.yaml', () => {
  it.each(['devchain', 'komodod'])('passes docker-compose config -q with profile %s', (profile) => {
    const r = runs[profile]
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
  })

  it('devchain profile: our image alone, read-only, non-root capabilities dropped', () => {
    const services = serviceBlocks(runs.full.stdout)
    expect([...services].filter(([, b]) => profilesOf(b).includes('devchain')).map(([n]) => n)).toEqual(['site-devchain'])
    const site = services.get('site-devchain')!
    expect(site).toMatch(/read_only: true/)
    expect(site).toMatch(/cap_drop:\n\s+- ALL/)
    expect(site).toMatch(/no-new-privileges:true/)
    expect(site).toContain('/tmp')
  })

  it('komodod profile: two pinned komodod nodes, hardened, wired to our image through KOMODO_NODES', () => {
    const text = runs.full.stdout
    const services = serviceBlocks(text)
    expect([...services].filter(([, b]) => profilesOf(b).includes('komodod')).map(([n]) => n).sort())
      .toEqual(['komodod-miner', 'komodod-reader', 'site-komodod', 'zcash-params'])
    for (const name of ['komodod-miner', 'komodod-reader']) {
      const s = services.get(name)!
      expect(s).toMatch(/image: komodoofficial\/komodo:cd_release_[0-9a-f]{7}_\w+/)
      expect(s).toMatch(/cap_drop:\n\s+- ALL/)
      expect(s).toMatch(/no-new-privileges:true/)
      expect(s).toMatch(/healthcheck:/)
      expect(s).toContain('zcash-params:/root/.zcash-params:ro')
      expect(s).toContain('AC_CC:')
    }
    expect(services.get('komodod-miner')).toMatch(/MINE: '1'/)
    const site = services.get('site-komodod')!
    const nodes = /KOMODO_NODES: (.*)/.exec(site)?.[1] ?? ''
    expect(nodes).toBe('miner=http://komodod-miner:24708,reader=http://komodod-reader:24708')
    expect(site).toMatch(/condition: service_healthy/)
    // No floating tags anywhere.
    expect(text).not.toMatch(/image: [^\n]*:latest/)
  })

  it('both nodes and both sites take the chain from deploy/chain.env; the komodod stack runs -regtest', () => {
    const services = serviceBlocks(runs.full.stdout + runs.devchainFull.stdout)
    const chain = parseEnvFile(fs.readFileSync(CHAIN_ENV_FILE, 'utf8'))
    expect(chain.AC_NAME).toBeTruthy()
    for (const name of ['komodod-miner', 'komodod-reader', 'site-komodod', 'site-devchain']) {
      const s = services.get(name)!
      for (const key of ['AC_NAME', 'AC_SUPPLY', 'AC_CC']) expect(s, `${name} ${key}`).toMatch(new RegExp(`\\b${key}: '?${chain[key]}'?\\n`))
    }
    for (const name of ['komodod-miner', 'komodod-reader']) expect(services.get(name)).toMatch(/REGTEST: '1'/)
  })

  it('the scripts the komodod services run exist and parse', () => {
    for (const f of ['komodod-node.sh', 'komodod-health.sh', 'fetch-params.sh']) {
      const file = path.join(ROOT, 'deploy', f)
      expect(fs.existsSync(file), f).toBe(true)
      expect(spawnSync('sh', ['-n', file]).status, f).toBe(0)
    }
  })
})
