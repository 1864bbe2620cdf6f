import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { PageShell } from '@/components/page-shell'
import type { RotatingCode } from '@/domain/activity/contract'
import { activityService } from '@/services/activity'
import { messageOf } from '@/services/service-error'
import './index.scss'

/**
 * The rotating check-in code, full screen with big digits for volunteers to read from a few
 * metres away. It changes every minute: the countdown says when, and a new one is fetched then.
 */
export default function ActivityCodePage() {
  const id = useRouter().params.id ?? ''
  const [code, setCode] = useState<RotatingCode>()
  const [secondsLeft, setSecondsLeft] = useState(0)
  const [problem, setProblem] = useState<string>()
  const [visible, setVisible] = useState(true)
  const fetching = useRef(false)

  const fetchCode = useCallback(async () => {
    if (fetching.current) return
    fetching.current = true
    try {
      const next = await activityService.code(id)
      setCode(next)
      setSecondsLeft(next.secondsLeft)
      setProblem(undefined)
    } catch (failure) {
      setProblem(messageOf(failure))
      setSecondsLeft(5)
    } finally {
      fetching.current = false
    }
  }, [id])

  // Keep the phone awake while the code is shown; let it sleep again on leaving.
  useDidShow(() => {
    setVisible(true)
    void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined)
  })
  useDidHide(() => {
    setVisible(false)
    void Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined)
  })

  useEffect(() => {
    if (visible) void fetchCode()
  }, [visible, fetchCode])

  useEffect(() => {
    if (!visible) return
    const timer = setInterval(() => {
      setSecondsLeft((left) => {
        if (left <= 1) {
          void fetchCode()
          return 0
        }
        return left - 1
      })
    }, 1000)
    return () => clearInterval(timer)
  }, [visible, fetchCode])

  return (
    <PageShell>
      <View className='activity-code' data-testid='activity-code'>
        <Text className='activity-code__label'>签到码</Text>
        <Text className='activity-code__digits' data-testid='activity-code-digits'>
          {code ? code.code : '······'}
        </Text>
        <Text className='activity-code__countdown' data-testid='activity-code-countdown'>
          {code ? `${secondsLeft} 秒后更换` : '正在获取…'}
        </Text>
        {problem && (
          <View className='activity-code__problem' role='alert'>
            {problem}
          </View>
        )}
        <Text className='activity-code__hint'>请志愿者在活动页面输入这6位数字签到或签退。签到码每分钟更换，截图无效。</Text>
        <Button size='large' className='activity-code__back' onClick={() => Taro.navigateBack()}>
          返回
        </Button>
      </View>
    </PageShell>
  )
}
