import { renderNative } from '../simulate'

/** The native metronome in miniprogram-simulate, on jest's fake clock, with WeChat's audio, vibration and screen APIs mocked. */
type Metronome = ReturnType<typeof renderNative>
type WxMock = Record<string, unknown>

const BEAT = 545
const text = (component: Metronome, selector: string) => component.querySelector(selector)?.dom?.textContent?.trim()
const tap = (component: Metronome, selector: string) => component.querySelector(selector)?.dispatchEvent('tap')

const wx = (globalThis as unknown as { wx: WxMock }).wx
const original = { ...wx }
const audio = { src: '', play: jest.fn(), stop: jest.fn(), destroy: jest.fn() }
const screen = jest.fn()
const vibrateShort = jest.fn()
const vibrateLong = jest.fn()

beforeEach(() => {
  jest.useFakeTimers()
  jest.clearAllMocks()
  Object.assign(wx, {
    createInnerAudioContext: jest.fn(() => audio),
    setInnerAudioOption: jest.fn(),
    setKeepScreenOn: screen,
    vibrateShort,
    vibrateLong,
    getStorageSync: jest.fn(() => ''),
  })
})
afterEach(() => {
  Object.assign(wx, original)
  jest.useRealTimers()
})

/** Renders and starts the metronome; the first compression comes at once. */
async function started(props: Record<string, unknown> = {}) {
  const metronome = renderNative('cpr-metronome', props)
  tap(metronome, '.metronome__toggle')
  await jest.advanceTimersByTimeAsync(0)
  return metronome
}

test('renders idle, with the rate, a start button and the mute switch, and loads the click sound', () => {
  const metronome = renderNative('cpr-metronome')
  expect(text(metronome, '.metronome__count')).toBe('0')
  expect(text(metronome, '.metronome__meta')).toContain('每分钟 110 次')
  expect(text(metronome, '.metronome__toggle')).toBe('开始按压节拍')
  expect(text(metronome, '.metronome__mute')).toBe('静音')
  expect(audio.src).toBe('/assets/sound/click.wav')
  expect(audio.play).not.toHaveBeenCalled()
})

test('beats at 110 a minute, a click and a heavy buzz on every compression, the screen kept on', async () => {
  const metronome = await started({ breaths: false })
  expect(screen).toHaveBeenLastCalledWith({ keepScreenOn: true })
  await jest.advanceTimersByTimeAsync(110 * BEAT)
  expect(metronome.data.total).toBe(111)
  expect(audio.play).toHaveBeenCalledTimes(111)
  expect(vibrateShort).toHaveBeenCalledTimes(111)
  expect(vibrateShort).toHaveBeenLastCalledWith({ type: 'heavy' })
  expect(text(metronome, '.metronome__toggle')).toBe('停止节拍')
})

test('after 30 compressions the beat stops for 2 breaths with a 5 s countdown, then resumes at 1', async () => {
  const metronome = await started()
  await jest.advanceTimersByTimeAsync(28 * BEAT)
  expect(text(metronome, '.metronome__count')).toBe('29')
  await jest.advanceTimersByTimeAsync(BEAT)
  expect(text(metronome, '.metronome__prompt')).toBe('给予2次人工呼吸')
  expect(text(metronome, '.metronome__countdown')).toBe('5')
  expect(text(metronome, '.metronome__resume')).toBe('继续按压')
  expect(vibrateLong).toHaveBeenCalledTimes(1)
  expect(audio.play).toHaveBeenCalledTimes(30)

  // No beat, no click for the whole breath window; the countdown moves each second.
  await jest.advanceTimersByTimeAsync(3_000)
  expect(text(metronome, '.metronome__countdown')).toBe('2')
  await jest.advanceTimersByTimeAsync(1_999)
  expect(metronome.data.total).toBe(30)
  expect(audio.play).toHaveBeenCalledTimes(30)
  expect(metronome.querySelector('.metronome__count')).toBeUndefined()

  await jest.advanceTimersByTimeAsync(1)
  expect(text(metronome, '.metronome__count')).toBe('1')
  expect(text(metronome, '.metronome__prompt')).toBe('用力按压，快速按压')
  expect(metronome.querySelector('.metronome__resume')).toBeUndefined()
  expect(audio.play).toHaveBeenCalledTimes(31)
})

