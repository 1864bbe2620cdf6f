import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ChoiceGroup } from '@/components/choice-group'
import { FormField } from '@/components/form-field'
import { CORRECTABLE, type CorrectableField } from '@/domain/member/application'
import type { ApplicationView } from '@/domain/member/contract'
import { memberService } from '@/services/member'
import { messageOf, ServiceError } from '@/services/service-error'

const OPTIONS = (Object.keys(CORRECTABLE) as CorrectableField[]).map((value) => ({ value, label: CORRECTABLE[value] }))
const STATUS = { open: '等待核实', accepted: '已更正', declined: '未采纳' } as const

/** 更正 (PIPL 第四十六条): ask for a field staff verified to be corrected; earlier requests and their outcome. */
export function CorrectionForm({ application, onSaved }: { application: ApplicationView; onSaved(): void }) {
  const [field, setField] = useState<CorrectableField>()
  const [value, setValue] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const send = async () => {
    if (!field) return setError('请选择要更正的项目')
    setBusy(true)
    try {
      await memberService.requestCorrection(field, value)
      setValue('')
      setError(undefined)
      await Taro.showToast({ title: '已提交，等待核实', icon: 'success' })
      onSaved()
    } catch (failure) {
      if (failure instanceof ServiceError && failure.fields?.value) setError(failure.fields.value)
      else await Taro.showModal({ title: '未能提交', content: messageOf(failure), showCancel: false, confirmText: '知道了' })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card' data-testid='correction'>
      <Text className='section-title'>申请更正</Text>
      <Text className='hint'>入会信息有误时，在这里提出，社区工作人员核实后修改。身份证号请带身份证到社区服务站更正。</Text>
      {application.corrections.map((c) => (
        <Text key={c.key} className='hint'>
          {CORRECTABLE[c.field]} → {c.value}：{STATUS[c.status]}
        </Text>
      ))}
      <FormField label='要更正的项目' required>
        <ChoiceGroup options={OPTIONS} value={field} onChange={(next) => setField(next as CorrectableField)} testId='correction-field' />
      </FormField>
      <FormField label='正确的内容' required error={error}>
        <Input value={value} maxLength={40} onChange={setValue} placeholder='填写正确的内容' data-testid='correction-value' />
      </FormField>
      <Button block size='large' type='primary' disabled={busy} loading={busy} onClick={send}>
        提交更正申请
      </Button>
    </View>
  )
}
