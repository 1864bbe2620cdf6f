import { useMemo, useState } from 'react'
import { fieldErrors, type InputSchema } from '@/domain/validation'
import { ServiceError } from '@/services/service-error'

/**
 * Form state checked as the person types, against the same schema the cloud function uses.
 * An error shows once its field has been touched (or the person tried to move on); errors the
 * server sends back for fields are shown beside them too.
 */
export function useValidatedForm<D extends object>(schema: InputSchema, initial: D, toInput: (draft: D) => unknown = (draft) => draft) {
  const [draft, setDraft] = useState(initial)
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set())
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({})
  const errors = useMemo(() => fieldErrors(schema, toInput(draft)), [schema, draft, toInput])

  const set = <K extends keyof D>(field: K, value: D[K], errorPaths: string[] = [String(field)]) => {
    setDraft((previous) => ({ ...previous, [field]: value }))
    setTouched((previous) => new Set([...previous, ...errorPaths]))
    setServerErrors((previous) => Object.fromEntries(Object.entries(previous).filter(([path]) => !errorPaths.includes(path))))
  }

  /** Shows every error among these paths; answers whether they are all fine. */
  const check = (paths: string[]) => {
    setTouched((previous) => new Set([...previous, ...paths]))
    return paths.every((path) => !errors[path] && !serverErrors[path])
  }

  const errorOf = (path: string) => serverErrors[path] ?? (touched.has(path) ? errors[path] : undefined)

  /** Puts a refusal from the server beside its fields; answers whether it had any. */
  const showServerError = (error: unknown) => {
    if (error instanceof ServiceError && error.fields && Object.keys(error.fields).length > 0) {
      setServerErrors(error.fields)
      return true
    }
    return false
  }

  return { draft, set, setDraft, errors, errorOf, check, showServerError }
}
