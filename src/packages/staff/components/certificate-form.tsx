import { View, Picker } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { useState } from 'react'
import { FormField } from '@/components/form-field'
import { PhotoPicker } from '@/components/photo-picker'
import { todayInChina } from '@/domain/dates'
import { CERTIFICATE_YEARS, trainingInputs, type RosterEntry } from '@/domain/firstaid/training'
import { usePhotoUpload } from '@/hooks/use-photo-upload'
import { useValidatedForm } from '@/hooks/use-validated-form'
import { messageOf } from '@/services/service-error'
import { trainingService } from '@/services/training'

type Draft = { number: string; issuer: string; issuedOn: string; validUntil: string }

/**
 * 登记救护员证: staff copy, from the certificate the Red Cross issued, its number, issuing society
 * and dates, and a photo of it if they want. Checked as they type against the function's own
 * schema; recorded once.
 */
export function CertificateForm({ entry, onRecorded }: { entry: RosterEntry; onRecorded(): void }) {
  const today = todayInChina()
  const form = useValidatedForm(trainingInputs.recordCertificate, { number: '', issuer: '', issuedOn: '', validUntil: '' } as Draft, (draft: Draft) => ({ signupId: entry._id, ...draft }))
  const [busy, setBusy] = useState(false)
  const [photos, setPhotos] = useState<string[]>([])
  const upload = usePhotoUpload('certificates')
  const date = (field: 'issuedOn' | 'validUntil', start?: string, offered = today) => (
    <Picker mode='date' value={form.draft[field] || offered} start={start} onChange={(e) => form.set(field, e.detail.value, field === 'issuedOn' ? ['issuedOn', 'validUntil'] : [field])}>
      <View className='form-field__picker'>{form.draft[field] || '请选择'}</View>
    </Picker>
  )
  const save = async () => {
    if (!form.check(['number', 'issuer', 'issuedOn', 'validUntil'])) return
    const { confirm } = await Taro.showModal({ title: '登记救护员证？', content: `${entry.name}：${form.draft.number.trim().toUpperCase()}。登记后编号不能更改，请与证书核对。`, confirmText: '登记', cancelText: '再核对' })
    if (!confirm) return
    setBusy(true)
    try {
      await trainingService.recordCertificate({ signupId: entry._id, ...form.draft, ...(photos[0] ? { photo: photos[0] } : {}) })
      await Taro.showToast({ title: '已登记', icon: 'success' })
      onRecorded()
    } catch (error) {
      if (!form.showServerError(error)) await Taro.showModal({ title: '未能登记', content: messageOf(error), showCancel: false, confirmText: '知道了' })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View data-testid='certificate-form'>
      <FormField label='证书编号' required hint='照红十字会颁发的救护员证填写' error={form.errorOf('number')}>
        <Input value={form.draft.number} maxLength={30} placeholder='证书上的编号' onChange={(value) => form.set('number', value)} data-testid='cert-number' />
      </FormField>
      <FormField label='发证单位' required hint='如：绍兴市柯桥区红十字会' error={form.errorOf('issuer')} count={{ value: form.draft.issuer, max: 40 }}>
        <Input value={form.draft.issuer} maxLength={40} placeholder='证书上盖章的红十字会' onChange={(value) => form.set('issuer', value)} data-testid='cert-issuer' />
      </FormField>
      <FormField label='发证日期' required error={form.errorOf('issuedOn')}>
        {date('issuedOn')}
      </FormField>
      <FormField label='有效期至' required hint={`救护员证有效期${CERTIFICATE_YEARS}年`} error={form.errorOf('validUntil')}>
        {form.draft.issuedOn
          ? date('validUntil', dayjs(form.draft.issuedOn).add(1, 'day').format('YYYY-MM-DD'), dayjs(form.draft.issuedOn).add(CERTIFICATE_YEARS, 'year').subtract(1, 'day').format('YYYY-MM-DD'))
          : date('validUntil')}
      </FormField>
      <FormField label='证书照片' hint='选填，只有本人和工作人员能看到'>
        <PhotoPicker value={photos} onChange={setPhotos} max={1} {...upload} />
      </FormField>
      <Button block type='primary' size='large' disabled={busy} onClick={save} data-testid='cert-save'>
        登记救护员证
      </Button>
    </View>
  )
}
