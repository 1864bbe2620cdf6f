import {
  beatIntervalMs,
  BREATH_PAUSE_MS,
  COMPRESSIONS_PER_CYCLE,
  cprPauseForAed,
  cprPrompt,
  cprResume,
  cprStep,
  CPR_RATE_PER_MINUTE,
  initialCpr,
  PROMPTS,
  runCpr,
  SWITCH_AFTER_MS,
  type CprView,
} from './cpr'

const INTERVAL = beatIntervalMs()

/** runCpr on jest's fake clock, recording every step with its time. */
function metronome(handsOnly = false) {
  const steps: Array<CprView & { at: number }> = []
  const start = Date.now()
  const run = runCpr({ intervalMs: INTERVAL, handsOnly: () => handsOnly, onStep: (view) => steps.push({ ...view, at: Date.now() - start }) })
  const beats = () => steps.filter((s) => s.beat)
  return { run, steps, beats, last: () => steps[steps.length - 1] }
}

beforeEach(() => {
  jest.useFakeTimers()
})
afterEach(() => {
  jest.useRealTimers()
})

test('the beat is 110 a minute, inside the 100–120 the guidelines ask for', () => {
  expect(CPR_RATE_PER_MINUTE).toBeGreaterThanOrEqual(100)
  expect(CPR_RATE_PER_MINUTE).toBeLessThanOrEqual(120)
  expect(beatIntervalMs()).toBe(545)
  // The first compression at once, then 110 beat intervals within the minute.
  const { run, beats } = metronome(true)
  jest.advanceTimersByTime(60_000)
  expect(beats()).toHaveLength(111)
  expect(beats()[110].at).toBe(110 * 545)
  run.stop()
})

test('after 30 compressions the beat stops for the 2 breaths, counting down 5 s, then resumes at 1', () => {
  const { run, beats, last, steps } = metronome()
  jest.advanceTimersByTime(29 * INTERVAL)
  expect(beats()).toHaveLength(30)
  expect(last()).toMatchObject({ count: 30, breathing: true, prompt: 'breathe', secondsLeft: 5, alert: true })

  // The whole breath window: no compression, a countdown each second.
  jest.advanceTimersByTime(BREATH_PAUSE_MS - 1)
  expect(beats()).toHaveLength(30)
  expect(steps.slice(30).map((s) => s.secondsLeft)).toEqual([4, 3, 2, 1])

  jest.advanceTimersByTime(1)
  expect(beats()).toHaveLength(31)
  expect(last()).toMatchObject({ count: 1, total: 31, breathing: false, prompt: 'compress' })
  // The pause from compression 30 to compression 1 is under the 10 s the guidelines allow.
  expect(beats()[30].at - beats()[29].at).toBe(BREATH_PAUSE_MS)
  expect(BREATH_PAUSE_MS).toBeLessThan(10_000)

  jest.advanceTimersByTime(INTERVAL)
  expect(last()).toMatchObject({ count: 2, beat: true })
  run.stop()
})

test('a tap on 继续按压 ends the breath pause at once, at compression 1', () => {
  const { run, beats, last } = metronome()
  jest.advanceTimersByTime(29 * INTERVAL + 2_000)
  expect(last().breathing).toBe(true)
  run.resume()
  expect(last()).toMatchObject({ count: 1, total: 31, beat: true, breathing: false })
  expect(beats()[30].at).toBe(29 * INTERVAL + 2_000)
  // The beat goes on from the tap.
  jest.advanceTimersByTime(INTERVAL)
  expect(last()).toMatchObject({ count: 2, total: 32 })
  run.stop()
})

test('hands-only CPR never pauses: an even beat through every 30', () => {
  const { run, steps } = metronome(true)
  jest.advanceTimersByTime(100 * INTERVAL)
  expect(steps).toHaveLength(101)
  expect(steps.every((s) => s.beat && !s.breathing)).toBe(true)
  expect(steps.map((s) => s.at)).toEqual(steps.map((_, i) => i * INTERVAL))
  expect(steps.slice(28, 33).map((s) => s.count)).toEqual([29, 30, 1, 2, 3])
  run.stop()
})

test('the pure steps: 30:2 with the pause, hands-only without, resume only while breathing', () => {
  const options = { handsOnly: false, intervalMs: INTERVAL }
  let state = initialCpr()
  for (let i = 0; i < COMPRESSIONS_PER_CYCLE; i++) state = cprStep(state, options)
  expect(state).toMatchObject({ phase: 'breathe', count: 30, sets: 1, resumeMs: 29 * INTERVAL + BREATH_PAUSE_MS })
  expect(cprPrompt(state)).toBe('breathe')
  // A change to hands-only during the pause ends it.
  expect(cprStep(state, { ...options, handsOnly: true })).toMatchObject({ phase: 'compress', count: 1, beat: true })
  const compressing = cprResume(state, state.atMs + 1_000, options)
  expect(cprResume(compressing, compressing.atMs + 100, options)).toBe(compressing)
})

