import { View, Text } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import * as v from 'valibot'
import { FormField } from '@/components/form-field'
import { PhotoPicker } from '@/components/photo-picker'
import { PageShell } from '@/components/page-shell'
import { aedInputs } from '@/domain/aed/contract'
import { usePhotoUpload } from '@/hooks/use-photo-upload'
import { useValidatedForm } from '@/hooks/use-validated-form'
import { aedService } from '@/services/aed'
import { currentPosition } from '@/services/location'
import { messageOf } from '@/services/service-error'

type Draft = { name: string; address: string; landmark: string; note: string; latitude: string; longitude: string; photos: string[] }
const EMPTY: Draft = { name: '', address: '', landmark: '', note: '', latitude: '', longitude: '', photos: [] }
const FIELDS = ['name', 'address', 'landmark', 'note', 'latitude', 'longitude']

const toInput = ({ photos, ...draft }: Draft) => ({
  ...draft,
  latitude: draft.latitude === '' ? undefined : Number(draft.latitude),
  longitude: draft.longitude === '' ? undefined : Number(draft.longitude),
  photo: photos[0],
})

/** 新增AED: a resident points out a missing one; staff check it on site before it is shown. */
export default function SuggestAedPage() {
  const form = useValidatedForm(aedInputs.suggest, EMPTY, toInput)
  const photoUpload = usePhotoUpload('aed-suggestions')
  const { draft, set, errorOf } = form
  const [submitting, setSubmitting] = useState(false)

  const pickPosition = async () => {
    if (process.env.TARO_ENV === 'weapp') {
      try {
        const place = await Taro.chooseLocation({})
        form.setDraft((d) => ({ ...d, latitude: String(place.latitude), longitude: String(place.longitude), address: d.address || place.address, name: d.name || place.name }))
      } catch {
        // Closed without choosing.
      }
      return
    }
    const here = await currentPosition()
    if (here) form.setDraft((d) => ({ ...d, latitude: here.latitude.toFixed(6), longitude: here.longitude.toFixed(6) }))
    else await Taro.showToast({ title: '没有获取到位置，请手动填写坐标', icon: 'none' })
  }

  const submit = async () => {
    if (!form.check(FIELDS)) return
    const parsed = v.safeParse(aedInputs.suggest, toInput(draft))
    if (!parsed.success) return
    setSubmitting(true)
    try {
      await aedService.suggest(parsed.output)
      await Taro.showModal({ title: '谢谢您', content: '社区工作人员现场核实后，这台AED就会出现在“找AED”里。在“我建议的AED”里可以看到核实进度。', showCancel: false, confirmText: '好的' })
      await Taro.navigateBack()
    } catch (error) {
      form.showServerError(error)
      await Taro.showModal({ title: '未能提交', content: messageOf(error), showCancel: false, confirmText: '知道了' })
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <PageShell>
      <View className='card'>
        <FormField label='在哪里' required error={errorOf('name')} hint='例如：某某药店、某小区北门' count={{ value: draft.name, max: 40 }}>
          <Input value={draft.name} maxLength={40} onChange={(value) => set('name', value)} data-testid='name' />
        </FormField>
        <FormField label='地址' required error={errorOf('address')} count={{ value: draft.address, max: 100 }}>
          <Input value={draft.address} maxLength={100} onChange={(value) => set('address', value)} data-testid='address' />
        </FormField>
        <FormField label='具体放在哪' hint='例如：收银台后面、保安亭里' error={errorOf('landmark')} count={{ value: draft.landmark, max: 60 }}>
          <Input value={draft.landmark} maxLength={60} onChange={(value) => set('landmark', value)} data-testid='landmark' />
        </FormField>
        {/* WeChat picks the spot on its map; the browser version has no map, only the phone's position. */}
        <FormField label='位置' required error={errorOf('latitude') ?? errorOf('longitude')} hint={process.env.TARO_ENV === 'weapp' ? undefined : '请站在AED旁边再点，坐标会自动填好'}>
          <Button block onClick={pickPosition}>
            {process.env.TARO_ENV === 'weapp' ? '在地图上选择' : '使用我现在的位置'}
          </Button>
        </FormField>
        <FormField label='纬度'>
          <Input type='digit' value={draft.latitude} placeholder='如 30.0656' onChange={(value) => set('latitude', value)} data-testid='latitude' />
        </FormField>
        <FormField label='经度'>
          <Input type='digit' value={draft.longitude} placeholder='如 120.5068' onChange={(value) => set('longitude', value)} data-testid='longitude' />
        </FormField>
        <FormField label='照片' hint='选填，拍下AED和它周围的样子，方便核实'>
          <PhotoPicker value={draft.photos} onChange={(photos) => set('photos', photos)} max={1} {...photoUpload} />
        </FormField>
        <FormField label='补充说明' error={errorOf('note')}>
          <TextArea value={draft.note} maxLength={200} showCount onChange={(value) => set('note', value)} />
        </FormField>
        <Text className='hint'>提交后需要社区工作人员现场核实，核实前不会显示给其他居民。</Text>
      </View>
      <Button block size='large' type='primary' loading={submitting} disabled={submitting} onClick={submit}>
        提交
      </Button>
    </PageShell>
  )
}
