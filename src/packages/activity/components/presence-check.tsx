import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { ActivityView } from '@/domain/activity/contract'
import { activityService, type Presence } from '@/services/activity'
import { currentPosition, hasLocationConsent, rememberLocationConsent } from '@/services/location'
import { messageOf } from '@/services/service-error'
import { dayAndTime } from '@/domain/activity/when'
import './presence-check.scss'

type Props = { activity: ActivityView; step: 'checkIn' | 'checkOut'; onDone(updated: ActivityView): void }

const WORDS = { checkIn: '签到', checkOut: '签退' }

/**
 * 签到 / 签退: by position near the activity, or by typing the 6-digit code the organiser shows
 * (works indoors, where positions are poor). The server's refusal (too early, too far, an old
 * code) is shown in its own words right here.
 */
export function PresenceCheck({ activity, step, onDone }: Props) {
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState<'position' | 'code'>()
  const [problem, setProblem] = useState<string>()
  const word = WORDS[step]
  const notYet = step === 'checkIn' && Date.now() < new Date(activity.checkInOpensAt).getTime()

  const send = async (how: Presence, by: 'position' | 'code') => {
    setBusy(by)
    setProblem(undefined)
    try {
      const updated = step === 'checkIn' ? await activityService.checkIn(activity._id, how) : await activityService.checkOut(activity._id, how)
      onDone(updated)
    } catch (failure) {
      setProblem(messageOf(failure))
    } finally {
      setBusy(undefined)
    }
  }

  const byPosition = async () => {
    rememberLocationConsent()
    setBusy('position')
    const position = await currentPosition()
    if (!position) {
      setBusy(undefined)
      setProblem(`没有获取到您的位置。在室内可以输入组织者出示的${word}码。`)
      return
    }
    await send({ position }, 'position')
  }

  const byCode = () => {
    if (!/^\d{6}$/.test(code)) {
      setProblem(`${word}码是6位数字，请向组织者询问`)
      return
    }
    void send({ code }, 'code')
  }

  return (
    <View className='card presence' data-testid={`presence-${step}`}>
      <Text className='section-title presence__title'>{word}</Text>
      {notYet ? (
        <Text className='presence__text'>签到从 {dayAndTime(activity.checkInOpensAt)} 开始，到时再来吧。</Text>
      ) : (
        <>
          <Text className='presence__text'>到达活动地点 {activity.checkInRadiusMeters} 米内，可以用位置{word}；在室内或定位不准时，输入组织者出示的6位{word}码。</Text>
          <Button block size='large' type='primary' loading={busy === 'position'} disabled={!!busy} openType={hasLocationConsent() ? undefined : 'agreePrivacyAuthorization'} onClick={byPosition}>
            用我的位置{word}
          </Button>
          <View className='presence__code'>
            <Input className='presence__code-input' type='number' maxLength={6} value={code} placeholder={`6位${word}码`} onChange={(value) => setCode(value.replace(/\D/g, ''))} data-testid='presence-code' />
            <Button size='large' loading={busy === 'code'} disabled={!!busy} onClick={byCode}>
              用{word}码{word}
            </Button>
          </View>
        </>
      )}
      {problem && (
        <View className='presence__problem' role='alert' data-testid='presence-problem'>
          {problem}
        </View>
      )}
    </View>
  )
}
