import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { beatIntervalMs, cprBeat, CPR_RATE_PER_MINUTE, initialCpr, PROMPTS, type CprState } from '@/domain/firstaid/cpr'
import './index.scss'

/**
 * The CPR metronome for H5, where native components do not run: the same rhythm from
 * src/domain/firstaid/cpr.ts, a visual pulse on every beat and vibration where the browser has it.
 */
export function CprMetronome({ handsOnly, rate = CPR_RATE_PER_MINUTE }: { handsOnly: boolean; rate?: number }) {
  const [running, setRunning] = useState(false)
  const [state, setState] = useState<CprState>(initialCpr())
  const [prompt, setPrompt] = useState(PROMPTS.compress)
  const [pulse, setPulse] = useState(false)
  const cpr = useRef(initialCpr())
  const handsOnlyNow = useRef(handsOnly)
  handsOnlyNow.current = handsOnly

  useEffect(() => {
    if (!running) return
    const intervalMs = beatIntervalMs(rate)
    cpr.current = initialCpr()
    const timer = setInterval(() => {
      const beat = cprBeat(cpr.current, handsOnlyNow.current, intervalMs)
      cpr.current = beat.state
      setState(beat.state)
      setPrompt(PROMPTS[beat.prompt])
      setPulse((p) => !p)
      if (beat.prompt !== 'compress') void Taro.vibrateLong().catch(() => undefined)
    }, intervalMs)
    return () => clearInterval(timer)
  }, [running, rate])

  return (
    <View className='metronome' data-testid='metronome'>
      <View className={`metronome__circle ${pulse ? 'metronome__circle--pulse' : ''}`}>
        <Text className='metronome__count'>{state.count}</Text>
        <Text className='metronome__unit'>{handsOnly ? '次' : '/ 30'}</Text>
      </View>
      <Text className='metronome__prompt'>{prompt}</Text>
      <Text className='metronome__meta'>
        已按压 {state.total} 次 · 已进行 {Math.floor(state.elapsedMs / 1000)} 秒 · 每分钟 {rate} 次
      </Text>
      <View className={`metronome__toggle ${running ? 'metronome__toggle--stop' : ''}`} onClick={() => setRunning(!running)}>
        {running ? '停止节拍' : '开始按压节拍'}
      </View>
    </View>
  )
}
