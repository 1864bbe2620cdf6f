import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ChoiceGroup } from '@/components/choice-group'
import { CommunityFilter } from '@/components/community-filter'
import { PagedList } from '@/components/paged-list'
import { PageShell } from '@/components/page-shell'
import type { AedDetail, Readiness } from '@/domain/aed/contract'
import { usePagedList } from '@/hooks/use-paged-list'
import { useStaffCommunities } from '@/hooks/use-staff-communities'
import { aedService } from '@/services/aed'
import { pages, withQuery } from '@/routes'
import { InspectionCycles } from '../../components/inspection-cycles'
import { UnconfirmedWave } from '../../components/unconfirmed-wave'
import './index.scss'

type Show = 'all' | 'attention'
const SHOW_OPTIONS: { value: Show; label: string }[] = [
  { value: 'all', label: '全部设备' },
  { value: 'attention', label: '需要处理' },
]

const READINESS_TAGS: Record<Readiness, string> = { ready: '设备正常', warning: '需要处理', out_of_service: '可能无法使用' }

/**
 * The AEDs of the staff member's communities: waves of unconfirmed reports, suggestions and devices
 * needing attention first (or only those: 需要处理), narrowed to one community, then the inspection cycles.
 */
export default function AedManagePage() {
  const [show, setShow] = useState<Show>('all')
  const [communityId, setCommunityId] = useState('')
  const list = usePagedList<AedDetail>((page) => aedService.manageList(page, { communityId, attention: show === 'attention' }), [show, communityId])
  const communities = useStaffCommunities()
  return (
    <PageShell className='aed-manage'>
      <Button block type='primary' className='aed-manage__add' onClick={() => Taro.navigateTo({ url: pages.staffAedEdit })}>
        登记一台AED
      </Button>
      {communities.map((c) => (
        <UnconfirmedWave key={c._id} communityId={c._id} name={c.name} onChanged={() => void list.refresh()} />
      ))}
      <View className='aed-manage__filters'>
        <ChoiceGroup options={SHOW_OPTIONS} value={show} onChange={(v) => setShow(v as Show)} testId='aed-show' />
      </View>
      <CommunityFilter communities={communities} value={communityId} onChange={setCommunityId} />
      <PagedList list={list} empty={show === 'attention' ? '没有需要处理的设备，全部正常' : '本社区还没有登记AED'}>
        {(aed) => (
          <View key={aed._id} className='card' data-testid='managed-aed' onClick={() => Taro.navigateTo({ url: withQuery(pages.aedDetail, { id: aed._id }) })}>
            <Text className='section-title'>{aed.name}</Text>
            <Text className='aed-manage__where'>
              {aed.communityName} · {aed.landmark}
            </Text>
            <View className='aed-manage__tags'>
              <Text className={`aed-manage__tag aed-manage__tag--${aed.readiness}`}>{READINESS_TAGS[aed.readiness]}</Text>
              {aed.openReports > 0 && <Text className='aed-manage__tag aed-manage__tag--out_of_service'>{aed.openReports} 条问题报告</Text>}
            </View>
            {aed.reasons.length > 0 && <Text className='aed-manage__reasons'>{aed.reasons.join('；')}</Text>}
          </View>
        )}
      </PagedList>
      <InspectionCycles />
    </PageShell>
  )
}
