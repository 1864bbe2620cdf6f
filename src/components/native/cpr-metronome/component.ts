import { beatIntervalMs, cprBeat, CPR_RATE_PER_MINUTE, initialCpr, PROMPTS, type CprState } from '../../../domain/firstaid/cpr'

/**
 * The CPR metronome as a native WeChat component: its interval runs outside React, so the beat
 * keeps time however busy the page is. The rhythm itself (30:2, the 2-minute switch) comes from
 * src/domain/firstaid/cpr.ts, bundled into index.js by scripts/build-native.ts.
 */
type Instance = {
  data: { rate: number; breaths: boolean; running: boolean; pulse: boolean }
  setData(data: Record<string, unknown>): void
  triggerEvent(name: string, detail?: Record<string, unknown>): void
  timer?: ReturnType<typeof setInterval>
  cpr: CprState
  start(): void
  stop(): void
  beat(intervalMs: number): void
}

declare const Component: (options: Record<string, unknown>) => void
declare const wx: { vibrateShort?: (options: { type: string }) => void; vibrateLong?: () => void } | undefined

function buzz(long: boolean): void {
  if (typeof wx === 'undefined') return
  if (long) wx.vibrateLong?.()
  else wx.vibrateShort?.({ type: 'heavy' })
}

Component({
  properties: {
    rate: { type: Number, value: CPR_RATE_PER_MINUTE },
    // One lowercase word: WXML attributes reach properties reliably that way. false = hands-only CPR.
    breaths: { type: Boolean, value: true },
  },
  data: { running: false, pulse: false, count: 0, total: 0, seconds: 0, prompt: PROMPTS.compress },
  lifetimes: {
    detached(this: Instance) {
      this.stop()
    },
  },
  methods: {
    toggle(this: Instance) {
      if (this.data.running) this.stop()
      else this.start()
    },
    start(this: Instance) {
      this.cpr = initialCpr()
      const intervalMs = beatIntervalMs(this.data.rate)
      this.timer = setInterval(() => this.beat(intervalMs), intervalMs)
      this.setData({ running: true, count: 0, total: 0, seconds: 0, prompt: PROMPTS.compress })
      this.triggerEvent('start')
    },
    stop(this: Instance) {
      if (this.timer) clearInterval(this.timer)
      this.timer = undefined
      this.setData({ running: false })
      this.triggerEvent('stop')
    },
    beat(this: Instance, intervalMs: number) {
      const { state, prompt } = cprBeat(this.cpr, !this.data.breaths, intervalMs)
      this.cpr = state
      this.setData({ count: state.count, total: state.total, seconds: Math.floor(state.elapsedMs / 1000), prompt: PROMPTS[prompt], pulse: !this.data.pulse })
      buzz(prompt !== 'compress')
      this.triggerEvent('beat', { total: state.total, prompt })
    },
  },
})