// AHA 2020 / AHA 2025 adult BLS and ERC 2021 BLS: swap compressors about every 2 minutes, ideally while the AED analyses.
test('after 2 minutes the rescuer is told to swap compressors if someone can (during the AED analysis), for long enough to read', () => {
  expect(PROMPTS.switch).toBe('已满2分钟：有人可替换就换人按压（尽量在AED分析时换）')
  expect(PROMPTS.switch).not.toMatch(/让AED分析/)
  const { run, steps } = metronome()
  jest.advanceTimersByTime(SWITCH_AFTER_MS + 15_000)
  const shown = steps.filter((s) => s.prompt === 'switch')
  expect(shown.length).toBeGreaterThan(5)
  expect(shown[0].at).toBeGreaterThanOrEqual(SWITCH_AFTER_MS)
  expect(shown[shown.length - 1].at).toBeLessThan(SWITCH_AFTER_MS + 10_000)
  expect(steps.filter((s) => s.alert && s.prompt === 'switch')).toHaveLength(1)
  run.stop()
})

test('after a stall (phone asleep) the beat picks up from now instead of firing the missed beats at once', () => {
  const { run, beats } = metronome(true)
  jest.advanceTimersByTime(INTERVAL)
  jest.setSystemTime(Date.now() + 20_000)
  jest.advanceTimersByTime(INTERVAL)
  expect(beats()).toHaveLength(3)
  jest.advanceTimersByTime(INTERVAL - 1)
  expect(beats()).toHaveLength(3)
  run.stop()
})

test('stop ends the beat', () => {
  const { run, beats } = metronome(true)
  jest.advanceTimersByTime(5 * INTERVAL)
  run.stop()
  jest.advanceTimersByTime(10_000)
  expect(beats()).toHaveLength(6)
})

// AHA 2025 / ERC 2021: when the AED arrives, follow its voice prompts (nobody touches the patient
// during analysis and shock), then resume compressions at once.
test('AED已到 stops the beat and says 按AED语音提示操作 until 继续按压, which starts again at 1 and restarts the 2-minute period', () => {
  const { run, beats, last, steps } = metronome(true)
  jest.advanceTimersByTime(40 * INTERVAL)
  expect(beats()).toHaveLength(41)
  run.pauseForAed()
  expect(last()).toMatchObject({ aedPaused: true, prompt: 'aed', beat: false, alert: true })
  expect(PROMPTS[last().prompt]).toBe('按AED语音提示操作')
  // However long the AED talks, no beat: the rescuer's hands are off the chest.
  jest.advanceTimersByTime(3 * 60_000)
  expect(beats()).toHaveLength(41)
  const pausedSteps = steps.length
  run.pauseForAed()
  expect(steps).toHaveLength(pausedSteps)

  run.resume()
  expect(last()).toMatchObject({ aedPaused: false, count: 1, total: 42, beat: true, prompt: 'compress' })
  jest.advanceTimersByTime(INTERVAL)
  expect(last()).toMatchObject({ count: 2, total: 43 })
  // The swap prompt comes 2 minutes after the resume (the AED's next analysis), not 2 minutes after the start.
  const resumedAt = beats()[41].at
  jest.advanceTimersByTime(SWITCH_AFTER_MS + 5_000)
  const firstSwitch = steps.find((s) => s.prompt === 'switch')
  expect(firstSwitch && firstSwitch.at - resumedAt).toBeGreaterThanOrEqual(SWITCH_AFTER_MS)
  expect(firstSwitch && firstSwitch.at - resumedAt).toBeLessThan(SWITCH_AFTER_MS + INTERVAL)
  run.stop()
})

test('AED已到 during the breath pause ends it too; the pure step does nothing while paused', () => {
  const { run, last, beats } = metronome()
  jest.advanceTimersByTime(29 * INTERVAL + 1_000)
  expect(last().breathing).toBe(true)
  run.pauseForAed()
  expect(last()).toMatchObject({ breathing: false, aedPaused: true })
  jest.advanceTimersByTime(BREATH_PAUSE_MS * 2)
  expect(beats()).toHaveLength(30)
  run.resume()
  expect(last()).toMatchObject({ count: 1, total: 31 })
  run.stop()

  const paused = cprPauseForAed(cprStep(initialCpr(), { handsOnly: true, intervalMs: INTERVAL }), 100)
  expect(cprStep(paused, { handsOnly: true, intervalMs: INTERVAL })).toBe(paused)
  expect(cprPauseForAed(paused, 200)).toBe(paused)
})
