import { AED_HINT, beatIntervalMs, CPR_RATE_PER_MINUTE, PROMPTS, runCpr, type CprRun, type CprView } from '../../../domain/firstaid/cpr'

/**
 * The CPR metronome as a native WeChat component: its timers run outside React, so the beat
 * keeps time however busy the page is. The rhythm itself (30:2 with the breath pause, the
 * 2-minute switch) comes from src/domain/firstaid/cpr.ts, bundled into index.js by
 * scripts/build-native.ts. Each compression clicks and buzzes; the screen stays on while it runs.
 */
type AudioContext = { src: string; play(): void; stop(): void; destroy(): void }

declare const Component: (options: Record<string, unknown>) => void
declare const wx:
  | {
      vibrateShort?: (options: { type: 'heavy' | 'medium' | 'light' }) => void
      vibrateLong?: () => void
      setKeepScreenOn?: (options: { keepScreenOn: boolean }) => void
      createInnerAudioContext?: (options?: { useWebAudioImplement?: boolean }) => AudioContext
      setInnerAudioOption?: (options: { obeyMuteSwitch?: boolean }) => void
      getStorageSync?: (key: string) => unknown
    }
  | undefined

/** Copied into the main package by the `copy` config (config/index.ts); a path from the mini-program root. */
const CLICK_SRC = '/assets/sound/click.wav'
/** Set by the app's 大字模式 switch (src/hooks/use-large-text.ts); a native component cannot use the hook. */
const LARGE_TEXT_KEY = 'boai.largeText'

type Instance = {
  data: { rate: number; breaths: boolean; running: boolean; pulse: boolean; muted: boolean }
  setData(data: Record<string, unknown>): void
  triggerEvent(name: string, detail?: Record<string, unknown>): void
  run?: CprRun
  audio?: AudioContext
  start(): void
  stop(): void
  step(view: CprView): void
}

const api = () => (typeof wx === 'undefined' ? undefined : wx)

Component({
  properties: {
    rate: { type: Number, value: CPR_RATE_PER_MINUTE },
    // One lowercase word: WXML attributes reach properties reliably that way. false = hands-only CPR.
    breaths: { type: Boolean, value: true },
  },
  data: {
    running: false,
    pulse: false,
    muted: false,
    large: false,
    count: 0,
    total: 0,
    seconds: 0,
    breathing: false,
    aedPaused: false,
    aedHint: AED_HINT,
    secondsLeft: 0,
    prompt: PROMPTS.compress,
  },
  lifetimes: {
    attached(this: Instance) {
      // Loaded now so the first beat is not late; WebAudio suits a short sound played often.
      this.audio = api()?.createInnerAudioContext?.({ useWebAudioImplement: true })
      if (this.audio) this.audio.src = CLICK_SRC
      // The phone's silent switch must not silence a metronome the rescuer started; 静音 is in the component.
      api()?.setInnerAudioOption?.({ obeyMuteSwitch: false })
      this.setData({ large: api()?.getStorageSync?.(LARGE_TEXT_KEY) === true })
    },
    detached(this: Instance) {
      if (this.data.running) this.stop()
      this.audio?.destroy()
    },
  },
  methods: {
    toggle(this: Instance) {
      if (this.data.running) this.stop()
      else this.start()
    },
    toggleMute(this: Instance) {
      this.setData({ muted: !this.data.muted })
    },
    resume(this: Instance) {
      this.run?.resume()
    },
    /** AED已到: the beat stops for the AED's voice prompts until 继续按压. */
    aedArrived(this: Instance) {
      this.run?.pauseForAed()
    },
    start(this: Instance) {
      this.setData({ running: true, count: 0, total: 0, seconds: 0, breathing: false, aedPaused: false, prompt: PROMPTS.compress })
      api()?.setKeepScreenOn?.({ keepScreenOn: true })
      this.run = runCpr({ intervalMs: beatIntervalMs(this.data.rate), handsOnly: () => !this.data.breaths, onStep: (view) => this.step(view) })
      this.triggerEvent('start')
    },
    stop(this: Instance) {
      this.run?.stop()
      this.run = undefined
      api()?.setKeepScreenOn?.({ keepScreenOn: false })
      this.setData({ running: false, breathing: false, aedPaused: false, prompt: PROMPTS.compress })
      this.triggerEvent('stop')
    },
    step(this: Instance, view: CprView) {
      const { count, total, seconds, breathing, aedPaused, secondsLeft, prompt, beat, alert } = view
      this.setData({ count, total, seconds, breathing, aedPaused, secondsLeft, prompt: PROMPTS[prompt], ...(beat ? { pulse: !this.data.pulse } : {}) })
      if (beat && !this.data.muted) this.audio?.play()
      if (alert) api()?.vibrateLong?.()
      else if (beat) api()?.vibrateShort?.({ type: 'heavy' })
      if (beat) this.triggerEvent('beat', { total, prompt })
    },
  },
})
