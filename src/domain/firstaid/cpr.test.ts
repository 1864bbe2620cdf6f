import { beatIntervalMs, COMPRESSIONS_PER_CYCLE, cprBeat, CPR_RATE_PER_MINUTE, initialCpr, type CprPrompt } from './cpr'

const run = (beats: number, handsOnly: boolean) => {
  let state = initialCpr()
  const prompts: CprPrompt[] = []
  for (let i = 0; i < beats; i++) {
    const next = cprBeat(state, handsOnly)
    state = next.state
    prompts.push(next.prompt)
  }
  return { state, prompts }
}

test('the beat is 110 a minute, inside the 100–120 the guidelines ask for', () => {
  expect(CPR_RATE_PER_MINUTE).toBeGreaterThanOrEqual(100)
  expect(CPR_RATE_PER_MINUTE).toBeLessThanOrEqual(120)
  expect(beatIntervalMs()).toBe(545)
})

test('every 30th compression prompts 2 breaths, then the count starts again', () => {
  const { state, prompts } = run(61, false)
  expect(COMPRESSIONS_PER_CYCLE).toBe(30)
  expect(prompts.map((p, i) => (p === 'breathe' ? i + 1 : 0)).filter(Boolean)).toEqual([30, 60])
  expect(state).toMatchObject({ count: 1, total: 61, sets: 2 })
})

test('hands-only CPR never prompts breaths', () => {
  expect(run(90, true).prompts).not.toContain('breathe')
})

test('after 2 minutes the rescuer is told to switch or let the AED analyse', () => {
  const beatsIn2Min = Math.ceil(120_000 / beatIntervalMs())
  const { prompts } = run(beatsIn2Min + 5, true)
  expect(prompts.indexOf('switch')).toBe(beatsIn2Min - 1)
  expect(prompts.filter((p) => p === 'switch')).toHaveLength(1)
})
