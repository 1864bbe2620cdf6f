import { View, Text } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { FormField } from '@/components/form-field'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { Timeline } from '@/components/timeline'
import { todayInChina } from '@/domain/dates'
import { AID_STATUS_LABELS } from '@/domain/fund/aid'
import type { AidStep } from '@/domain/fund/contract'
import { formatYuan } from '@/domain/fund/rules'
import { useRemote } from '@/hooks/use-remote'
import { fundService } from '@/services/fund'
import { useSubmit } from '@/hooks/use-submit'
import './index.scss'

const STEP_TITLES: Record<AidStep['action'], string> = { apply: '提交申请', approve: '工作人员同意', reject: '工作人员不同意', pay: '已发放', withdraw: '本人撤回' }

/** One aid request: its progress for the applicant; for staff of the community, review and pay. */
export default function FundAidPage() {
  const aidId = useRouter().params.id ?? ''
  const aid = useRemote(() => fundService.aid(aidId), [aidId])
  const [reason, setReason] = useState('')
  const [date, setDate] = useState(todayInChina())
  const [reference, setReference] = useState('')
  const { busy, errors, run } = useSubmit()
  const a = aid.data

  const review = async (decision: 'approve' | 'reject') => {
    if (!a) return
    const { confirm } = await Taro.showModal({
      title: decision === 'approve' ? '同意救助' : '不同意',
      content: decision === 'approve' ? `同意向${a.name}发放 ${formatYuan(a.amountFen)} 元？${a.approvalsNeeded > 1 ? '此金额还需另一位工作人员同意。' : ''}` : '确认不同意这份申请？申请人会收到您填写的原因。',
      confirmText: decision === 'approve' ? '同意' : '不同意',
      cancelText: '再想想',
    })
    if (!confirm) return
    if (await run(() => fundService.review(a._id, decision, reason.trim()), '未能提交')) await aid.reload()
  }

  const pay = async () => {
    if (!a) return
    const { confirm } = await Taro.showModal({ title: '登记发放', content: `确认已向${a.name}发放 ${formatYuan(a.amountFen)} 元？登记后将记入公开账本，不能修改，只能冲正。`, confirmText: '登记', cancelText: '再想想' })
    if (!confirm) return
    if (await run(() => fundService.pay(a._id, date, reference.trim()), '未能登记')) await aid.reload()
  }

  const withdraw = async () => {
    if (!a) return
    const { confirm } = await Taro.showModal({ title: '撤回申请', content: '撤回后工作人员不再审核这份申请。如仍需要救助，可以重新申请。确定撤回吗？', confirmText: '撤回', cancelText: '再想想' })
    if (!confirm) return
    if (await run(() => fundService.withdraw(a._id), '未能撤回')) await aid.reload()
  }

  return (
    <PageShell>
      <LoadState loading={aid.loading && !a} error={a ? undefined : aid.error} onRetry={aid.retry}>
        {a && (
          <>
            <View className='card' data-testid='aid-detail'>
              <Text className='aid__status'>{AID_STATUS_LABELS[a.status]}</Text>
              <Text className='aid__line'>
                {a.communityName} · {a.category}救助 · {formatYuan(a.amountFen)} 元
              </Text>
              <Text className='aid__line'>
                受助人：{a.name} · {a.phone}
              </Text>
              <Text className='aid__line'>{a.reason}</Text>
              <Text className='hint'>
                已同意 {a.approvals} / 需要 {a.approvalsNeeded} 位工作人员{a.entrySeq ? ` · 公开账本第 ${a.entrySeq} 条` : ''}
              </Text>
            </View>
            <View className='card'>
              <Timeline items={a.history.map((h) => ({ at: h.at, title: STEP_TITLES[h.action], by: h.byName, note: h.note || undefined }))} />
            </View>
            {a.canReview && (
              <View className='card'>
                <FormField label='意见' error={errors.reason} hint='不同意时必填，申请人会看到'>
                  <TextArea value={reason} maxLength={200} onChange={setReason} data-testid='aid-review-reason' />
                </FormField>
                <View className='staff-actions'>
                  <Button type='primary' loading={busy} onClick={() => void review('approve')} data-testid='aid-approve'>
                    同意
                  </Button>
                  <Button fill='outline' loading={busy} onClick={() => void review('reject')}>
                    不同意
                  </Button>
                </View>
              </View>
            )}
            {a.canWithdraw && (
              <View className='card'>
                <Text className='hint'>工作人员审核之前，您可以撤回这份申请。</Text>
                <Button block fill='outline' loading={busy} onClick={() => void withdraw()} data-testid='aid-withdraw'>
                  撤回申请
                </Button>
              </View>
            )}
            {a.canPay && (
              <View className='card'>
                <FormField label='发放日期' required error={errors.date} hint='格式 年-月-日'>
                  <Input value={date} maxLength={10} onChange={setDate} data-testid='aid-pay-date' />
                </FormField>
                <FormField label='凭证号' required error={errors.reference} hint='银行回单号或财务凭证号'>
                  <Input value={reference} maxLength={60} onChange={setReference} data-testid='aid-pay-reference' />
                </FormField>
                <Button block type='primary' loading={busy} onClick={() => void pay()} data-testid='aid-pay'>
                  登记发放
                </Button>
              </View>
            )}
          </>
        )}
      </LoadState>
    </PageShell>
  )
}
