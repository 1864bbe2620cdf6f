import { View, Picker } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import * as v from 'valibot'
import { ChoiceGroup } from '@/components/choice-group'
import { FormField } from '@/components/form-field'
import { PageShell } from '@/components/page-shell'
import { aedInputs, type AedDetail } from '@/domain/aed/contract'
import { describeHours, fromSimpleHours, toSimpleHours, type OpeningHours } from '@/domain/aed/hours'
import { todayInChina } from '@/domain/dates'
import { useMe } from '@/hooks/use-me'
import { useValidatedForm } from '@/hooks/use-validated-form'
import { aedService } from '@/services/aed'
import { choosePlace } from '@/services/location'
import { messageOf } from '@/services/service-error'
import { requestSubscriptions } from '@/services/subscriptions'
import { pages, withQuery } from '@/routes'

/** Hours as staff set them here: around the clock, every day, or working days, from–to; or as stored. */
type HoursMode = 'always' | 'daily' | 'weekdays' | 'kept'
type Draft = {
  name: string
  communityId?: string
  latitude: string
  longitude: string
  address: string
  landmark: string
  placement?: 'indoor' | 'outdoor'
  floor: string
  /** Unset for a suggestion: its hours must be chosen, never assumed. */
  hoursMode?: HoursMode
  /** Stored hours that fit none of the form's patterns (e.g. different on Saturdays), kept unless changed. */
  keptHours?: OpeningHours
  opens: string
  closes: string
  accessNotes: string
  accessPhone: string
  model: string
  guardianOrg: string
  padsExpiry: string
  batteryExpiry: string
}

function toHours({ hoursMode, keptHours, opens, closes }: Draft): OpeningHours | undefined {
  if (hoursMode === 'kept' && keptHours) return keptHours
  if (hoursMode === 'daily' || hoursMode === 'weekdays') return fromSimpleHours({ mode: hoursMode, opens, closes })
  return hoursMode === 'always' ? fromSimpleHours({ mode: 'always' }) : undefined
}

/** The form's fields for stored hours: the matching pattern with its times, or the hours kept as they are. */
function hoursDraft(hours: OpeningHours): Pick<Draft, 'hoursMode' | 'keptHours' | 'opens' | 'closes'> {
  const simple = toSimpleHours(hours)
  if (!simple) return { hoursMode: 'kept', keptHours: hours, opens: EMPTY.opens, closes: EMPTY.closes }
  if (simple.mode === 'always') return { hoursMode: 'always', opens: EMPTY.opens, closes: EMPTY.closes }
  return { hoursMode: simple.mode, opens: simple.opens, closes: simple.closes }
}

const toInput = (draft: Draft, aedId?: string) => ({
  ...(aedId ? { aedId } : {}),
  name: draft.name,
  communityId: draft.communityId,
  latitude: draft.latitude === '' ? undefined : Number(draft.latitude),
  longitude: draft.longitude === '' ? undefined : Number(draft.longitude),
  address: draft.address,
  landmark: draft.landmark,
  placement: draft.placement,
  floor: draft.floor,
  hours: toHours(draft),
  accessNotes: draft.accessNotes,
  accessPhone: draft.accessPhone,
  model: draft.model,
  guardianOrg: draft.guardianOrg,
  padsExpiry: draft.padsExpiry,
  batteryExpiry: draft.batteryExpiry,
})

const EMPTY: Draft = {
  name: '', latitude: '', longitude: '', address: '', landmark: '', floor: '', opens: '08:00', closes: '18:00',
  accessNotes: '', accessPhone: '', model: '', guardianOrg: '', padsExpiry: '', batteryExpiry: '',
}

