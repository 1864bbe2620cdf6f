import { View, Text } from '@tarojs/components'
import { Button, Input, Tag } from '@nutui/nutui-react-taro'
import Taro, { useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useState } from 'react'
import { FormField } from '@/components/form-field'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { todayInChina } from '@/domain/dates'
import { CERTIFICATE_REMINDER_DAYS, PENDING_NUMBER_LABEL, SIGNUP_STATUS_LABELS, TRAINING_KINDS, trainingInputs, type Certificate, type TrainingSession } from '@/domain/firstaid/training'
import { canSignUp } from '@/domain/firstaid/training-record'
import { useRemote } from '@/hooks/use-remote'
import { useShareEverywhere } from '@/hooks/use-share'
import { areas } from '@/routes'
import { useValidatedForm } from '@/hooks/use-validated-form'
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
  // Opened from a shared card: that session first.
  const shared = useRouter().params.id
  const sharedSession = remote.data?.sessions.find((s) => s._id === shared)
  useShareEverywhere({ title: sharedSession ? `救护培训：${sharedSession.title}` : '红十字应急救护培训报名', page: areas.training, id: shared })
  const sessions = sharedSession ? [sharedSession, ...(remote.data?.sessions ?? []).filter((s) => s !== sharedSession)] : remote.data?.sessions
  const form = useValidatedForm(trainingInputs.signup, { sessionId: '', name: '', phone: '' })
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
      if (!form.showServerError(error)) await Taro.showModal({ title: '未能完成', content: messageOf(error), showCancel: false, confirmText: '知道了' })
    } finally {
      setBusy(false)
    }
  }

  // Asks first, like the activity's 取消报名: a seat given up may be taken by the next person at once.
  const cancelSignup = async (session: TrainingSession) => {
    const { confirm } = await Taro.showModal({ title: '取消报名', content: `取消后名额会让给其他居民，报名截止前还可以再报名。确定取消“${session.title}”吗？`, confirmText: '取消报名', cancelText: '再想想' })
    if (confirm) await act(() => trainingService.cancelSignup(session._id), '已取消报名')
  }

  const certificateOf = (session: TrainingSession): Certificate | undefined => remote.data?.certificates.find((c) => c.sessionId === session._id)
  const card = (session: TrainingSession) => (
    <View key={session._id} className='card' data-testid='training-card'>
      <View className='staff-actions'>
        <Tag type={session.kind === 'rescuer' ? 'primary' : 'default'}>{TRAINING_KINDS[session.kind]}</Tag>
        {session.mine && session.mine !== 'cancelled' && <Tag type='success'>{SIGNUP_STATUS_LABELS[session.mine]}</Tag>}
      </View>
      <Text className='section-title'>{session.title}</Text>
      <Text className='hint'>
        {session.dates.join('、')} {session.time} · {session.place}
      </Text>
      <Text className='hint'>
        名额 {session.capacity}，剩余 {session.seatsLeft}
        {session.requirements ? ` · ${session.requirements}` : ''}
      </Text>
      {session.mine === 'signed' ? (
        <Button disabled={busy} onClick={() => void cancelSignup(session)}>
          取消报名
        </Button>
      ) : open === session._id ? (
        <View>
          <FormField label='姓名' required error={form.errorOf('name')} count={{ value: form.draft.name, max: 20 }}>
            <Input value={form.draft.name} onChange={(value) => form.set('name', value)} placeholder='真实姓名' maxLength={20} data-testid='trainee-name' />
          </FormField>
          <FormField label='手机号' required hint='用于培训通知，只有工作人员能看到' error={form.errorOf('phone')}>
            <Input type='tel' maxLength={11} value={form.draft.phone} onChange={(value) => form.set('phone', value)} data-testid='trainee-phone' />
          </FormField>
          <Button block type='primary' disabled={busy} onClick={() => {
              if (!form.check(['name', 'phone'])) return
              // From the tap itself, as WeChat requires: the sign-up, then the exam result.
              const subscribing = requestSubscriptions('trainingSignup')
              void act(() => subscribing.then(() => trainingService.signup(session._id, form.draft.name.trim(), form.draft.phone.trim())), '报名成功')
            }}>
            确认报名
          </Button>
        </View>
      ) : canSignUp(session.mine) ? (
        session.seatsLeft > 0 ? (
          <Button type='primary' onClick={() => setOpen(session._id)}>
            我要报名
          </Button>
        ) : (
          <Text className='hint'>名额已满，请关注下一期培训</Text>
        )
      ) : (
        <Text className='hint' data-testid='training-outcome'>
          {session.mine === 'passed'
            ? certificateOf(session)?.number
              ? `已通过考核，救护员证 ${certificateOf(session)?.number}，见上方“我的救护员证”`
              : '已通过考核，救护员证由红十字会颁发，收到后工作人员会登记'
            : session.mine === 'failed'
              ? '本期考核未通过，欢迎报名下一期培训'
              : '已参加培训，等待考核结果'}
        </Text>
      )}
    </View>
  )

  return (
    <PageShell>
      <LoadState loading={remote.loading && !remote.data} error={remote.data ? undefined : remote.error} onRetry={remote.retry}>
        {remote.data && remote.data.certificates.length > 0 && (
          <View className='card' data-testid='certificates'>
            <Text className='section-title'>我的救护员证</Text>
            {remote.data.certificates.map((c) => (
              <View key={c._id}>
                <Text>
                  {c.number ?? `编号${PENDING_NUMBER_LABEL}`} · {c.name}
                  {c.issuer ? ` · ${c.issuer}` : ''}
                </Text>
                <Text className='hint'>
                  {c.issuedOn} 发证，有效期至 {c.validUntil}
                  {c.validUntil <= soon ? '（即将到期，请报名复训）' : ''}
                </Text>
              </View>
            ))}
            <Button
              fill='outline'
              onClick={async () => {
                // From the tap itself (WeChat's rule): one message before a certificate lapses.
                const granted = await requestSubscriptions('certReminder')
                await Taro.showToast({ title: granted.includes('cert_reminder') ? '到期前会通知您' : '到期前会在消息中提醒您', icon: 'none' })
              }}
              data-testid='ask-cert-reminder'
            >
              到期前提醒我
            </Button>
          </View>
        )}
        <Text className='section-title'>近期培训</Text>
        {remote.data?.sessions.length === 0 && <Text className='hint'>近期没有培训，请稍后再来看看。</Text>}
        {sessions?.map(card)}
      </LoadState>
    </PageShell>
  )
}
