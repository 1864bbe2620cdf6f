import { View, Text } from '@tarojs/components'
import { Button, Input, Tag } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { useState } from 'react'
import { FormField } from '@/components/form-field'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { todayInChina } from '@/domain/dates'
import { CERTIFICATE_REMINDER_DAYS, SIGNUP_STATUS_LABELS, TRAINING_KINDS, type TrainingSession } from '@/domain/firstaid/training'
import { useRemote } from '@/hooks/use-remote'
import { messageOf } from '@/services/service-error'
import { requestSubscriptions } from '@/services/subscriptions'
import { trainingService } from '@/services/training'

/** 培训报名 and 我的救护员证: offline courses of the community stations, and what they led to. */
export default function TrainingPage() {
  const remote = useRemote(async () => {
    const [sessions, certificates] = await Promise.all([trainingService.sessions(), trainingService.certificates()])
    return { sessions: sessions.items, certificates: certificates.items }
  })
  const [open, setOpen] = useState<string>()
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [busy, setBusy] = useState(false)
  const soon = dayjs(todayInChina()).add(CERTIFICATE_REMINDER_DAYS, 'day').format('YYYY-MM-DD')

  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true)
    try {
      await work()
      await Taro.showToast({ title: done, icon: 'success' })
      setOpen(undefined)
      await remote.reload()
    } catch (error) {
      await Taro.showModal({ title: '未能完成', content: messageOf(error), showCancel: false, confirmText: '知道了' })
    } finally {
      setBusy(false)
    }
  }

  const card = (session: TrainingSession) => (
    <View key={session._id} className='card' data-testid='training-card'>
      <View className='staff-actions'>
        <Tag type={session.kind === 'rescuer' ? 'primary' : 'default'}>{TRAINING_KINDS[session.kind]}</Tag>
        {session.mine && session.mine !== 'cancelled' && <Tag type='success'>{SIGNUP_STATUS_LABELS[session.mine]}</Tag>}
      </View>
      <Text className='section-title'>{session.title}</Text>
      <Text className='hint'>
        {session.date} {session.time} · {session.place}
      </Text>
      <Text className='hint'>
        名额 {session.capacity}，剩余 {session.seatsLeft}
        {session.requirements ? ` · ${session.requirements}` : ''}
      </Text>
      {session.mine === 'signed' ? (
        <Button disabled={busy} onClick={() => act(() => trainingService.cancelSignup(session._id), '已取消报名')}>
          取消报名
        </Button>
      ) : open === session._id ? (
        <View>
          <FormField label='姓名' required>
            <Input value={name} onChange={setName} placeholder='真实姓名' data-testid='trainee-name' />
          </FormField>
          <FormField label='手机号' required hint='用于培训通知，只有工作人员能看到'>
            <Input type='tel' maxLength={11} value={phone} onChange={setPhone} data-testid='trainee-phone' />
          </FormField>
          <Button block type='primary' disabled={busy} onClick={() => {
              // From the tap itself, as WeChat requires: the sign-up, then the exam result.
              const subscribing = requestSubscriptions(['training_signup', 'training_result'])
              void act(() => subscribing.then(() => trainingService.signup(session._id, name.trim(), phone.trim())), '报名成功')
            }}>
            确认报名
          </Button>
        </View>
      ) : (
        session.seatsLeft > 0 && (
          <Button type='primary' onClick={() => setOpen(session._id)}>
            我要报名
          </Button>
        )
      )}
    </View>
  )

  return (
    <PageShell>
      <LoadState loading={remote.loading && !remote.data} error={remote.data ? undefined : remote.error} onRetry={remote.reload}>
        {remote.data && remote.data.certificates.length > 0 && (
          <View className='card' data-testid='certificates'>
            <Text className='section-title'>我的救护员证</Text>
            {remote.data.certificates.map((c) => (
              <View key={c._id}>
                <Text>
                  {c.number} · {c.name}
                </Text>
                <Text className='hint'>
                  {c.issuedOn} 发证，有效期至 {c.validUntil}
                  {c.validUntil <= soon ? '（即将到期，请报名复训）' : ''}
                </Text>
              </View>
            ))}
          </View>
        )}
        <Text className='section-title'>近期培训</Text>
        {remote.data?.sessions.length === 0 && <Text className='hint'>近期没有培训，请稍后再来看看。</Text>}
        {remote.data?.sessions.map(card)}
      </LoadState>
    </PageShell>
  )
}
