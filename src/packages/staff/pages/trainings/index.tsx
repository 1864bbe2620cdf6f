import { View, Text, Picker } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import * as v from 'valibot'
import { ChoiceGroup } from '@/components/choice-group'
import { FormField } from '@/components/form-field'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { todayInChina } from '@/domain/dates'
import { SIGNUP_STATUS_LABELS, TRAINING_KINDS, trainingInputs, type Signup, type TrainingKind, type TrainingSession } from '@/domain/firstaid/training'
import { decideRecord, type RecordedStatus } from '@/domain/firstaid/training-record'
import { useMe } from '@/hooks/use-me'
import { useRemote } from '@/hooks/use-remote'
import { useValidatedForm } from '@/hooks/use-validated-form'
import { messageOf } from '@/services/service-error'
import { trainingService } from '@/services/training'

type Draft = { kind: TrainingKind; title: string; communityId?: string; date: string; time: string; place: string; capacity: string; requirements: string }
const EMPTY: Draft = { kind: 'rescuer', title: '', date: '', time: '09:00-16:00', place: '', capacity: '30', requirements: '' }
const toInput = (d: Draft) => ({ ...d, capacity: Number(d.capacity) })
const RECORD_LABELS: Record<RecordedStatus, string> = { attended: '记出勤', passed: '考核通过', failed: '考核未通过' }

/** 培训管理: publish a session, see who signed up, record attendance and results. */
export default function TrainingAdminPage() {
  const me = useMe()
  const sessions = useRemote(() => trainingService.sessions())
  const form = useValidatedForm(trainingInputs.create, EMPTY, toInput)
  const [roster, setRoster] = useState<{ sessionId: string; items: Signup[] }>()
  const today = todayInChina()
  const mine = (sessions.data?.items ?? []).filter((s) => me.data?.staffCommunityIds.includes(s.communityId))

  const publish = async () => {
    const parsed = v.safeParse(trainingInputs.create, toInput(form.draft))
    if (!form.check(['kind', 'title', 'communityId', 'date', 'time', 'place', 'capacity']) || !parsed.success) return
    try {
      await trainingService.create(parsed.output)
      await Taro.showToast({ title: '已发布', icon: 'success' })
      form.setDraft(EMPTY)
      await sessions.reload()
    } catch (error) {
      if (!form.showServerError(error)) await Taro.showModal({ title: '未能发布', content: messageOf(error), showCancel: false, confirmText: '知道了' })
    }
  }

  const openRoster = async (sessionId: string) => setRoster({ sessionId, items: (await trainingService.roster(sessionId)).items })
  const record = async (signup: Signup, session: TrainingSession, status: RecordedStatus) => {
    const question = {
      attended: { title: '记录出勤？', content: `确认 ${signup.name} 参加了这期培训。` },
      passed: { title: '记录考核通过？', content: session.kind === 'rescuer' ? `${signup.name} 将获得救护员证（有效期3年），记录后不能更改。` : `${signup.name} 考核通过，记录后不能更改。` },
      failed: { title: '记录考核未通过？', content: `${signup.name} 考核未通过，记录后不能更改。` },
    }[status]
    const { confirm } = await Taro.showModal({ ...question, confirmText: '确认', cancelText: '取消' })
    if (!confirm) return
    try {
      const result = await trainingService.record(signup._id, status)
      if (result.certificate && status === 'passed') await Taro.showModal({ title: '已发救护员证', content: `${result.certificate.name}：${result.certificate.number}，有效期至 ${result.certificate.validUntil}`, showCancel: false })
      await openRoster(signup.sessionId)
    } catch (error) {
      await Taro.showModal({ title: '未能记录', content: messageOf(error), showCancel: false, confirmText: '知道了' })
    }
  }

  return (
    <PageShell>
      <View className='card'>
        <Text className='section-title'>发布培训</Text>
        <FormField label='类型' required error={form.errorOf('kind')}>
          <ChoiceGroup options={[{ value: 'rescuer', label: TRAINING_KINDS.rescuer }, { value: 'popular', label: TRAINING_KINDS.popular }]} value={form.draft.kind} onChange={(value) => form.set('kind', value as TrainingKind)} />
        </FormField>
        <FormField label='名称' required error={form.errorOf('title')} count={{ value: form.draft.title, max: 40 }}>
          <Input value={form.draft.title} maxLength={40} onChange={(value) => form.set('title', value)} />
        </FormField>
        <FormField label='社区' required error={form.errorOf('communityId')}>
          <ChoiceGroup options={(me.data?.communities ?? []).filter((c) => me.data?.staffCommunityIds.includes(c._id)).map((c) => ({ value: c._id, label: c.name }))} value={form.draft.communityId} onChange={(value) => form.set('communityId', value as string)} />
        </FormField>
        <FormField label='日期' required error={form.errorOf('date')}>
          <Picker mode='date' value={form.draft.date || today} start={today} onChange={(e) => form.set('date', e.detail.value)}>
            <View className='form-field__picker'>{form.draft.date || '请选择'}</View>
          </Picker>
        </FormField>
        <FormField label='时间' required error={form.errorOf('time')} hint='如 09:00-16:00'>
          <Input value={form.draft.time} onChange={(value) => form.set('time', value)} />
        </FormField>
        <FormField label='地点' required error={form.errorOf('place')} count={{ value: form.draft.place, max: 60 }}>
          <Input value={form.draft.place} maxLength={60} onChange={(value) => form.set('place', value)} />
        </FormField>
        <FormField label='名额' required error={form.errorOf('capacity')}>
          <Input type='number' value={form.draft.capacity} onChange={(value) => form.set('capacity', value)} />
        </FormField>
        <FormField label='要求' hint='选填' error={form.errorOf('requirements')} count={{ value: form.draft.requirements, max: 200 }}>
          <Input value={form.draft.requirements} maxLength={200} onChange={(value) => form.set('requirements', value)} />
        </FormField>
        <Button block type='primary' onClick={publish}>
          发布
        </Button>
      </View>

      <LoadState loading={sessions.loading && !sessions.data} error={sessions.data ? undefined : sessions.error} onRetry={sessions.retry}>
        {mine.map((session) => (
          <View key={session._id} className='card'>
            <Text className='section-title'>{session.title}</Text>
            <Text className='hint'>
              {session.date} {session.time} · 已报名 {session.capacity - session.seatsLeft}/{session.capacity}
            </Text>
            <Button onClick={() => openRoster(session._id)}>
              报名名单
            </Button>
            {roster?.sessionId === session._id && roster.items.length === 0 && <Text className='hint'>还没有人报名。</Text>}
            {roster?.sessionId === session._id &&
              roster.items.map((signup) => (
                <View key={signup._id} className='roster-entry' data-testid='roster-entry'>
                  <Text>
                    {signup.name} {signup.phone} · {SIGNUP_STATUS_LABELS[signup.status]}
                  </Text>
                  {today < session.date ? (
                    signup.status === 'signed' && <Text className='hint'>培训当天起可记录出勤和结果</Text>
                  ) : (
                    <View className='staff-actions'>
                      {(['attended', 'passed', 'failed'] as const)
                        .filter((status) => decideRecord(signup.status, status, session.date, today).ok && signup.status !== status)
                        .map((status) => (
                          <Button key={status} type={status === 'passed' ? 'primary' : 'default'} onClick={() => record(signup, session, status)}>
                            {RECORD_LABELS[status]}
                          </Button>
                        ))}
                    </View>
                  )}
                </View>
              ))}
          </View>
        ))}
      </LoadState>
    </PageShell>
  )
}
