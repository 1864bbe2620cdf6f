import { View, Text } from '@tarojs/components'
import { Tabs, Tag } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { CommunityFilter } from '@/components/community-filter'
import { PagedList } from '@/components/paged-list'
import { PageShell } from '@/components/page-shell'
import { formatChinaTime } from '@/domain/dates'
import { APPLICATION_STATUS_LABELS, GENDERS, type QueueStatus } from '@/domain/member/application'
import type { ApplicationView } from '@/domain/member/contract'
import { usePagedList } from '@/hooks/use-paged-list'
import { useStaffCommunities } from '@/hooks/use-staff-communities'
import { memberService } from '@/services/member'
import './index.scss'
import { pages, withQuery } from '@/routes'

const STATUSES: QueueStatus[] = ['pending', 'approved', 'rejected', 'left']

/** The queue of applications in the staff member's communities, by status and community (ID numbers and phones masked). */
export default function ApplicationsPage() {
  const [status, setStatus] = useState<QueueStatus>('pending')
  const [communityId, setCommunityId] = useState('')
  const communities = useStaffCommunities()
  const list = usePagedList<ApplicationView>((page) => memberService.list(status, communityId, page), [status, communityId])
  return (
    <PageShell>
      <Tabs value={status} onChange={(value) => setStatus(value as QueueStatus)}>
        {STATUSES.map((s) => (
          <Tabs.TabPane key={s} value={s} title={APPLICATION_STATUS_LABELS[s]} />
        ))}
      </Tabs>
      <CommunityFilter communities={communities} value={communityId} onChange={setCommunityId} />
      <PagedList list={list} empty={`没有${APPLICATION_STATUS_LABELS[status]}的申请`}>
        {(a) => (
          <View key={a._id} className='card applications__item' data-testid='application-item' onClick={() => Taro.navigateTo({ url: withQuery(pages.staffApplication, { id: a._id }) })}>
            <View className='applications__head'>
              <Text className='applications__name'>
                {a.name} · {GENDERS[a.gender]}
              </Text>
              {a.youth && <Tag type='warning'>青少年</Tag>}
            </View>
            <Text className='hint'>
              {a.communityName} · {a.phone} · {a.idNumber}
            </Text>
            <Text className='hint'>提交于 {formatChinaTime(a.submittedAt)}</Text>
            {a.dues && <Text className='hint'>{a.dues.label}</Text>}
          </View>
        )}
      </PagedList>
    </PageShell>
  )
}
