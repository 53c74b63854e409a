/**
 * Calls wait while a journey takes the checkpoint "before step N": the step's own call must reach the
 * chain after the checkpoint, or the checkpoint would already include it. Set synchronously when a
 * step starts (useJourney's onStepStart), awaited by useCall before it sends.
 */
let gate: Promise<unknown> = Promise.resolve()

export function holdCallsUntil(p: Promise<unknown>): void {
  gate = p.then(() => undefined, () => undefined)
}

export const callsReleased = (): Promise<unknown> => gate
