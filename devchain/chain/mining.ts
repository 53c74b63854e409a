/** Mining modes: manual (`generate N`), automine (a block per accepted tx), interval (every N s). */
export type MiningMode = 'manual' | 'automine' | 'interval'

export interface MiningState {
  mode: MiningMode
  /** Interval in seconds (interval mode), else 0. */
  seconds: number
  /** setgenerate true/false (komodod's -gen); on the devchain it maps to interval mining. */
  generate: boolean
  genproclimit: number
}

export function parseMiningMode(v: string | undefined): MiningState | null {
  if (!v) return null
  const m = /^(manual|automine|interval)(?::(\d+))?$/.exec(v)
  if (!m) return null
  const mode = m[1] as MiningMode
  const seconds = mode === 'interval' ? Number(m[2] ?? 5) || 5 : 0
  return { mode, seconds, generate: mode === 'interval', genproclimit: mode === 'interval' ? 1 : -1 }
}
