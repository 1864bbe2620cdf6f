import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { FundEntry } from '@/domain/fund/contract'
import { formatYuan } from '@/domain/fund/rules'
import './entry-row.scss'

/** One public ledger line: date, category, donor or masked beneficiary, amount, and whether it was corrected. */
export function EntryRow({ entry, children }: { entry: FundEntry; children?: ReactNode }) {
  const sign = entry.kind === 'income' ? '+' : '−'
  return (
    <View className='entry-row' data-testid='fund-entry'>
      <View className='entry-row__main'>
        <Text className='entry-row__party'>{entry.partyShown}</Text>
        <Text className={`entry-row__amount entry-row__amount--${entry.kind}`}>
          {entry.reverses === null ? sign : '冲正 '}
          {formatYuan(entry.amountFen)} 元
        </Text>
      </View>
      <Text className='entry-row__meta'>
        第 {entry.seq} 条 · {entry.date} · {entry.kind === 'income' ? '收入' : '支出'} · {entry.category} · {entry.channel}
      </Text>
      {entry.note && <Text className='entry-row__meta'>{entry.note}</Text>}
      {entry.reversedBy !== null && <Text className='entry-row__reversed'>已由第 {entry.reversedBy} 条冲正</Text>}
      {children}
    </View>
  )
}
