/**
 * The rhythm of adult CPR (AHA 2020 guidelines; Red Cross Society of China training material):
 * compressions at 100–120 a minute (we beat at 110), 30 compressions to 2 breaths — or
 * compressions only for untrained rescuers — and a change of rescuer, or the AED's rhythm
 * analysis, every 2 minutes. Pure: the native metronome and the H5 guide both run it.
 */
export const CPR_RATE_PER_MINUTE = 110
export const COMPRESSIONS_PER_CYCLE = 30
export const BREATHS_PER_CYCLE = 2
export const SWITCH_AFTER_MS = 2 * 60 * 1000

export const beatIntervalMs = (rate: number = CPR_RATE_PER_MINUTE) => Math.round(60_000 / rate)

export type CprState = {
  /** Compressions in the current set of 30 (hands-only: counted the same way, no breaths). */
  count: number
  total: number
  elapsedMs: number
  /** Sets of 30 finished. */
  sets: number
}

export type CprPrompt = 'compress' | 'breathe' | 'switch'

export const PROMPTS: Record<CprPrompt, string> = {
  compress: '用力按压，快速按压',
  breathe: '给予2次人工呼吸',
  switch: '已满2分钟：换人按压，或让AED分析心律',
}

export const initialCpr = (): CprState => ({ count: 0, total: 0, elapsedMs: 0, sets: 0 })

/** One beat of the metronome: one compression. Answers the new state and what to tell the rescuer. */
export function cprBeat(state: CprState, handsOnly: boolean, intervalMs: number = beatIntervalMs()): { state: CprState; prompt: CprPrompt } {
  const elapsedMs = state.elapsedMs + intervalMs
  const crossedSwitch = Math.floor(elapsedMs / SWITCH_AFTER_MS) > Math.floor(state.elapsedMs / SWITCH_AFTER_MS)
  const count = state.count + 1
  const setDone = count === COMPRESSIONS_PER_CYCLE
  const next: CprState = { count: setDone ? 0 : count, total: state.total + 1, elapsedMs, sets: state.sets + (setDone ? 1 : 0) }
  const prompt: CprPrompt = crossedSwitch ? 'switch' : setDone && !handsOnly ? 'breathe' : 'compress'
  return { state: next, prompt }
}
