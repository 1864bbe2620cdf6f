import { View, Text } from '@tarojs/components'
import { Button, Input, Switch } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { FormField } from '@/components/form-field'
import type { ApplicationView } from '@/domain/member/contract'
import { formatYuan, type DuesStanding } from '@/domain/member/dues'
import { memberService } from '@/services/member'
import { messageOf, ServiceError } from '@/services/service-error'

type Props = { applicationId: string; dues: DuesStanding; onSaved(): void }

/** 会费: where a member stands, and the form staff record a received payment with (amount in 元, receipt number). */
export function DuesSection({ applicationId, dues, onSaved }: Props) {
  const [yuan, setYuan] = useState(dues.yearFen ? String(dues.yearFen / 100) : '')
  const [receiptNo, setReceiptNo] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const save = async (run: () => Promise<ApplicationView>) => {
    setBusy(true)
    try {
      await run()
      onSaved()
      setErrors({})
      await Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (error) {
      if (error instanceof ServiceError && error.fields) setErrors(error.fields)
      else await Taro.showModal({ title: '未能保存', content: messageOf(error), showCancel: false, confirmText: '知道了' })
    } finally {
      setBusy(false)
    }
  }

  const record = async () => {
    const amountFen = Math.round(Number(yuan) * 100)
    if (!dues.nextYear || !(amountFen > 0)) return setErrors({ amountFen: '请填写收到的金额' })
    const { confirm } = await Taro.showModal({ title: '确认记录会费', content: `${dues.nextYear}年度会费 ${formatYuan(amountFen)}，收据号 ${receiptNo || '（未填）'}`, confirmText: '记录', cancelText: '再看看' })
    if (confirm) await save(() => memberService.recordDues(applicationId, dues.nextYear as number, amountFen, receiptNo.trim()))
  }

  return (
    <View className='card' data-testid='dues-section'>
      <Text className='section-title'>会费</Text>
      <Text className='review__value' data-testid='dues-label'>{dues.label}</Text>
      <Text className='hint'>{dues.hint}</Text>
      <FormField label='在校学生（会费自愿缴纳）'>
        <Switch checked={dues.state === 'exempt'} disabled={busy} onChange={(on) => save(() => memberService.setStudent(applicationId, on))} aria-label='在校学生' />
      </FormField>
      {dues.nextYear && (
        <>
          <FormField label={`${dues.nextYear}年度会费（元）`} required error={errors.amountFen ?? errors.year}>
            <Input type='digit' value={yuan} onChange={setYuan} placeholder='收到的金额' data-testid='dues-amount' />
          </FormField>
          <FormField label='收据号' required error={errors.receiptNo}>
            <Input value={receiptNo} maxLength={32} onChange={setReceiptNo} placeholder='收据上的编号' data-testid='dues-receipt' />
          </FormField>
          <Button block size='large' type='primary' disabled={busy} loading={busy} onClick={record}>
            记录会费
          </Button>
        </>
      )}
    </View>
  )
}
