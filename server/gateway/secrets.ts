/**
 * Build-level leak check: does any file under a folder (the built site) contain a credential?
 * Used by tests; the lead can wire it into the build test with the secrets from the environment.
 */
import fs from 'node:fs'
import path from 'node:path'

export interface SecretLeak {
  file: string
  /** Index of the secret in the list given (the secret itself is never repeated). */
  secret: number
}

/** Secrets shorter than 6 characters would match by accident and are ignored. */
export function findSecretLeaks(dir: string, secrets: readonly string[]): SecretLeak[] {
  const needles = secrets
    .map((s, i) => ({ i, forms: [s, Buffer.from(s).toString('base64'), encodeURIComponent(s)] }))
    .filter((n) => n.forms[0].length >= 6)
  const leaks: SecretLeak[] = []
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile()) {
        const text = fs.readFileSync(full).toString('latin1')
        for (const n of needles) {
          if (n.forms.some((f) => text.includes(f))) leaks.push({ file: path.relative(dir, full), secret: n.i })
        }
      }
    }
  }
  walk(dir)
  return leaks
}

/** The credentials this process knows from its environment (KOMODO_NODES URLs and *_RPC_* vars). */
export function secretsFromEnv(env: Record<string, string | undefined> = process.env): string[] {
  const out: string[] = []
  for (const [k, v] of Object.entries(env)) {
    if (!v) continue
    if (/^KOMODO_.*(PASSWORD|USER)$/.test(k)) out.push(v)
    if (k === 'KOMODO_NODES') {
      for (const m of v.matchAll(/\/\/([^:@/]*):([^@/]*)@/g)) out.push(decodeURIComponent(m[1]), decodeURIComponent(m[2]))
    }
  }
  return out.filter(Boolean)
}
