import { View, Text } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { ChoiceGroup } from '@/components/choice-group'
import { FormField } from '@/components/form-field'
import { PagedList } from '@/components/paged-list'
import { PageShell } from '@/components/page-shell'
import type { AidRequest } from '@/domain/fund/contract'
import { DEFAULT_SECOND_APPROVAL_FEN, EXPENSE_CATEGORIES, formatYuan, yuanToFen, type ExpenseCategory } from '@/domain/fund/rules'
import { useMe } from '@/hooks/use-me'
import { usePagedList } from '@/hooks/use-paged-list'
import { useRemote } from '@/hooks/use-remote'
import { withQuery } from '@/routes'
import { fundService } from '@/services/fund'
import { requestSubscriptions } from '@/services/subscriptions'
import { userService } from '@/services/user'
import { AidCard } from '../../components/aid-card'
import { fundPages } from '../../routes'
import { useSubmit } from '@/hooks/use-submit'

/**
 * 申请救助: a resident asks the community's 博爱互助金 for help, and follows their requests. Staff of
 * the community can also enter the request of someone who does not use the app (代为登记).
 */
export default function FundApplyPage() {
  const communities = useRemote(() => userService.communities())
  const me = useMe()
  const [communityId, setCommunityId] = useState(useRouter().params.id)
  const [onBehalf, setOnBehalf] = useState(false)
  const isStaffHere = !!communityId && !!me.data?.staffCommunityIds.includes(communityId)
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [category, setCategory] = useState<ExpenseCategory>()
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const { busy, errors, setErrors, run } = useSubmit()
  const mine = usePagedList<AidRequest>((page) => fundService.myAid(page))
  useEffect(() => {
    if (!communityId && communities.data?.[0]) setCommunityId(communities.data[0]._id)
  }, [communityId, communities.data])

  const submit = async () => {
    const behalf = isStaffHere && onBehalf
    const subscribing = behalf ? Promise.resolve() : requestSubscriptions('fundAidApply')
    const amountFen = yuanToFen(amount)
    if (amountFen === null || amountFen === 0) {
      setErrors({ amountFen: '请填写申请金额（元），最多两位小数' })
      return
    }
    const { confirm } = await Taro.showModal({ title: '提交申请', content: `${behalf ? `代${name || '居民'}` : ''}向${communities.data?.find((c) => c._id === communityId)?.name ?? '社区'}博爱互助金申请 ${formatYuan(amountFen)} 元？`, confirmText: '提交', cancelText: '再看看' })
    if (!confirm) return
    await subscribing
    const aid = await run(() => fundService.apply({ communityId: communityId ?? '', name, phone, category: category ?? ('' as ExpenseCategory), amountFen, reason, onBehalf: behalf }), '未能提交')
    if (aid) await Taro.redirectTo({ url: withQuery(fundPages.aid, { id: aid._id }) })
  }

  return (
    <PageShell>
      <View className='card'>
        <Text className='hint'>
          您的申请只有您本人和社区红十字工作人员能看到。超过 {formatYuan(DEFAULT_SECOND_APPROVAL_FEN)} 元的申请需两位工作人员同意。发放后，账本只公开姓氏（如 张**）。
        </Text>
        <FormField label='社区' required error={errors.communityId}>
          <ChoiceGroup options={(communities.data ?? []).map((c) => ({ value: c._id, label: c.name }))} value={communityId} onChange={(value) => setCommunityId(value as string)} testId='aid-community' />
        </FormField>
        {isStaffHere && (
          <FormField label='为谁申请' hint={onBehalf ? '居民不用小程序时由您登记；您不能审核这份申请，结果请当面或电话告知居民。' : undefined}>
            <ChoiceGroup
              options={[
                { value: 'self', label: '我自己' },
                { value: 'behalf', label: '代居民登记' },
              ]}
              value={onBehalf ? 'behalf' : 'self'}
              onChange={(value) => setOnBehalf(value === 'behalf')}
              testId='aid-behalf'
            />
          </FormField>
        )}
        <FormField label='受助人姓名' required error={errors.name}>
          <Input value={name} maxLength={20} placeholder='真实姓名' onChange={setName} data-testid='aid-name' />
        </FormField>
        <FormField label='联系电话' required error={errors.phone} hint={onBehalf && isStaffHere ? '受助人或其家属的电话' : '工作人员核实情况时联系您'}>
          <Input value={phone} type='digit' maxLength={11} placeholder='11位手机号' onChange={setPhone} data-testid='aid-phone' />
        </FormField>
        <FormField label='救助类别' required error={errors.category}>
          <ChoiceGroup options={EXPENSE_CATEGORIES.map((c) => ({ value: c, label: c }))} value={category} onChange={(value) => setCategory(value as ExpenseCategory)} testId='aid-category' />
        </FormField>
        <FormField label='申请金额（元）' required error={errors.amountFen}>
          <Input value={amount} type='digit' placeholder='例如 3000' onChange={setAmount} data-testid='aid-amount' />
        </FormField>
        <FormField label='申请理由' required error={errors.reason} hint='家里遇到了什么困难，需要这笔钱做什么' count={{ value: reason, max: 500 }}>
          <TextArea value={reason} maxLength={500} placeholder='请写清楚情况' onChange={setReason} data-testid='aid-reason' />
        </FormField>
        <Button block type='primary' loading={busy} onClick={() => void submit()} data-testid='aid-submit'>
          提交申请
        </Button>
      </View>
      <Text className='section-title'>我的申请</Text>
      <PagedList list={mine} empty='您还没有申请过'>
        {(aid) => <AidCard key={aid._id} aid={aid} />}
      </PagedList>
    </PageShell>
  )
}
