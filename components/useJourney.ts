/**
 * The state a journey shares between its steps: named outputs (`fund` → the faucetfund result, read
 * as `fund.hex`), each step's state, and the step numbering used for `#step-N` links. Components
 * outside a <Journey> share one page-wide context instead.
 */
import { getCurrentInstance, inject, onMounted, reactive, ref, type InjectionKey } from 'vue'

export type StepState = 'pending' | 'running' | 'done' | 'failed'

export interface JourneyContext {
  id: string
  outputs: Record<string, unknown>
  steps: Record<string, StepState>
  /** Next step number, 1-based, in render order (the same on the server and in the browser). */
  /** Steps registered so far; reactive, since lazily loaded steps register after the journey mounts. */
  total: number
  registerStep(): number
  /** How many steps registered so far. */
  stepCount(): number
  setOutput(name: string, value: unknown): void
  setStep(n: number, state: StepState): void
  /** `fund.hex` → outputs.fund.hex; undefined when missing. */
  resolve(ref: string): unknown
  /** Bumped for a step whose content starts over (a rewind to before it): its components remount. */
  epochs: Record<string, number>
  /** Steps with a checkpoint "before step N" to go back to. */
  checkpoints: Record<string, boolean>
  /** Called synchronously as a step starts running, before its call is sent (the journey checkpoints there). */
  onStepStart: ((n: number) => void) | null
  /** Goes back to before step N: the chain, the outputs and the step states (set by the journey). */
  rewindTo: ((n: number) => Promise<void>) | null
}

export const JOURNEY_KEY: InjectionKey<JourneyContext> = Symbol('kj-journey')

export interface StepContext {
  n: number
  report(state: StepState): void
}

export const STEP_KEY: InjectionKey<StepContext> = Symbol('kj-step')

export function resolvePath(outputs: Record<string, unknown>, ref: string): unknown {
  let cur: unknown = outputs
  for (const part of ref.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<string, unknown>)[part]
  }
  return cur
}

/**
 * A parameter built from several earlier outputs: a JSON value whose strings and object keys of the
 * form `$name.path` are replaced by that output (`{"$to.address": 1}`, `[{"txid": "$coin.txid"}]`).
 * Returns the refs still missing, or the filled value.
 */
export function resolveTemplate(outputs: Record<string, unknown>, template: unknown): { value?: unknown; missing: string[] } {
  const missing: string[] = []
  const fill = (v: unknown): unknown => {
    if (typeof v === 'string' && v.startsWith('$')) {
      const got = resolvePath(outputs, v.slice(1))
      if (got === undefined) missing.push(v.slice(1))
      return got
    }
    if (Array.isArray(v)) return v.map(fill)
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k.startsWith('$') ? String(fill(k)) : k, fill(x)]))
    }
    return v
  }
  const value = fill(template)
  return missing.length ? { missing } : { value, missing }
}

export function createJourneyContext(id: string): JourneyContext {
  const ctx: JourneyContext = reactive({
    id,
    outputs: {},
    steps: {},
    total: 0,
    registerStep: () => ++ctx.total,
    stepCount: () => ctx.total,
    setOutput(name: string, value: unknown) {
      ctx.outputs[name] = value
    },
    setStep(n: number, state: StepState) {
      if (state === 'running' && ctx.steps[String(n)] !== 'running') ctx.onStepStart?.(n)
      ctx.steps[String(n)] = state
    },
    resolve: (ref: string) => resolvePath(ctx.outputs, ref),
    epochs: {},
    checkpoints: {},
    onStepStart: null,
    rewindTo: null,
  }) as JourneyContext
  return ctx
}

let pageContext: JourneyContext | null = null

const NOTHING: Record<string, never> = Object.freeze({})

/**
 * The context as one component sees it: outputs and step states stay empty until the component has
 * mounted. Components hydrate one after another (see hydrateInTurn.ts) while earlier ones restore
 * progress and produce outputs; one still to hydrate must render what the server rendered (nothing
 * done yet), or its HTML would not match. Writes go straight through.
 */
function seenAfterMount(ctx: JourneyContext): JourneyContext {
  const mounted = ref(false)
  onMounted(() => { mounted.value = true })
  return {
    get id() { return ctx.id },
    get outputs() { return mounted.value ? ctx.outputs : NOTHING },
    get steps() { return mounted.value ? ctx.steps : NOTHING },
    get total() { return ctx.total },
    registerStep: () => ctx.registerStep(),
    stepCount: () => ctx.stepCount(),
    setOutput: (name, value) => ctx.setOutput(name, value),
    setStep: (n, state) => ctx.setStep(n, state),
    resolve: (r) => (mounted.value ? ctx.resolve(r) : undefined),
    get epochs() { return ctx.epochs },
    get checkpoints() { return mounted.value ? ctx.checkpoints : NOTHING },
    get onStepStart() { return ctx.onStepStart },
    set onStepStart(fn) { ctx.onStepStart = fn },
    get rewindTo() { return ctx.rewindTo },
    set rewindTo(fn) { ctx.rewindTo = fn },
  }
}

/** The enclosing journey, or the page-wide context for components used on their own. */
export function useJourney(): JourneyContext {
  if (!getCurrentInstance()) return (pageContext ??= createJourneyContext('page'))
  const ctx = inject(JOURNEY_KEY, null) ?? (pageContext ??= createJourneyContext('page'))
  return seenAfterMount(ctx)
}

export function useStep(): StepContext | null {
  return inject(STEP_KEY, null)
}

/** Forget the shared context (tests). In the browser it lives for the session, across client-side navigations. */
export function resetPageContext(): void {
  pageContext = null
}
