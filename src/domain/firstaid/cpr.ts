/**
 * The rhythm of adult CPR (AHA 2025 guidelines; Red Cross Society of China training material):
 * compressions at 100–120 a minute (we beat at 110), 30 compressions to 2 breaths with the pause
 * under 10 s — or compressions only for untrained rescuers — and a change of compressor every
 * 2 minutes. When the AED arrives the beat pauses for its voice prompts and resumes at 1 with a
 * tap. The native metronome and the H5 twin both run it through `runCpr`; the steps are pure.
 */
export const CPR_RATE_PER_MINUTE = 110
export const COMPRESSIONS_PER_CYCLE = 30
export const BREATHS_PER_CYCLE = 2
/** The beat stops this long for the breaths: enough for 2 breaths of 1 s each, well under 10 s. */
export const BREATH_PAUSE_MS = 5_000
/**
 * Swap compressors every 2 minutes, or sooner when tired, with the least pause: AHA 2020 and
 * AHA 2025 adult BLS ("switch compressors about every 2 minutes … ideally during the AED's rhythm
 * analysis"), ERC 2021 BLS ("change the person providing chest compressions every 2 minutes"),
 * 2016中国心肺复苏专家共识 (每2分钟交换按压者). The AED itself re-analyses every 2 minutes.
 */
export const SWITCH_AFTER_MS = 2 * 60 * 1000
/** The switch prompt stays up this long; longer than a breath pause, so it is seen even when it falls in one. */
export const SWITCH_PROMPT_MS = 10_000

export const beatIntervalMs = (rate: number = CPR_RATE_PER_MINUTE) => Math.round(60_000 / rate)

export type CprState = {
  /** `breathe`: the beat has stopped for the 2 breaths; `aed`: stopped for the AED's voice prompts until the rescuer resumes. */
  phase: 'compress' | 'breathe' | 'aed'
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
  /** When the current 2-minute period began: the start, then each resume after the AED (whose next analysis is 2 minutes on). */
  periodStartMs: number
  /** This step was a compression: the moment for the click and the buzz. */
  beat: boolean
}

export type CprOptions = { handsOnly: boolean; intervalMs: number }

export type CprPrompt = 'compress' | 'breathe' | 'switch' | 'aed'

export const PROMPTS: Record<CprPrompt, string> = {
  compress: '用力按压，快速按压',
  breathe: `给予${BREATHS_PER_CYCLE}次人工呼吸`,
  // About the compressor, not the AED: the AED analyses on its own schedule (see SWITCH_AFTER_MS).
  switch: '已满2分钟：有人可替换就换人按压（尽量在AED分析时换）',
  // AHA 2025 / ERC 2021: follow the AED's voice prompts; nobody touches the patient during analysis and shock.
  aed: '按AED语音提示操作',
}

/** Under 按AED语音提示操作 while paused: what the voice will ask, and when to press again (AHA 2025: resume right after the shock). */
export const AED_HINT = '分析和电击时任何人不要接触患者；电击后或提示不需要电击时，点继续按压'

/** Before the first step: compression 1 is due at once. */
export const initialCpr = (): CprState => ({ phase: 'compress', count: 0, total: 0, sets: 0, atMs: 0, nextMs: 0, resumeMs: 0, periodStartMs: 0, beat: false })

function compress(state: CprState, atMs: number, { handsOnly, intervalMs }: CprOptions): CprState {
  const count = state.count === COMPRESSIONS_PER_CYCLE ? 1 : state.count + 1
  const setDone = count === COMPRESSIONS_PER_CYCLE
  const breathe = setDone && !handsOnly
  return {
    ...state,
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
  // Paused for the AED: only the rescuer's 继续按压 (cprResume) goes on.
  if (state.phase === 'aed') return state
  const atMs = state.nextMs
  // Switching to hands-only during the breaths ends them.
  if (state.phase === 'compress' || options.handsOnly || atMs >= state.resumeMs) return compress(state, atMs, options)
  return { ...state, atMs, nextMs: Math.min(atMs + 1000, state.resumeMs), beat: false }
}

/**
 * The rescuer taps 继续按压: after the breaths, compression 1 at once; after the AED's prompts
 * (a shock, or 不建议电击), compression 1 at once too — AHA 2025: resume compressions immediately
 * after each shock — and the 2-minute period starts again with it.
 */
export function cprResume(state: CprState, atMs: number, options: CprOptions): CprState {
  if (state.phase === 'breathe') return compress(state, atMs, options)
  if (state.phase === 'aed') return compress({ ...state, count: 0, periodStartMs: atMs }, atMs, options)
  return state
}

/** AED已到: the beat stops (from compressions or breaths) until the rescuer resumes; the set of 30 starts again after. */
export function cprPauseForAed(state: CprState, atMs: number): CprState {
  return state.phase === 'aed' ? state : { ...state, phase: 'aed', atMs, resumeMs: 0, beat: false }
}

export function cprPrompt(state: CprState): CprPrompt {
  if (state.phase === 'breathe') return 'breathe'
  if (state.phase === 'aed') return 'aed'
  const elapsed = state.atMs - state.periodStartMs
  return elapsed >= SWITCH_AFTER_MS && elapsed % SWITCH_AFTER_MS < SWITCH_PROMPT_MS ? 'switch' : 'compress'
}

/** What a metronome shows and signals after a step. */
export type CprView = {
  count: number
  total: number
  /** Seconds since the start. */
  seconds: number
  breathing: boolean
  /** Stopped for the AED's voice prompts (AED已到) until 继续按压. */
  aedPaused: boolean
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
    aedPaused: state.phase === 'aed',
    secondsLeft: state.phase === 'breathe' ? Math.ceil((state.resumeMs - state.atMs) / 1000) : 0,
    prompt,
    beat: state.beat,
    alert: prompt !== 'compress' && prompt !== cprPrompt(previous),
  }
}

export type CprRun = {
  /** 继续按压: ends the breath pause or the AED pause now. */
  resume(): void
  /** AED已到: stops the beat until `resume`. */
  pauseForAed(): void
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
    // Paused for the AED: nothing is due until the rescuer resumes.
    if (state.phase === 'aed') return
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
      if (state.phase === 'compress') return
      clearTimeout(timer)
      show(cprResume(state, Date.now() - startedAt, settings()))
    },
    pauseForAed() {
      if (state.phase === 'aed') return
      clearTimeout(timer)
      show(cprPauseForAed(state, Date.now() - startedAt))
    },
    stop() {
      clearTimeout(timer)
    },
  }
}
