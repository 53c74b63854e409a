import { spawn } from 'node:child_process'
import fs from 'node:fs'

export interface Measured {
  ok: boolean
  seconds: number
  /** Highest sum of VmRSS over the process and all its descendants, sampled every `intervalMs`. */
  peakTreeRssMb: number
  /** VmHWM of the top process (the kernel's own high-water mark, read while it still runs). */
  peakMainRssMb: number
  /**
   * User + system CPU seconds of the process and its children (from /usr/bin/time, NaN without it).
   * On a shared, overloaded machine this says more than wall time: it does not grow with others' load.
   */
  cpuSeconds: number
  output: string
}

const statusKb = (pid: number, field: 'VmRSS' | 'VmHWM'): number => {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) : 0
  } catch {
    return 0 // exited between listing and reading
  }
}

/** VmRSS of a running process, in MB. */
export const rssMb = (pid: number): number => statusKb(pid, 'VmRSS') / 1024

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; NaN once it is gone. */
export function cpuSecondsOf(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return NaN
  }
}

/**
 * CPU milliseconds a process's live threads have run so far, in nanoseconds from
 * /proc/<pid>/task/<tid>/schedstat: for short spans, such as a start, where /proc/<pid>/stat's 10 ms
 * ticks (each truncated) are too coarse. Threads that already exited are not counted. NaN once gone.
 */
export function onCpuMs(pid: number): number {
  try {
    let ns = 0
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) ns += Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0])
    return ns / 1e6
  } catch {
    return NaN
  }
}

const TIME = '/usr/bin/time'
const MARK = 'KJ_CPU_SECONDS'

/** The process and every descendant, from each process's parent pid in /proc/<pid>/stat. */
function tree(root: number): number[] {
  const parent = new Map<number, number>()
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8')
      // Fields after the parenthesised command name: state, ppid, …
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      parent.set(Number(name), ppid)
    } catch { /* gone */ }
  }
  const out = [root]
  for (let i = 0; i < out.length; i++) for (const [pid, ppid] of parent) if (ppid === out[i]) out.push(pid)
  return out
}

/**
 * Runs a command to completion and measures it from outside: wall time, and peak memory of the whole
 * process tree (vite, esbuild and sass run helpers beside node), sampled from /proc.
 */
export function measure(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; intervalMs?: number }): Promise<Measured> {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint()
    const timed = fs.existsSync(TIME)
    const child = timed
      ? spawn(TIME, ['-f', `${MARK} %U %S`, cmd, ...args], { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d) => { output += d })
    child.stderr.on('data', (d) => { output += d })
    let peakTree = 0
    let peakMain = 0
    const sample = () => {
      if (!child.pid) return
      const pids = tree(child.pid)
      peakTree = Math.max(peakTree, pids.reduce((sum, pid) => sum + statusKb(pid, 'VmRSS'), 0))
      // Under /usr/bin/time the build is time's only child: its VmHWM is the one worth reading.
      const main = timed ? (pids[1] ?? child.pid) : child.pid
      peakMain = Math.max(peakMain, statusKb(main, 'VmHWM'))
    }
    const timer = setInterval(sample, opts.intervalMs ?? 100)
    child.on('close', (code) => {
      clearInterval(timer)
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      const cpu = new RegExp(`${MARK} ([\\d.]+) ([\\d.]+)`).exec(output)
      const cpuSeconds = cpu ? Number(cpu[1]) + Number(cpu[2]) : Number.NaN
      resolve({ ok: code === 0, seconds, peakTreeRssMb: peakTree / 1024, peakMainRssMb: peakMain / 1024, cpuSeconds, output })
    })
  })
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
