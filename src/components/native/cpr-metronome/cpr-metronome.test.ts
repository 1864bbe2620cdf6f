import { renderNative } from '../simulate'

/** The native metronome in miniprogram-simulate, on jest's fake clock. */
const text = (component: ReturnType<typeof renderNative>, selector: string) => component.querySelector(selector)?.dom?.textContent?.trim()

beforeEach(() => {
  jest.useFakeTimers()
})
afterEach(() => {
  jest.useRealTimers()
})

test('renders idle, with the rate and a start button', () => {
  const metronome = renderNative('cpr-metronome')
  expect(text(metronome, '.metronome__count')).toBe('0')
  expect(text(metronome, '.metronome__meta')).toContain('每分钟 110 次')
  expect(text(metronome, '.metronome__toggle')).toBe('开始按压节拍')
})

test('starts on tap and ticks at 110 a minute', async () => {
  const metronome = renderNative('cpr-metronome')
  metronome.querySelector('.metronome__toggle')?.dispatchEvent('tap')
  await jest.advanceTimersByTimeAsync(60_000)
  // 60,000 ms / 545 ms a beat.
  expect(metronome.data.total).toBe(110)
  expect(text(metronome, '.metronome__toggle')).toBe('停止节拍')
})

test('counts 30 compressions, then prompts 2 breaths and counts again', async () => {
  const metronome = renderNative('cpr-metronome')
  metronome.querySelector('.metronome__toggle')?.dispatchEvent('tap')
  await jest.advanceTimersByTimeAsync(29 * 545)
  expect(text(metronome, '.metronome__count')).toBe('29')
  await jest.advanceTimersByTimeAsync(545)
  expect(text(metronome, '.metronome__prompt')).toBe('给予2次人工呼吸')
  expect(text(metronome, '.metronome__count')).toBe('0')
  await jest.advanceTimersByTimeAsync(545)
  expect(text(metronome, '.metronome__count')).toBe('1')
  expect(text(metronome, '.metronome__prompt')).toBe('用力按压，快速按压')
})

test('hands-only CPR never asks for breaths', async () => {
  const metronome = renderNative('cpr-metronome', { breaths: false })
  const prompts = new Set<string>()
  metronome.querySelector('.metronome__toggle')?.dispatchEvent('tap')
  for (let i = 0; i < 70; i++) {
    await jest.advanceTimersByTimeAsync(545)
    prompts.add(text(metronome, '.metronome__prompt') ?? '')
  }
  expect([...prompts]).toEqual(['用力按压，快速按压'])
})

test('stops on a second tap: no more beats', async () => {
  const metronome = renderNative('cpr-metronome')
  const toggle = metronome.querySelector('.metronome__toggle')
  toggle?.dispatchEvent('tap')
  await jest.advanceTimersByTimeAsync(5 * 545)
  toggle?.dispatchEvent('tap')
  await jest.advanceTimersByTimeAsync(0)
  const stoppedAt = metronome.data.total
  await jest.advanceTimersByTimeAsync(10_000)
  expect(stoppedAt).toBe(5)
  expect(metronome.data.total).toBe(5)
  expect(text(metronome, '.metronome__toggle')).toBe('开始按压节拍')
})
