import { View, Text } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { formatChinaTime } from '@/domain/dates'
import type { LedgerEntry } from '@/domain/volunteer/contract'
import { LEDGER_SOURCE_LABELS } from '@/domain/volunteer/ledger'
import './ledger-row.scss'

const signed = (hours: number) => (hours > 0 ? `+${hours}` : `${hours}`)

/** One credit or correction of service hours: where from, when, how much, and why for corrections. */
export function LedgerRow({ entry }: { entry: LedgerEntry }) {
  return (
    <View className='ledger-row' data-testid='ledger-row'>
      <View className='ledger-row__main'>
        <View className='ledger-row__head'>
          <Tag type={entry.source === 'correction' ? 'warning' : 'primary'}>{LEDGER_SOURCE_LABELS[entry.source]}</Tag>
          <Text className='ledger-row__title'>{entry.title}</Text>
        </View>
        <Text className='hint' data-testid='ledger-service'>
          服务日期 {entry.serviceFrom === entry.serviceDate ? entry.serviceDate : `${entry.serviceFrom} 至 ${entry.serviceDate}`} · {entry.place}
        </Text>
        <Text className='hint'>
          {formatChinaTime(entry.at)} 由 {entry.creditedBy} 记录 · {entry.communityName}
        </Text>
        {entry.source === 'correction' ? <Text className='ledger-row__reason'>更正原因：{entry.reason}</Text> : entry.reason && <Text className='hint'>{entry.reason}</Text>}
      </View>
      <View className='ledger-row__amount'>
        <Text className={`ledger-row__hours ${entry.hours < 0 ? 'ledger-row__hours--minus' : ''}`}>{signed(entry.hours)} 小时</Text>
        <Text className='hint'>{signed(entry.points)} 积分</Text>
      </View>
    </View>
  )
}
