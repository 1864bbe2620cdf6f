import { View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { FormField } from '@/components/form-field'
import { PagedList } from '@/components/paged-list'
import type { FundEntry } from '@/domain/fund/contract'
import { formatYuan } from '@/domain/fund/rules'
import { usePagedList } from '@/hooks/use-paged-list'
import { fundService } from '@/services/fund'
import { EntryRow } from './entry-row'
import { newRequestId, useSubmit } from '@/hooks/use-submit'

/** One entry with what staff can do to it: 冲正 (a new cancelling entry) and, for a donation, 开具捐赠证明. */
function StaffEntry({ entry, onChanged }: { entry: FundEntry; onChanged(): void }) {
  const [reversing, setReversing] = useState(false)
  const [reason, setReason] = useState('')
  const [requestId] = useState(newRequestId)
  const { busy, errors, run } = useSubmit()
  const open = entry.reverses === null && entry.reversedBy === null

  const reverse = async () => {
    const { confirm } = await Taro.showModal({ title: '冲正', content: `将登记一笔新账目，抵消第 ${entry.seq} 条（${formatYuan(entry.amountFen)} 元）。原账目保留并公开。`, confirmText: '冲正', cancelText: '再想想' })
    if (confirm && (await run(() => fundService.reverse(entry._id, reason.trim(), requestId), '未能冲正'))) onChanged()
  }

  const receipt = async () => {
    const issued = await run(() => fundService.issueReceipt(entry._id), '未能开具')
    if (issued) await Taro.showModal({ title: '捐赠证明已开具', content: `核验码 ${issued.code}\n请把核验码告诉捐赠人，任何人都可以在“核验捐赠证明”中查验。`, showCancel: false, confirmText: '知道了' })
  }

  return (
    <EntryRow entry={entry}>
      {open && (
        <View className='staff-actions'>
          {entry.kind === 'income' && (
            <Button fill='outline' loading={busy} onClick={() => void receipt()} data-testid='entry-receipt'>
              开具捐赠证明
            </Button>
          )}
          <Button fill='outline' onClick={() => setReversing(!reversing)}>
            冲正
          </Button>
        </View>
      )}
      {reversing && (
        <View>
          <FormField label='冲正原因' required error={errors.reason} hint='会公开显示'>
            <TextArea value={reason} maxLength={100} onChange={setReason} />
          </FormField>
          <Button block type='primary' loading={busy} onClick={() => void reverse()}>
            确认冲正
          </Button>
        </View>
      )}
    </EntryRow>
  )
}

/** The community's newest entries, for staff. */
export function StaffEntries({ communityId, version }: { communityId: string; version: number }) {
  const list = usePagedList<FundEntry>((page) => fundService.entries(communityId, {}, page), [communityId, version])
  return (
    <View className='card'>
      <PagedList list={list} empty='还没有账目'>
        {(entry) => <StaffEntry key={entry._id} entry={entry} onChanged={() => void list.refresh()} />}
      </PagedList>
    </View>
  )
}
