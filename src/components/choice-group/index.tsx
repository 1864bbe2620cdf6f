import { View } from '@tarojs/components'
import { useRef } from 'react'
import './index.scss'

type Option<T extends string> = { value: T; label: string }

type Props<T extends string> = {
  options: readonly Option<T>[]
  /** One value (single choice) or a list (several may be chosen). */
  value: T | T[] | undefined
  onChange(value: T | T[]): void
  multiple?: boolean
  /** After grading (a quiz): options marked right or wrong, shown in green or red with ✓ / ✗ whatever was chosen. */
  marks?: Partial<Record<T, 'right' | 'wrong'>>
  testId?: string
}

/** Large tappable choices (性别, 社区, 技能…): easier for older hands than a picker wheel. */
export function ChoiceGroup<T extends string>({ options, value, onChange, multiple, marks, testId }: Props<T>) {
  const chosen = Array.isArray(value) ? value : value ? [value] : []
  // Taps can come faster than re-renders: each toggle builds on the previous one, not on props.
  const latest = useRef(chosen)
  latest.current = chosen
  const toggle = (option: T) => {
    if (!multiple) return onChange(option)
    const current = latest.current
    const next = current.includes(option) ? current.filter((v) => v !== option) : [...current, option]
    latest.current = next
    onChange(next)
  }
  return (
    <View className='choice-group' data-testid={testId} role={multiple ? 'group' : 'radiogroup'}>
      {options.map((option) => {
        const selected = chosen.includes(option.value)
        const mark = marks?.[option.value]
        const state = mark ? `choice-group__option--${mark}` : selected ? 'choice-group__option--selected' : ''
        return (
          <View
            key={option.value}
            className={`choice-group__option ${state}`}
            role={multiple ? 'checkbox' : 'radio'}
            aria-checked={selected}
            onClick={() => toggle(option.value)}
          >
            {mark === 'right' ? '✓ ' : mark === 'wrong' ? '✗ ' : ''}
            {option.label}
          </View>
        )
      })}
    </View>
  )
}
