import { View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ChoiceGroup } from '@/components/choice-group'
import { FormField } from '@/components/form-field'
import { todayInChina } from '@/domain/dates'
import type { FundProject } from '@/domain/fund/contract'
import type { EntryKind } from '@/domain/fund/chain'
import { ANONYMOUS, CHANNELS, EXPENSE_CATEGORIES, formatYuan, INCOME_CATEGORIES, yuanToFen, type Channel, type FundCategory } from '@/domain/fund/rules'
import { fundService } from '@/services/fund'
import { newRequestId, useSubmit } from '@/hooks/use-submit'

const KINDS = [
  { value: 'income', label: '收入（捐赠到账）' },
  { value: 'expense', label: '支出（直接救助）' },
] as const

/** 记一笔: staff record money that arrived (or went out); once recorded it is public and never edited. */
export function RecordForm({ communityId, projects, onRecorded }: { communityId: string; projects: FundProject[]; onRecorded(): void }) {
  const [kind, setKind] = useState<EntryKind>('income')
  const [amount, setAmount] = useState('')
  const [date, setDate] = useState(todayInChina())
  const [category, setCategory] = useState<FundCategory>()
  const [party, setParty] = useState('')
  const [channel, setChannel] = useState<Channel>('银行转账')
  const [reference, setReference] = useState('')
  const [note, setNote] = useState('')
  const [projectId, setProjectId] = useState('')
  const [requestId, setRequestId] = useState(newRequestId)
  const { busy, errors, setErrors, run } = useSubmit()
  const income = kind === 'income'

  const submit = async () => {
    const amountFen = yuanToFen(amount)
    if (!amountFen) {
      setErrors({ amountFen: '请填写金额（元），最多两位小数' })
      return
    }
    const who = income ? party.trim() || ANONYMOUS : party.trim()
    const { confirm } = await Taro.showModal({
      title: income ? '登记收入' : '登记支出',
      content: `${income ? '收到' : '支出'} ${formatYuan(amountFen)} 元（${who}）。登记后公开，不能修改，只能冲正。`,
      confirmText: '登记',
      cancelText: '再看看',
    })
    if (!confirm) return
    const entry = await run(
      () => fundService.record({ communityId, kind, amountFen, date, category: category ?? ('' as FundCategory), party: party.trim(), channel, reference: reference.trim(), note: note.trim(), projectId: projectId || null, requestId }),
      '未能登记',
    )
    if (!entry) return
    setAmount('')
    setParty('')
    setReference('')
    setNote('')
    setRequestId(newRequestId())
    await Taro.showToast({ title: `已登记第 ${entry.seq} 条`, icon: 'success' })
    onRecorded()
  }

  return (
    <View className='card' data-testid='fund-record'>
      <FormField label='收入还是支出' required>
        <ChoiceGroup options={KINDS} value={kind} onChange={(value) => { setKind(value as EntryKind); setCategory(undefined) }} testId='record-kind' />
      </FormField>
      <FormField label='金额（元）' required error={errors.amountFen}>
        <Input value={amount} type='digit' placeholder='例如 500 或 500.50' onChange={setAmount} data-testid='record-amount' />
      </FormField>
      <FormField label='日期' required error={errors.date} hint='钱到账或付出的日期，格式 年-月-日'>
        <Input value={date} maxLength={10} onChange={setDate} data-testid='record-date' />
      </FormField>
      <FormField label='类别' required error={errors.category}>
        <ChoiceGroup options={(income ? INCOME_CATEGORIES : EXPENSE_CATEGORIES).map((c) => ({ value: c, label: c }))} value={category} onChange={(value) => setCategory(value as FundCategory)} testId='record-category' />
      </FormField>
      <FormField label={income ? '捐赠人' : '受助人姓名'} required={!income} error={errors.party} hint={income ? '不填即公开为“匿名”' : '公开时只显示姓氏，如 张**'}>
        <Input value={party} maxLength={40} onChange={setParty} data-testid='record-party' />
      </FormField>
      <FormField label='渠道' required error={errors.channel} hint='网上捐款只通过民政部指定的募捐平台，本程序不收款'>
        <ChoiceGroup options={CHANNELS.map((c) => ({ value: c, label: c }))} value={channel} onChange={(value) => setChannel(value as Channel)} testId='record-channel' />
      </FormField>
      <FormField label='凭证号或审批号' required error={errors.reference}>
        <Input value={reference} maxLength={60} onChange={setReference} data-testid='record-reference' />
      </FormField>
      <FormField label='公开说明' error={errors.note} hint='选填，会公开显示，请勿写电话、住址'>
        <Input value={note} maxLength={100} onChange={setNote} data-testid='record-note' />
      </FormField>
      {projects.length > 0 && (
        <FormField label='所属项目' error={errors.projectId}>
          <ChoiceGroup options={[{ value: '', label: '不属于项目' }, ...projects.map((p) => ({ value: p._id, label: p.title }))]} value={projectId} onChange={(value) => setProjectId(value as string)} />
        </FormField>
      )}
      <Button block type='primary' loading={busy} onClick={() => void submit()} data-testid='record-submit'>
        登记
      </Button>
    </View>
  )
}
