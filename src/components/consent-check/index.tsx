import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

type Props = {
  checked: boolean
  onChange(checked: boolean): void
  /** What the person agrees to, in full: it wraps inside the screen, never cut. */
  children: ReactNode
  testId?: string
}

/**
 * A consent row: the whole row (box and words) is the tap target, at least 48 px tall and as wide
 * as the form; the words are at body size and wrap; 大字模式 scales it all.
 */
export function ConsentCheck({ checked, onChange, children, testId }: Props) {
  return (
    <View className={`consent-check ${checked ? 'consent-check--on' : ''}`} role='checkbox' aria-checked={checked} onClick={() => onChange(!checked)} data-testid={testId}>
      <View className='consent-check__box'>{checked && <Text className='consent-check__tick'>✓</Text>}</View>
      <Text className='consent-check__label'>{children}</Text>
    </View>
  )
}
