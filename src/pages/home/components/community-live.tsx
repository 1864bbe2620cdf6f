import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { LoadState } from '@/components/load-state'
import { formatChinaTime } from '@/domain/dates'
import { formatYuan } from '@/domain/fund/rules'
import { useRemote } from '@/hooks/use-remote'
import { areas, pages, withQuery } from '@/routes'
import { communityHomeOf } from '@/services/session'
import './community-live.scss'

const open = (url: string) => () => void Taro.navigateTo({ url })

/** What is happening in the community now, each line opening its page: activities, wishes, the fund, 家园数据. */
export function CommunityLive({ communityId }: { communityId: string }) {
  const home = useRemote((fresh) => communityHomeOf(communityId, { fresh }), [communityId])
  const h = home.data
  return (
    <LoadState loading={home.loading && !h} error={h ? undefined : home.error} onRetry={home.reload}>
      {h && (
        <View className='community-live' data-testid='home-live'>
          <Text className='section-title'>{h.communityName}近期活动</Text>
          <View className='card'>
            {h.activities.length === 0 && <Text className='hint'>近期没有活动，可以去任务大厅看看。</Text>}
            {h.activities.map((a) => (
              <View key={a._id} className='community-live__row' onClick={open(withQuery(pages.activityDetail, { id: a._id }))} data-testid='home-activity'>
                <Text className='community-live__title'>{a.title}</Text>
                <Text className='community-live__meta'>
                  {formatChinaTime(a.startAt, 'M月D日 HH:mm')} · {a.address}
                </Text>
              </View>
            ))}
          </View>

          <Text className='section-title'>等待帮助的心愿</Text>
          <View className='card'>
            {h.wishes.length === 0 && <Text className='hint'>现在没有等待帮助的心愿。</Text>}
            {h.wishes.map((w) => (
              <View key={w._id} className='community-live__row' onClick={open(withQuery(pages.wishDetail, { id: w._id }))} data-testid='home-wish'>
                <Text className='community-live__title'>{w.title}</Text>
                <Text className='community-live__meta'>{w.category}</Text>
              </View>
            ))}
          </View>

          <Text className='section-title'>家园数据</Text>
          <View className='community-live__figures'>
            <View className='community-live__figure' onClick={open(withQuery(areas.fund, { id: communityId }))} data-testid='home-fund'>
              <Text className='community-live__value'>{formatYuan(h.fundBalanceFen)}</Text>
              <Text className='community-live__label'>互助金余额（元）</Text>
            </View>
            {(
              [
                ['红十字会员', `${h.figures.members}`],
                ['志愿者', `${h.figures.volunteers}`],
                [`${h.year}年服务小时`, `${h.figures.hours}`],
              ] as const
            ).map(([label, value]) => (
              <View key={label} className='community-live__figure' onClick={open(withQuery(areas.stats, { id: communityId }))} data-testid='home-figure'>
                <Text className='community-live__value'>{value}</Text>
                <Text className='community-live__label'>{label}</Text>
              </View>
            ))}
          </View>
        </View>
      )}
    </LoadState>
  )
}
