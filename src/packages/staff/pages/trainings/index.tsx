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
import { SIGNUP_STATUS_LABELS, TRAINING_KINDS, trainingInputs, type Signup, type TrainingKind } from '@/domain/firstaid/training'
import { useMe } from '@/hooks/use-me'
import { useRemote } from '@/hooks/use-remote'
import { useValidatedForm } from '@/hooks/use-validated-form'
import { messageOf } from '@/services/service-error'
import { trainingService } from '@/services/training'

type Draft = { kind: TrainingKind; title: string; communityId?: string; date: string; time: string; place: string; capacity: string; requirements: string }
const EMPTY: Draft = { kind: 'rescuer', title: '', date: '', time: '09:00-16:00', place: '', capacity: '30', requirements: '' }
const toInput = (d: Draft) => ({ ...d, capacity: Number(d.capacity) })

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
      form.showServerError(error)
      await Taro.showModal({ title: '未能发布', content: messageOf(error), showCancel: false, confirmText: '知道了' })
    }
  }

  const openRoster = async (sessionId: string) => setRoster({ sessionId, items: (await trainingService.roster(sessionId)).items })
  const record = async (signup: Signup, status: 'attended' | 'passed' | 'failed') => {
    try {
      const result = await trainingService.record(signup._id, status)
      if (result.certificate) await Taro.showModal({ title: '已发救护员证', content: `${result.certificate.name}：${result.certificate.number}，有效期至 ${result.certificate.validUntil}`, showCancel: false })
      await openRoster(signup.sessionId)
    } catch (error) {
      await Taro.showModal({ title: '未能记录', content: messageOf(error), showCancel: false, confirmText: '知道了' })
    }
  }

  return (
    <PageShell>
      <View className='card'>
        <Text className='section-title'>发布培训</Text>
        <FormField label='类型' required>
          <ChoiceGroup options={[{ value: 'rescuer', label: TRAINING_KINDS.rescuer }, { value: 'popular', label: TRAINING_KINDS.popular }]} value={form.draft.kind} onChange={(value) => form.set('kind', value as TrainingKind)} />
        </FormField>
        <FormField label='名称' required error={form.errorOf('title')}>
          <Input value={form.draft.title} onChange={(value) => form.set('title', value)} />
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
        <FormField label='地点' required error={form.errorOf('place')}>
          <Input value={form.draft.place} onChange={(value) => form.set('place', value)} />
        </FormField>
        <FormField label='名额' required error={form.errorOf('capacity')}>
          <Input type='number' value={form.draft.capacity} onChange={(value) => form.set('capacity', value)} />
        </FormField>
        <FormField label='要求' hint='选填'>
          <Input value={form.draft.requirements} onChange={(value) => form.set('requirements', value)} />
        </FormField>
        <Button block type='primary' onClick={publish}>
          发布
        </Button>
      </View>

      <LoadState loading={sessions.loading && !sessions.data} error={sessions.data ? undefined : sessions.error} onRetry={sessions.reload}>
        {mine.map((session) => (
          <View key={session._id} className='card'>
            <Text className='section-title'>{session.title}</Text>
            <Text className='hint'>
              {session.date} {session.time} · 已报名 {session.capacity - session.seatsLeft}/{session.capacity}
            </Text>
            <Button size='small' onClick={() => openRoster(session._id)}>
              报名名单
            </Button>
            {roster?.sessionId === session._id &&
              roster.items.map((signup) => (
                <View key={signup._id} className='staff-actions'>
                  <Text>
                    {signup.name} {signup.phone} · {SIGNUP_STATUS_LABELS[signup.status]}
                  </Text>
                  <Button size='small' onClick={() => record(signup, 'attended')}>
                    出勤
                  </Button>
                  <Button size='small' type='primary' onClick={() => record(signup, 'passed')}>
                    通过
                  </Button>
                  <Button size='small' onClick={() => record(signup, 'failed')}>
                    未通过
                  </Button>
                </View>
              ))}
          </View>
        ))}
      </LoadState>
    </PageShell>
  )
}