function fromDetail(aed: AedDetail): Draft {
  return {
    ...EMPTY,
    name: aed.name,
    communityId: aed.communityId,
    latitude: String(aed.location.latitude),
    longitude: String(aed.location.longitude),
    address: aed.address,
    landmark: aed.landmark,
    placement: aed.placement ?? undefined,
    floor: aed.floor,
    accessNotes: aed.accessNotes,
    accessPhone: aed.accessPhone ?? '',
    model: aed.model,
    guardianOrg: aed.guardianOrg,
    padsExpiry: aed.padsExpiry ?? '',
    batteryExpiry: aed.batteryExpiry ?? '',
    ...(aed.openingHours ? hoursDraft(aed.openingHours) : { hoursMode: undefined }),
  }
}

const REQUIRED = ['name', 'communityId', 'latitude', 'longitude', 'address', 'placement', 'hours', 'padsExpiry', 'batteryExpiry', 'accessPhone']

/**
 * 登记AED / 修改: staff record a device of their community (position in GCJ-02). With `verify`,
 * a resident's suggestion checked on site: published with the details recorded there.
 */
export default function AedEditPage() {
  const { id: aedId, verify } = useRouter().params
  const verifying = !!aedId && verify === '1'
  const schema = verifying ? aedInputs.verify : aedInputs.save
  const me = useMe()
  const form = useValidatedForm(schema, EMPTY, (draft: Draft) => toInput(draft, aedId))
  const { draft, set, errorOf } = form
  const [saving, setSaving] = useState(false)
  const today = todayInChina()

  useEffect(() => {
    if (verifying) void Taro.setNavigationBarTitle({ title: '现场核实AED' })
    if (aedId) void aedService.get(aedId).then((aed) => form.setDraft(fromDetail(aed)))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [aedId])

  const locate = async () => {
    const place = await choosePlace()
    if (place) form.setDraft((d) => ({ ...d, latitude: place.latitude.toFixed(6), longitude: place.longitude.toFixed(6), address: d.address || place.address }))
  }

  const save = async () => {
    const input = toInput(draft, aedId)
    if (!form.check(verifying ? [...REQUIRED, 'accessNotes'] : REQUIRED)) return
    // From the tap itself (WeChat's rule): its keeper hears when pads, battery or inspection fall due.
    const subscribing = requestSubscriptions('aedSave')
    setSaving(true)
    try {
      await subscribing
      const saved = verifying ? await aedService.verify(v.parse(aedInputs.verify, input)) : await aedService.save(v.parse(aedInputs.save, input))
      await Taro.showToast({ title: verifying ? '已核实并公开' : '已保存', icon: 'success' })
      await Taro.redirectTo({ url: withQuery(pages.aedDetail, { id: saved._id }) })
    } catch (error) {
      form.showServerError(error)
      await Taro.showModal({ title: '未能保存', content: messageOf(error), showCancel: false, confirmText: '知道了' })
    } finally {
      setSaving(false)
    }
  }

  const communities = (me.data?.communities ?? []).filter((c) => me.data?.staffCommunityIds.includes(c._id))
  const date = (field: 'padsExpiry' | 'batteryExpiry') => (
    <Picker mode='date' value={draft[field] || today} onChange={(e) => set(field, e.detail.value)}>
      <View className='form-field__picker'>{draft[field] || '请选择'}</View>
    </Picker>
  )
  const time = (field: 'opens' | 'closes') => (
    <Picker mode='time' value={draft[field]} onChange={(e) => set(field, e.detail.value, ['hours'])}>
      <View className='form-field__picker'>{draft[field]}</View>
    </Picker>
  )

  return (
    <PageShell className='aed-edit'>
      <View className='card' data-testid='aed-edit-form'>
        <FormField label='名称' required error={errorOf('name')} count={{ value: draft.name, max: 40 }}>
          <Input value={draft.name} maxLength={40} placeholder='例如：大渡菜市场' onChange={(value) => set('name', value)} />
        </FormField>
        <FormField label='所属社区' required error={errorOf('communityId')}>
          <ChoiceGroup options={communities.map((c) => ({ value: c._id, label: c.name }))} value={draft.communityId} onChange={(value) => set('communityId', value as string)} />
        </FormField>
        <FormField label='位置' required hint='在设备旁点按钮即可自动填好，也可以手动填写纬度和经度' error={errorOf('latitude') ?? errorOf('longitude')}>
          <Button onClick={locate}>{process.env.TARO_ENV === 'weapp' ? '在地图上选择' : '使用我现在的位置'}</Button>
          <Input type='digit' value={draft.latitude} placeholder='纬度' onChange={(value) => set('latitude', value)} />
          <Input type='digit' value={draft.longitude} placeholder='经度' onChange={(value) => set('longitude', value)} />
        </FormField>
        <FormField label='地址' required error={errorOf('address')} count={{ value: draft.address, max: 100 }}>
          <Input value={draft.address} maxLength={100} onChange={(value) => set('address', value)} />
        </FormField>
        <FormField label='具体位置' hint='例如：北门保安亭、一楼服务台旁' count={{ value: draft.landmark, max: 60 }}>
          <Input value={draft.landmark} maxLength={60} onChange={(value) => set('landmark', value)} />
        </FormField>
        <FormField label='室内还是室外' required error={errorOf('placement')}>
          <ChoiceGroup options={[{ value: 'indoor', label: '室内' }, { value: 'outdoor', label: '室外' }]} value={draft.placement} onChange={(value) => set('placement', value as 'indoor' | 'outdoor')} />
          {draft.placement === 'indoor' && <Input value={draft.floor} maxLength={20} placeholder='楼层，如 1楼' onChange={(value) => set('floor', value)} />}
        </FormField>
        <FormField label='开放时间' required error={errorOf('hours')}>
          <ChoiceGroup
            options={[
              ...(draft.keptHours ? [{ value: 'kept', label: `保持现有：${describeHours(draft.keptHours)}` }] : []),
              { value: 'always', label: '24小时' },
              { value: 'daily', label: '每天' },
              { value: 'weekdays', label: '工作日' },
            ]}
            value={draft.hoursMode}
            onChange={(value) => set('hoursMode', value as HoursMode, ['hours'])}
          />
          {(draft.hoursMode === 'daily' || draft.hoursMode === 'weekdays') && (
            <View className='staff-actions'>
              {time('opens')}
              {time('closes')}
            </View>
          )}
        </FormField>
        <FormField label='取用说明' required={verifying} hint='例如：壁挂柜拉开即可取用；非开放时间请联系门卫' error={errorOf('accessNotes')} count={{ value: draft.accessNotes, max: 200 }}>
          <Input value={draft.accessNotes} maxLength={200} onChange={(value) => set('accessNotes', value)} />
        </FormField>
        <FormField label='取用电话' required={verifying} hint='谁能开柜门或开门：11位手机号，或带区号的固话如 0575-84123456' error={errorOf('accessPhone')}>
          <Input type='tel' value={draft.accessPhone} maxLength={20} placeholder='0575-84123456' onChange={(value) => set('accessPhone', value)} />
        </FormField>
        <FormField label='设备型号' count={{ value: draft.model, max: 60 }}>
          <Input value={draft.model} maxLength={60} onChange={(value) => set('model', value)} />
        </FormField>
        <FormField label='管理单位' count={{ value: draft.guardianOrg, max: 60 }}>
          <Input value={draft.guardianOrg} maxLength={60} onChange={(value) => set('guardianOrg', value)} />
        </FormField>
        <FormField label='电极片有效期' required error={errorOf('padsExpiry')}>
          {date('padsExpiry')}
        </FormField>
        <FormField label='电池有效期' required error={errorOf('batteryExpiry')}>
          {date('batteryExpiry')}
        </FormField>
      </View>
      <Button block size='large' type='primary' loading={saving} disabled={saving} onClick={save}>
        {verifying ? '核实无误，公开这台AED' : '保存'}
      </Button>
    </PageShell>
  )
}
