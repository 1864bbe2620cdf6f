import { View, Text } from '@tarojs/components'
import './index.scss'

type Props = {
  steps: readonly string[]
  /** The step the person is on, from 0; those before it are finished. */
  current: number
  /** `row`: a short form's steps side by side; `column`: a lesson's sections, one a line. */
  direction?: 'row' | 'column'
  testId?: string
}

export type StepState = 'done' | 'current' | 'todo'

export const stepState = (index: number, current: number): StepState => (index < current ? 'done' : index === current ? 'current' : 'todo')

/**
 * Where a person is in a form or a lesson: finished steps ticked in red, the current one ringed and
 * bold (and announced as the current step), those to come grey. Labels sit centred under their
 * circle in equal columns, so they line up however they wrap.
 */
export function StepBar({ steps, current, direction = 'row', testId }: Props) {
  return (
    <View className={`step-bar step-bar--${direction}`} data-testid={testId} role='list'>
      {steps.map((label, i) => {
        const state = stepState(i, current)
        return (
          <View key={label} className={`step-bar__step step-bar__step--${state}`} role='listitem' data-state={state} aria-current={state === 'current' ? 'step' : undefined}>
            <View className='step-bar__mark'>
              <Text className='step-bar__number'>{state === 'done' ? '✓' : i + 1}</Text>
            </View>
            <Text className='step-bar__label'>
              {label}
              {state === 'done' && <Text className='step-bar__spoken'>（已完成）</Text>}
            </Text>
          </View>
        )
      })}
    </View>
  )
}