test('a tap on 继续按压 ends the breath pause at once', async () => {
  const metronome = await started()
  await jest.advanceTimersByTimeAsync(29 * BEAT + 1_500)
  expect(metronome.data.breathing).toBe(true)
  tap(metronome, '.metronome__resume')
  await jest.advanceTimersByTimeAsync(0)
  expect(text(metronome, '.metronome__count')).toBe('1')
  expect(audio.play).toHaveBeenCalledTimes(31)
  await jest.advanceTimersByTimeAsync(BEAT)
  expect(text(metronome, '.metronome__count')).toBe('2')
})

test('hands-only CPR never pauses and never asks for breaths', async () => {
  const metronome = await started({ breaths: false })
  const prompts = new Set<string>()
  for (let i = 0; i < 70; i++) {
    await jest.advanceTimersByTimeAsync(BEAT)
    prompts.add(text(metronome, '.metronome__prompt') ?? '')
    expect(metronome.data.breathing).toBe(false)
  }
  expect([...prompts]).toEqual(['用力按压，快速按压'])
  expect(metronome.data.total).toBe(71)
  expect(audio.play).toHaveBeenCalledTimes(71)
})

test('静音 stops the click, not the beat or the buzz; a second tap brings the click back', async () => {
  const metronome = await started({ breaths: false })
  tap(metronome, '.metronome__mute')
  await jest.advanceTimersByTimeAsync(0)
  expect(metronome.querySelector('.metronome__switch--on')).toBeDefined()
  const clicks = audio.play.mock.calls.length
  await jest.advanceTimersByTimeAsync(10 * BEAT)
  expect(metronome.data.total).toBe(11)
  expect(audio.play).toHaveBeenCalledTimes(clicks)
  expect(vibrateShort).toHaveBeenCalledTimes(11)
  tap(metronome, '.metronome__mute')
  await jest.advanceTimersByTimeAsync(BEAT)
  expect(audio.play).toHaveBeenCalledTimes(clicks + 1)
})

test('stops on a second tap: no more beats, the screen may sleep again', async () => {
  const metronome = await started()
  await jest.advanceTimersByTimeAsync(4 * BEAT)
  tap(metronome, '.metronome__toggle')
  await jest.advanceTimersByTimeAsync(0)
  await jest.advanceTimersByTimeAsync(10_000)
  expect(metronome.data.total).toBe(5)
  expect(audio.play).toHaveBeenCalledTimes(5)
  expect(screen).toHaveBeenLastCalledWith({ keepScreenOn: false })
  expect(text(metronome, '.metronome__toggle')).toBe('开始按压节拍')
})

test('大字模式 (remembered by the app) enlarges the metronome', () => {
  ;(wx.getStorageSync as jest.Mock).mockImplementation((key: string) => key === 'boai.largeText')
  const metronome = renderNative('cpr-metronome')
  expect(metronome.querySelector('.metronome--large')).toBeDefined()
})

// AHA 2025 / ERC 2021: the AED's voice prompts lead while it analyses and shocks; compressions resume right after.
test('AED已到 stops the beat and the click and says 按AED语音提示操作; 继续按压 starts again at 1', async () => {
  const metronome = await started({ breaths: false })
  expect(metronome.querySelector('.metronome__resume')).toBeUndefined()
  await jest.advanceTimersByTimeAsync(9 * BEAT)
  tap(metronome, '.metronome__aed-arrived')
  await jest.advanceTimersByTimeAsync(0)
  expect(text(metronome, '.metronome__prompt')).toBe('按AED语音提示操作')
  expect(text(metronome, '.metronome__hint')).toContain('分析和电击时任何人不要接触患者')
  expect(metronome.querySelector('.metronome__aed-arrived')).toBeUndefined()
  expect(vibrateLong).toHaveBeenCalledTimes(1)
  await jest.advanceTimersByTimeAsync(60_000)
  expect(metronome.data.total).toBe(10)
  expect(audio.play).toHaveBeenCalledTimes(10)

  tap(metronome, '.metronome__resume')
  await jest.advanceTimersByTimeAsync(0)
  expect(text(metronome, '.metronome__count')).toBe('1')
  expect(text(metronome, '.metronome__prompt')).toBe('用力按压，快速按压')
  expect(audio.play).toHaveBeenCalledTimes(11)
  expect(text(metronome, '.metronome__aed-arrived')).toBe('AED已到')
})
