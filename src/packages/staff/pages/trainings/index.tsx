import { View, Text, Picker } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import * as v from 'valibot'
import { ChoiceGroup } from '@/components/choice-group'
import { CloudImage } from '@/components/cloud-image'
import { FormField } from '@/components/form-field'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { todayInChina } from '@/domain/dates'
import { PENDING_NUMBER_LABEL, SIGNUP_STATUS_LABELS, TRAINING_KINDS, trainingInputs, type RosterEntry, type Signup, type TrainingKind, type TrainingSession } from '@/domain/firstaid/training'
import { courseDaysOf, decideRecord, type RecordedStatus } from '@/domain/firstaid/training-record'
import { useMe } from '@/hooks/use-me'
import { useRemote } from '@/hooks/use-remote'
import { useValidatedForm } from '@/hooks/use-validated-form'
import { messageOf } from '@/services/service-error'
import { trainingService } from '@/services/training'
import { CertificateForm } from '../../components/certificate-form'
import './index.scss'

type Draft = { kind: TrainingKind; title: string; communityId?: string; dates: string[]; time: string; place: string; capacity: string; requirements: string }
const EMPTY: Draft = { kind: 'rescuer', title: '', dates: [], time: '09:00-16:00', place: '', capacity: '30', requirements: '' }
const toInput = (d: Draft) => ({ ...d, capacity: Number(d.capacity) })
const RECORD_LABELS: Record<RecordedStatus, string> = { attended: '记出勤', passed: '考核通过', failed: '考核未通过' }

/** 培训管理: publish a course (one or more days), see who signed up, record attendance, results and the 救护员证 the Red Cross issued. */
export default function TrainingAdminPage() {
  const me = useMe()
  const sessions = useRemote(() => trainingService.manageSessions())
  const form = useValidatedForm(trainingInputs.create, EMPTY, toInput)
  const [roster, setRoster] = useState<{ sessionId: string; items: RosterEntry[] }>()
  const [recording, setRecording] = useState<string>()
  const today = todayInChina()
  const mine = sessions.data?.items ?? []

  const publish = async () => {
    const parsed = v.safeParse(trainingInputs.create, toInput(form.draft))
    if (!form.check(['kind', 'title', 'communityId', 'dates', 'time', 'place', 'capacity']) || !parsed.success) return
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
      passed: { title: '记录考核通过？', content: session.kind === 'rescuer' ? `${signup.name} 考核通过，记录后不能更改。救护员证由红十字会颁发，收到后请在这里登记证书编号。` : `${signup.name} 考核通过，记录后不能更改。` },
      failed: { title: '记录考核未通过？', content: `${signup.name} 考核未通过，记录后不能更改。` },
    }[status]
    const { confirm } = await Taro.showModal({ ...question, confirmText: '确认', cancelText: '取消' })
    if (!confirm) return
    try {
      await trainingService.record(signup._id, status)
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
        <FormField label='培训日期' required hint='两天的培训请选两天；考核结果在最后一天之后记录' error={form.errorOf('dates')}>
          {form.draft.dates.length > 0 && (
            <ChoiceGroup
              options={form.draft.dates.map((d) => ({ value: d, label: `${d} ✕` }))}
              value={[]}
              multiple
              onChange={(value) => form.set('dates', form.draft.dates.filter((d) => !(value as string[]).includes(d)))}
              testId='course-dates'
            />
          )}
          <Picker mode='date' value={today} start={today} onChange={(e) => form.set('dates', [...new Set([...form.draft.dates, e.detail.value])].sort())}>
            <View className='form-field__picker' data-testid='add-course-date'>{form.draft.dates.length ? '再加一天' : '选择日期'}</View>
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
        {mine.length === 0 && <Text className='hint'>还没有发布过培训。</Text>}
        {mine.map((session) => {
          const days = courseDaysOf(session)
          return (
            <View key={session._id} className='card' data-testid='managed-training'>
              <Text className='section-title'>{session.title}</Text>
              <Text className='hint'>
                {session.dates.join('、')} {session.time} · 已报名 {session.capacity - session.seatsLeft}/{session.capacity}
              </Text>
              <Button onClick={() => openRoster(session._id)}>报名名单</Button>
              {roster?.sessionId === session._id && roster.items.length === 0 && <Text className='hint'>还没有人报名。</Text>}
              {roster?.sessionId === session._id &&
                roster.items.map((entry) => {
                  const steps = (['attended', 'passed', 'failed'] as const).filter((status) => decideRecord(entry.status, status, days, today).ok && entry.status !== status)
                  return (
                    <View key={entry._id} className='roster-entry' data-testid='roster-entry'>
                      <Text>
                        {entry.name} {entry.phone} · {SIGNUP_STATUS_LABELS[entry.status]}
                      </Text>
                      {entry.status === 'signed' && today < days.first && <Text className='hint'>培训当天起可记录出勤</Text>}
                      {entry.status === 'attended' && today < days.last && <Text className='hint'>最后一天（{days.last}）培训结束后可记录考核结果</Text>}
                      {steps.length > 0 && (
                        <View className='staff-actions'>
                          {steps.map((status) => (
                            <Button key={status} type={status === 'passed' ? 'primary' : 'default'} onClick={() => record(entry, session, status)}>
                              {RECORD_LABELS[status]}
                            </Button>
                          ))}
                        </View>
                      )}
                      {entry.status === 'passed' && session.kind === 'rescuer' && (
                        entry.certificate?.number ? (
                          <View data-testid='recorded-certificate'>
                            <Text className='hint'>
                              救护员证 {entry.certificate.number} · {entry.certificate.issuer} · {entry.certificate.issuedOn} 发证，有效期至 {entry.certificate.validUntil}
                            </Text>
                            {entry.certificate.photo && <CloudImage className='roster-entry__photo' src={entry.certificate.photo} onExpired={() => void openRoster(session._id)} />}
                          </View>
                        ) : recording === entry._id ? (
                          <CertificateForm entry={entry} onRecorded={() => { setRecording(undefined); void openRoster(session._id) }} />
                        ) : (
                          <>
                            <Text className='hint'>救护员证：{PENDING_NUMBER_LABEL}（红十字会颁发后登记）</Text>
                            <Button type='primary' onClick={() => setRecording(entry._id)} data-testid='record-certificate'>
                              登记救护员证
                            </Button>
                          </>
                        )
                      )}
                    </View>
                  )
                })}
            </View>
          )
        })}
      </LoadState>
    </PageShell>
  )
}
