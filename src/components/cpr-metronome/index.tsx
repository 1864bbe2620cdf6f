import { View, Text } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { AED_HINT, beatIntervalMs, CPR_RATE_PER_MINUTE, cprView, initialCpr, PROMPTS, runCpr, type CprRun, type CprView } from '@/domain/firstaid/cpr'
import './index.scss'

const IDLE = cprView(initialCpr(), initialCpr())

/** A 30 ms click drawn by Web Audio: nothing to download, so it works with no signal. */
function click(audio: AudioContext): void {
  const at = audio.currentTime
  const tone = audio.createOscillator()
  const gain = audio.createGain()
  tone.frequency.value = 1800
  gain.gain.setValueAtTime(0.8, at)
  gain.gain.exponentialRampToValueAtTime(0.001, at + 0.03)
  tone.connect(gain).connect(audio.destination)
  tone.start(at)
  tone.stop(at + 0.03)
}

/** Keeps the screen on while `on`, again after the page comes back into view; silent where the browser cannot. */
function useWakeLock(on: boolean): void {
  useEffect(() => {
    if (!on || !('wakeLock' in navigator)) return
    let lock: WakeLockSentinel | undefined
    let active = true
    const request = () =>
      navigator.wakeLock.request('screen').then(
        (sentinel) => (active ? (lock = sentinel) : void sentinel.release()),
        () => undefined,
      )
    const onVisible = () => {
      if (document.visibilityState === 'visible') void request()
    }
    void request()
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      active = false
      document.removeEventListener('visibilitychange', onVisible)
      void lock?.release().catch(() => undefined)
    }
  }, [on])
}

/**
 * The CPR metronome for H5, where native components do not run: the same rhythm from
 * src/domain/firstaid/cpr.ts (runCpr), a click and a buzz on every compression, the breath
 * pause with its countdown and 继续按压, AED已到 (the beat stops for the AED's voice prompts until
 * 继续按压), a mute switch, and the screen kept on while it runs.
 */
export function CprMetronome({ handsOnly, rate = CPR_RATE_PER_MINUTE }: { handsOnly: boolean; rate?: number }) {
  const [running, setRunning] = useState(false)
  const [view, setView] = useState<CprView>(IDLE)
  const [pulse, setPulse] = useState(false)
  const [muted, setMuted] = useState(false)
  const run = useRef<CprRun>()
  const audio = useRef<AudioContext>()
  // The timers read the latest settings without restarting the rhythm.
  const handsOnlyNow = useRef(handsOnly)
  handsOnlyNow.current = handsOnly
  const mutedNow = useRef(muted)
  mutedNow.current = muted

  useWakeLock(running)
  useEffect(
    () => () => {
      run.current?.stop()
      void audio.current?.close().catch(() => undefined)
    },
    [],
  )

  const start = () => {
    // Created and resumed inside the tap: browsers only let a user gesture start sound.
    if (!audio.current && typeof AudioContext !== 'undefined') audio.current = new AudioContext()
    void audio.current?.resume().catch(() => undefined)
    setView(IDLE)
    setRunning(true)
    run.current = runCpr({
      intervalMs: beatIntervalMs(rate),
      handsOnly: () => handsOnlyNow.current,
      onStep: (next) => {
        setView(next)
        if (!next.beat) return
        setPulse((p) => !p)
        if (audio.current && !mutedNow.current) click(audio.current)
        if ('vibrate' in navigator) navigator.vibrate(next.alert ? 400 : 30)
      },
    })
  }
  const stop = () => {
    run.current?.stop()
    run.current = undefined
    setRunning(false)
    setView((v) => ({ ...v, breathing: false, aedPaused: false, prompt: 'compress' }))
  }

  return (
    <View className='metronome' data-testid='metronome'>
      {view.aedPaused ? (
        <View className='metronome__circle metronome__circle--aed' data-testid='metronome-aed'>
          <Text className='metronome__aed'>AED</Text>
        </View>
      ) : view.breathing ? (
        <View className='metronome__circle metronome__circle--breathe'>
          <Text className='metronome__countdown'>{view.secondsLeft}</Text>
          <Text className='metronome__unit'>秒</Text>
        </View>
      ) : (
        <View className={`metronome__circle ${pulse ? 'metronome__circle--pulse' : ''}`}>
          <Text className='metronome__count'>{view.count}</Text>
          <Text className='metronome__unit'>{handsOnly ? '次' : '/ 30'}</Text>
        </View>
      )}
      <Text className={`metronome__prompt ${view.breathing ? 'metronome__prompt--breathe' : ''}`} data-testid='metronome-prompt'>
        {PROMPTS[view.prompt]}
      </Text>
      {view.breathing && <Text className='metronome__hint'>吹气2次后点继续按压，或到时自动继续</Text>}
      {view.aedPaused && <Text className='metronome__hint'>{AED_HINT}</Text>}
      <Text className='metronome__meta'>
        已按压 {view.total} 次 · 已进行 {view.seconds} 秒 · 每分钟 {rate} 次
      </Text>
      {(view.breathing || view.aedPaused) && running && (
        <View className='metronome__button metronome__resume' role='button' onClick={() => run.current?.resume()}>
          继续按压
        </View>
      )}
      {running && !view.aedPaused && (
        <View className='metronome__button metronome__aed-arrived' role='button' onClick={() => run.current?.pauseForAed()}>
          AED已到
        </View>
      )}
      <View className={`metronome__button metronome__toggle ${running ? 'metronome__toggle--stop' : ''}`} role='button' onClick={running ? stop : start}>
        {running ? '停止节拍' : '开始按压节拍'}
      </View>
      <View className='metronome__mute' role='switch' aria-checked={muted} aria-label='静音' onClick={() => setMuted(!muted)}>
        <Text className='metronome__mute-label'>静音</Text>
        <View className={`metronome__switch ${muted ? 'metronome__switch--on' : ''}`} />
      </View>
    </View>
  )
}
