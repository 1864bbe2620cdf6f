/**
 * The rhythm of adult CPR (AHA 2025 guidelines; Red Cross Society of China training material):
 * compressions at 100–120 a minute (we beat at 110), 30 compressions to 2 breaths with the pause
 * under 10 s — or compressions only for untrained rescuers — and a change of rescuer, or the AED's
 * rhythm analysis, every 2 minutes. The native metronome and the H5 twin both run it through
 * `runCpr`; the steps themselves are pure.
 */
export const CPR_RATE_PER_MINUTE = 110
export const COMPRESSIONS_PER_CYCLE = 30
export const BREATHS_PER_CYCLE = 2
/** The beat stops this long for the breaths: enough for 2 breaths of 1 s each, well under 10 s. */
export const BREATH_PAUSE_MS = 5_000
export const SWITCH_AFTER_MS = 2 * 60 * 1000
/** The switch prompt stays up this long; longer than a breath pause, so it is seen even when it falls in one. */
export const SWITCH_PROMPT_MS = 10_000

export const beatIntervalMs = (rate: number = CPR_RATE_PER_MINUTE) => Math.round(60_000 / rate)

export type CprState = {
  /** `breathe`: the beat has stopped for the 2 breaths. */
  phase: 'compress' | 'breathe'
  /** Compressions in the current set of 30 (hands-only: counted the same way, no breaths). */
  count: number
  total: number
  /** Sets of 30 finished. */
  sets: number
  /** When this step happened, in ms since the start. */
  atMs: number
  /** When the next step is due, in ms since the start. */
  nextMs: number
  /** While breathing: when compressions resume on their own. */
  resumeMs: number
  /** This step was a compression: the moment for the click and the buzz. */
  beat: boolean
}

export type CprOptions = { handsOnly: boolean; intervalMs: number }

export type CprPrompt = 'compress' | 'breathe' | 'switch'

export const PROMPTS: Record<CprPrompt, string> = {
  compress: '用力按压，快速按压',
  breathe: `给予${BREATHS_PER_CYCLE}次人工呼吸`,
  switch: '已满2分钟：换人按压，或让AED分析心律',
}

/** Before the first step: compression 1 is due at once. */
export const initialCpr = (): CprState => ({ phase: 'compress', count: 0, total: 0, sets: 0, atMs: 0, nextMs: 0, resumeMs: 0, beat: false })

function compress(state: CprState, atMs: number, { handsOnly, intervalMs }: CprOptions): CprState {
  const count = state.count === COMPRESSIONS_PER_CYCLE ? 1 : state.count + 1
  const setDone = count === COMPRESSIONS_PER_CYCLE
  const breathe = setDone && !handsOnly
  return {
    phase: breathe ? 'breathe' : 'compress',
    count,
    total: state.total + 1,
    sets: state.sets + (setDone ? 1 : 0),
    atMs,
    // While breathing, a step each second moves the countdown.
    nextMs: breathe ? atMs + 1000 : atMs + intervalMs,
    resumeMs: breathe ? atMs + BREATH_PAUSE_MS : 0,
    beat: true,
  }
}

/** The step due at `state.nextMs`: a compression, or a second of the breath countdown. */
export function cprStep(state: CprState, options: CprOptions): CprState {
  const atMs = state.nextMs
  // Switching to hands-only during the breaths ends them.
  if (state.phase === 'compress' || options.handsOnly || atMs >= state.resumeMs) return compress(state, atMs, options)
  return { ...state, atMs, nextMs: Math.min(atMs + 1000, state.resumeMs), beat: false }
}

/** The rescuer taps 继续按压 after the breaths: compression 1 at once. */
export function cprResume(state: CprState, atMs: number, options: CprOptions): CprState {
  return state.phase === 'breathe' ? compress(state, atMs, options) : state
}

export function cprPrompt(state: CprState): CprPrompt {
  if (state.phase === 'breathe') return 'breathe'
  return state.atMs >= SWITCH_AFTER_MS && state.atMs % SWITCH_AFTER_MS < SWITCH_PROMPT_MS ? 'switch' : 'compress'
}

/** What a metronome shows and signals after a step. */
export type CprView = {
  count: number
  total: number
  /** Seconds since the start. */
  seconds: number
  breathing: boolean
  /** Breath countdown, in whole seconds. */
  secondsLeft: number
  prompt: CprPrompt
  beat: boolean
  /** A new instruction appeared (breaths, switch): worth a long buzz. */
  alert: boolean
}

export function cprView(state: CprState, previous: CprState): CprView {
  const prompt = cprPrompt(state)
  return {
    count: state.count,
    total: state.total,
    seconds: Math.floor(state.atMs / 1000),
    breathing: state.phase === 'breathe',
    secondsLeft: state.phase === 'breathe' ? Math.ceil((state.resumeMs - state.atMs) / 1000) : 0,
    prompt,
    beat: state.beat,
    alert: prompt !== 'compress' && prompt !== cprPrompt(previous),
  }
}

export type CprRun = {
  /** 继续按压: ends the breath pause now. */
  resume(): void
  stop(): void
}

/**
 * Runs the rhythm on timers. Each step is timed from the start rather than from the previous
 * timer, so the beat does not drift; after a long stall (the phone asleep or in a call) it picks
 * up from now instead of firing the missed beats in a burst.
 */
export function runCpr(options: { intervalMs: number; handsOnly: () => boolean; onStep: (view: CprView) => void }): CprRun {
  let startedAt = Date.now()
  let state = initialCpr()
  let timer: ReturnType<typeof setTimeout> | undefined
  const settings = (): CprOptions => ({ handsOnly: options.handsOnly(), intervalMs: options.intervalMs })
  const schedule = () => {
    // A step more than a beat late means a stall: from here on, time runs from it.
    if (Date.now() - (startedAt + state.atMs) > options.intervalMs) startedAt = Date.now() - state.atMs
    timer = setTimeout(() => show(cprStep(state, settings())), Math.max(0, startedAt + state.nextMs - Date.now()))
  }
  const show = (next: CprState) => {
    const previous = state
    state = next
    options.onStep(cprView(next, previous))
    schedule()
  }
  schedule()
  return {
    resume() {
      if (state.phase !== 'breathe') return
      clearTimeout(timer)
      show(cprResume(state, Date.now() - startedAt, settings()))
    },
    stop() {
      clearTimeout(timer)
    },
  }
}
