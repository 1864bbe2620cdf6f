import Taro from '@tarojs/taro'
import { useState } from 'react'
import { messageOf, ServiceError } from '@/services/service-error'

/** A form's submit: busy while it runs, the server's message per field, and a modal for the rest. */
export function useSubmit() {
  const [busy, setBusy] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const run = async <T>(work: () => Promise<T>, failTitle: string): Promise<T | undefined> => {
    setBusy(true)
    setErrors({})
    try {
      return await work()
    } catch (failure) {
      if (failure instanceof ServiceError && failure.fields) setErrors(failure.fields)
      await Taro.showModal({ title: failTitle, content: messageOf(failure), showCancel: false, confirmText: '知道了' })
      return undefined
    } finally {
      setBusy(false)
    }
  }
  return { busy, errors, setErrors, run }
}

/** Made once per form, so a retried submit records once (the server keys on it). */
export const newRequestId = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`
