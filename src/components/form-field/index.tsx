import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

type Props = {
  label: string
  required?: boolean
  hint?: string
  error?: string
  children: ReactNode
  testId?: string
  /** A limited text field: shows how much of the limit is used, so nothing is cut off unseen. */
  count?: { value: string; max: number }
}

/** One labelled field with its hint and, in plain Chinese, what is wrong with it. */
export function FormField({ label, required, hint, error, children, testId, count }: Props) {
  return (
    <View className={`form-field ${error ? 'form-field--error' : ''}`} data-testid={testId}>
      <Text className='form-field__label'>
        {label}
        {required && <Text className='form-field__required'> *</Text>}
      </Text>
      <View className='form-field__control'>{children}</View>
      <View className='form-field__footer'>
        {error ? (
          <View className='form-field__error' role='alert'>
            {error}
          </View>
        ) : (
          hint && <Text className='form-field__hint'>{hint}</Text>
        )}
        {count && (
          <Text className='form-field__count' data-testid='field-count'>
            {count.value.length}/{count.max}
          </Text>
        )}
      </View>
    </View>
  )
}
