import { View, Text, Picker } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import Taro, { useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useEffect, useRef, useState } from 'react'
import * as v from 'valibot'
import { ChoiceGroup } from '@/components/choice-group'
import { FormField } from '@/components/form-field'
import { PageShell } from '@/components/page-shell'
import type { ActivityView } from '@/domain/activity/contract'
import { activitySchema, activityUpdateSchema, ACTIVITY_TYPES, ACTIVITY_TYPE_LABELS, DEFAULT_CHECK_IN_RADIUS_METERS, DEFAULT_MIN_COVERAGE, type ActivityType, isRiskyActivity } from '@/domain/activity/rules'
import { todayInChina } from '@/domain/dates'
import { chinaDate, chinaMoment, clockTime } from '@/domain/activity/when'
import { useMe } from '@/hooks/use-me'
import { useValidatedForm } from '@/hooks/use-validated-form'
import { communityService } from '@/services/community'
import { activityService } from '@/services/activity'
import { choosePlace } from '@/services/location'
import { messageOf } from '@/services/service-error'
import { pages, withQuery } from '@/routes'
import './index.scss'

/** A moment as the form holds it: a China date and a clock time, each from its own picker. */
type When = { date: string; time: string }
type Draft = {
  title: string
  type?: ActivityType
  communityId?: string
  description: string
  address: string
  latitude: string
  longitude: string
  start: When
  end: When
  deadline: When
  capacity: string
  hours: string
  radius: string
  requiresCertificate: boolean
  /** Unfit for minors (条例 2017 第十五条); a risky kind is so anyway. */
  adultsOnly: boolean
  /** 人身意外伤害保险, asked only for risky kinds (条例 2017 第十七条). */
  insurer: string
  policyNo: string
  insuredFrom: string
  insuredTo: string
  /** Not on the form; kept as the activity has it so an edit does not reset it. */
  minCoverage: number
}

const toMoment = ({ date, time }: When) => (date && time ? chinaMoment(date, time) : '')
const fromMoment = (iso: string): When => ({ date: chinaDate(iso), time: clockTime(iso) })
const number = (text: string) => (text.trim() === '' ? undefined : Number(text))

function toInput(draft: Draft) {
  return {
    title: draft.title,
    type: draft.type,
    communityId: draft.communityId,
    description: draft.description,
    location: { latitude: number(draft.latitude), longitude: number(draft.longitude), address: draft.address },
    startAt: toMoment(draft.start),
    endAt: toMoment(draft.end),
    signupDeadline: toMoment(draft.deadline),
    capacity: number(draft.capacity),
    hours: number(draft.hours),
    checkInRadiusMeters: number(draft.radius),
    minCoverage: draft.minCoverage,
    requiresCertificate: draft.requiresCertificate,
    adultsOnly: draft.adultsOnly,
    insurance: draft.type && isRiskyActivity(draft.type) ? { insurer: draft.insurer, policyNo: draft.policyNo, from: draft.insuredFrom, to: draft.insuredTo } : null,
  }
}

function emptyDraft(): Draft {
  const day = dayjs(todayInChina()).add(7, 'day').format('YYYY-MM-DD')
  return {
    title: '', description: '', address: '', latitude: '', longitude: '',
    start: { date: day, time: '09:00' }, end: { date: day, time: '11:00' }, deadline: { date: day, time: '08:00' },
    capacity: '10', hours: '2', radius: String(DEFAULT_CHECK_IN_RADIUS_METERS), requiresCertificate: false, adultsOnly: false, minCoverage: DEFAULT_MIN_COVERAGE,
    insurer: '', policyNo: '', insuredFrom: day, insuredTo: day,
  }
}

function fromActivity(a: ActivityView): Draft {
  return {
    title: a.title, type: a.type, communityId: a.communityId, description: a.description,
    address: a.location.address, latitude: String(a.location.latitude), longitude: String(a.location.longitude),
    start: fromMoment(a.startAt), end: fromMoment(a.endAt), deadline: fromMoment(a.signupDeadline),
    capacity: String(a.capacity), hours: String(a.hours), radius: String(a.checkInRadiusMeters),
    requiresCertificate: a.requirements.requiresCertificate, adultsOnly: a.requirements.adultsOnly && !isRiskyActivity(a.type), minCoverage: a.minCoverage,
    insurer: a.insurance?.insurer ?? '', policyNo: a.insurance?.policyNo ?? '',
    insuredFrom: a.insurance?.from ?? chinaDate(a.startAt), insuredTo: a.insurance?.to ?? chinaDate(a.endAt),
  }
}

const FIELDS = ['title', 'type', 'communityId', 'description', 'location', 'location.address', 'location.latitude', 'location.longitude', 'startAt', 'endAt', 'signupDeadline', 'capacity', 'hours', 'checkInRadiusMeters', 'insurance', 'insurance.insurer', 'insurance.policyNo', 'insurance.from', 'insurance.to']

