import { View, Text } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import Taro, { useDidShow } from '@tarojs/taro'
import { PagedList } from '@/components/paged-list'
import { PageShell } from '@/components/page-shell'
import type { AedDetail } from '@/domain/aed/contract'
import { usePagedList } from '@/hooks/use-paged-list'
import { aedService } from '@/services/aed'
import { pages, withQuery } from '@/routes'

/** The AEDs of the staff member's communities: suggestions and devices needing attention first. */
export default function AedManagePage() {
  const list = usePagedList<AedDetail>((page) => aedService.manageList(page))
  useDidShow(() => {
    if (list.last) void list.refresh()
  })
  return (
    <PageShell>
      <Button block type='primary' className='aed-manage__add' onClick={() => Taro.navigateTo({ url: pages.staffAedEdit })}>
        登记一台AED
      </Button>
      <PagedList list={list} empty='本社区还没有登记AED'>
        {(aed) => (
          <View key={aed._id} className='card' data-testid='managed-aed' onClick={() => Taro.navigateTo({ url: withQuery(pages.aedDetail, { id: aed._id }) })}>
            <Text className='section-title'>{aed.name}</Text>
            <Text className='hint'>
              {aed.communityName} · {aed.landmark}
            </Text>
            <View className='staff-actions'>
              {!aed.verified && <Tag type='warning'>居民建议，待核实</Tag>}
              {aed.openReports > 0 && <Tag type='danger'>{aed.openReports} 条问题报告</Tag>}
              {aed.reasons.map((w) => (
                <Tag key={w} type='danger' plain>
                  {w}
                </Tag>
              ))}
            </View>
          </View>
        )}
      </PagedList>
    </PageShell>
  )
}
