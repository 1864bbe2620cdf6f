import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { messageOf } from '@/services/service-error'

/**
 * A page where anyone types a printed code and checks it (a 志愿服务证明, a 捐赠证明): the code
 * (from the shared link's `?code=` at first), the answer, the problem to show by the field, and
 * whether a check is under way. A new check clears the previous answer.
 */
export function useCodeCheck<R>(check: (code: string) => Promise<R>) {
  const [code, setCode] = useState(useRouter().params.code ?? '')
  const [result, setResult] = useState<R>()
  const [problem, setProblem] = useState<string>()
  const [busy, setBusy] = useState(false)

  const verify = async () => {
    setBusy(true)
    setProblem(undefined)
    setResult(undefined)
    try {
      setResult(await check(code.trim()))
    } catch (failure) {
      setProblem(messageOf(failure))
    } finally {
      setBusy(false)
    }
  }

  return { code, setCode, result, problem, busy, verify }
}