/** 发布活动 / 修改活动: staff of a community describe an activity, with inline errors as they type. */
export default function ActivityEditPage() {
  const activityId = useRouter().params.id
  const me = useMe()
  const schema = activityId ? activityUpdateSchema : activitySchema
  const form = useValidatedForm(schema, emptyDraft(), (draft: Draft) => (activityId ? { activityId, ...toInput(draft), communityId: undefined } : toInput(draft)))
  const { draft, set, errorOf } = form
  const [saving, setSaving] = useState(false)
  const today = todayInChina()

  useEffect(() => {
    if (!activityId) return
    void Taro.setNavigationBarTitle({ title: '修改活动' })
    void activityService.get(activityId).then((activity) => form.setDraft(fromActivity(activity)))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activityId])

  const staffCommunities = (me.data?.communities ?? []).filter((c) => me.data?.staffCommunityIds.includes(c._id))
  useEffect(() => {
    if (!activityId && !draft.communityId && staffCommunities.length === 1) form.setDraft((d) => ({ ...d, communityId: staffCommunities[0]._id }))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [staffCommunities.length])

  // A new activity starts with its community's check-in radius (社区设置), the constant where it set
  // none; a radius the person typed themselves stays.
  const prefilled = useRef(String(DEFAULT_CHECK_IN_RADIUS_METERS))
  useEffect(() => {
    if (activityId || !draft.communityId) return
    void communityService.settings(draft.communityId).then((settings) =>
      form.setDraft((d) => {
        if (d.communityId !== settings.communityId || d.radius !== prefilled.current) return d
        prefilled.current = String(settings.checkInRadiusMeters)
        return { ...d, radius: prefilled.current }
      }),
    )
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activityId, draft.communityId])

  const locate = async () => {
    const place = await choosePlace()
    if (place) form.setDraft((d) => ({ ...d, latitude: place.latitude.toFixed(6), longitude: place.longitude.toFixed(6), address: d.address || place.address }))
    else if (process.env.TARO_ENV !== 'weapp') await Taro.showToast({ title: '没有获取到位置，请填写纬度和经度', icon: 'none' })
  }

  const save = async () => {
    if (!form.check(FIELDS)) {
      await Taro.showToast({ title: '请按红字提示修改', icon: 'none' })
      return
    }
    setSaving(true)
    try {
      const input = toInput(draft)
      const saved = activityId
        ? await activityService.update(activityId, v.parse(activityUpdateSchema, { activityId, ...input }))
        : await activityService.create(v.parse(activitySchema, input))
      await Taro.showToast({ title: activityId ? '已保存' : '已发布', icon: 'success' })
      await Taro.redirectTo({ url: withQuery(pages.staffActivity, { id: saved._id }) })
    } catch (error) {
      form.showServerError(error)
      await Taro.showModal({ title: '未能保存', content: messageOf(error), showCancel: false, confirmText: '知道了' })
    } finally {
      setSaving(false)
    }
  }

  const moment = (field: 'start' | 'end' | 'deadline', errorPath: string, testId: string) => (
    <View className='activity-edit__when' data-testid={testId}>
      <Picker mode='date' value={draft[field].date || today} start={today} onChange={(e) => set(field, { ...draft[field], date: e.detail.value }, [errorPath])}>
        <View className='form-field__picker'>{draft[field].date || '选择日期'}</View>
      </Picker>
      <Picker mode='time' value={draft[field].time || '09:00'} onChange={(e) => set(field, { ...draft[field], time: e.detail.value }, [errorPath])}>
        <View className='form-field__picker'>{draft[field].time || '选择时间'}</View>
      </Picker>
    </View>
  )

  return (
    <PageShell className='activity-edit'>
      <View className='card' data-testid='activity-form'>
        <FormField label='活动名称' required error={errorOf('title')} testId='activity-title'>
          <Input value={draft.title} maxLength={30} placeholder='例如：社区义诊志愿服务' onChange={(value) => set('title', value)} />
        </FormField>
        <FormField label='活动类型' required error={errorOf('type')}>
          <ChoiceGroup options={ACTIVITY_TYPES.map((type) => ({ value: type, label: ACTIVITY_TYPE_LABELS[type] }))} value={draft.type} onChange={(value) => set('type', value as ActivityType)} testId='activity-type' />
        </FormField>
        {!activityId && (
          <FormField label='所属社区' required error={errorOf('communityId')}>
            <ChoiceGroup options={staffCommunities.map((c) => ({ value: c._id, label: c.name }))} value={draft.communityId} onChange={(value) => set('communityId', value as string)} testId='activity-community' />
          </FormField>
        )}
        <FormField label='活动介绍' required hint='做什么、要带什么、在哪里集合' error={errorOf('description')} testId='activity-description'>
          <TextArea value={draft.description} maxLength={1000} onChange={(value) => set('description', value)} />
        </FormField>
        <FormField label='活动地址' required error={errorOf('location.address')} testId='activity-address'>
          <Input value={draft.address} maxLength={100} placeholder='例如：玉兰社区服务站二楼' onChange={(value) => set('address', value, ['location.address', 'location'])} />
        </FormField>
        <FormField label='位置（纬度/经度）' required hint='签到时按这个位置判断志愿者是否到场' error={errorOf('location') ?? errorOf('location.latitude') ?? errorOf('location.longitude')}>
          <Button onClick={locate}>{process.env.TARO_ENV === 'weapp' ? '在地图上选择' : '使用我现在的位置'}</Button>
          <View className='activity-edit__coordinate'>
            <Text className='activity-edit__coordinate-label'>纬度</Text>
            <Input type='digit' value={draft.latitude} placeholder='如 30.0672' onChange={(value) => set('latitude', value, ['location.latitude', 'location'])} data-testid='activity-latitude' />
          </View>
          <View className='activity-edit__coordinate'>
            <Text className='activity-edit__coordinate-label'>经度</Text>
            <Input type='digit' value={draft.longitude} placeholder='如 120.5081' onChange={(value) => set('longitude', value, ['location.longitude', 'location'])} data-testid='activity-longitude' />
          </View>
        </FormField>
        <FormField label='开始时间' required error={errorOf('startAt')}>
          {moment('start', 'startAt', 'activity-start')}
        </FormField>
        <FormField label='结束时间' required error={errorOf('endAt')}>
          {moment('end', 'endAt', 'activity-end')}
        </FormField>
        <FormField label='报名截止' required hint='不能晚于开始时间' error={errorOf('signupDeadline')}>
          {moment('deadline', 'signupDeadline', 'activity-deadline')}
        </FormField>
        <FormField label='招募人数' required error={errorOf('capacity')} testId='activity-capacity'>
          <Input type='number' value={draft.capacity} maxLength={3} onChange={(value) => set('capacity', value)} />
        </FormField>
        <FormField label='服务时长（小时）' required hint='按实际参加的时间记，最多这些小时；不超过活动时长，可填0.5的倍数' error={errorOf('hours')} testId='activity-hours'>
          <Input type='digit' value={draft.hours} maxLength={4} onChange={(value) => set('hours', value)} />
        </FormField>
        <FormField label='签到范围（米）' hint='离活动位置多远以内可以用位置签到' error={errorOf('checkInRadiusMeters')} testId='activity-radius'>
          <Input type='number' value={draft.radius} maxLength={4} onChange={(value) => set('radius', value)} />
        </FormField>
        {draft.type && isRiskyActivity(draft.type) && (
          <View data-testid='activity-insurance'>
            <FormField label='人身意外伤害保险' required hint='这类活动有人身风险，须先为志愿者投保（《志愿服务条例》第十七条）' error={errorOf('insurance')}>
              <Input value={draft.insurer} maxLength={40} placeholder='保险公司' onChange={(value) => set('insurer', value, ['insurance.insurer', 'insurance'])} data-testid='activity-insurer' />
            </FormField>
            <FormField label='保单号' required error={errorOf('insurance.policyNo')}>
              <Input value={draft.policyNo} maxLength={40} onChange={(value) => set('policyNo', value, ['insurance.policyNo', 'insurance'])} data-testid='activity-policy' />
            </FormField>
            <FormField label='保险期间' required>
              <Picker mode='date' value={draft.insuredFrom} onChange={(e) => set('insuredFrom', e.detail.value, ['insurance'])}>
                <View className='form-field__picker'>{draft.insuredFrom}</View>
              </Picker>
              <Text>至</Text>
              <Picker mode='date' value={draft.insuredTo} onChange={(e) => set('insuredTo', e.detail.value, ['insurance'])}>
                <View className='form-field__picker'>{draft.insuredTo}</View>
              </Picker>
            </FormField>
          </View>
        )}
        <FormField label='报名条件'>
          <ChoiceGroup
            options={[
              { value: 'anyone', label: '注册志愿者都可以' },
              { value: 'certified', label: '需持有救护员证' },
            ]}
            value={draft.requiresCertificate ? 'certified' : 'anyone'}
            onChange={(value) => set('requiresCertificate', value === 'certified')}
          />
        </FormField>
        <FormField label='年龄要求' hint={draft.type && isRiskyActivity(draft.type) ? '有人身风险的活动，未满18周岁的志愿者不能报名' : '深夜、高处、重体力等不适合未成年人的活动，请选择仅限成年人'}>
          {draft.type && isRiskyActivity(draft.type) ? (
            <Text data-testid='activity-adults-only-fixed'>仅限年满18周岁</Text>
          ) : (
            <ChoiceGroup
              options={[
                { value: 'anyone', label: '不限年龄' },
                { value: 'adults', label: '仅限年满18周岁' },
              ]}
              value={draft.adultsOnly ? 'adults' : 'anyone'}
              onChange={(value) => set('adultsOnly', value === 'adults')}
            />
          )}
        </FormField>
        <Text className='hint activity-edit__note'>发布后志愿者在任务大厅可以看到；活动开始前会提醒报名的志愿者。</Text>
        <Button block size='large' type='primary' loading={saving} onClick={save}>
          {activityId ? '保存修改' : '发布活动'}
        </Button>
      </View>
    </PageShell>
  )
}
