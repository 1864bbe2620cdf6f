import { View, Text } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { AID_STATUS_LABELS } from '@/domain/fund/aid'
import type { AidRequest } from '@/domain/fund/contract'
import { formatYuan } from '@/domain/fund/rules'
import { withQuery } from '@/routes'
import { fundPages } from '../routes'
import './aid-card.scss'

/** An aid request in a list; tapping it opens its progress. */
export function AidCard({ aid }: { aid: AidRequest }) {
  return (
    <View className='card' data-testid='fund-aid' onClick={() => void Taro.navigateTo({ url: withQuery(fundPages.aid, { id: aid._id }) })}>
      <View className='fund-aid__head'>
        <Text className='fund-aid__title'>
          {aid.category}救助 · {formatYuan(aid.amountFen)} 元
        </Text>
        <Tag type={aid.status === 'rejected' || aid.status === 'withdrawn' ? 'default' : 'primary'}>{AID_STATUS_LABELS[aid.status]}</Tag>
      </View>
      <Text className='hint'>
        {aid.communityName} · {aid.name} · 已同意 {aid.approvals}/{aid.approvalsNeeded}
        {aid.onBehalf && ' · 工作人员代为登记'}
      </Text>
    </View>
  )
}
