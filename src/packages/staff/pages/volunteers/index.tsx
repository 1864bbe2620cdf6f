import { View, Text } from '@tarojs/components'
import { Button, Tabs, TextArea } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { CommunityFilter } from '@/components/community-filter'
import { PagedList } from '@/components/paged-list'
import { PageShell } from '@/components/page-shell'
import { formatChinaTime } from '@/domain/dates'
import { slotLabel, VOLUNTEER_STATUS_LABELS, type ListedVolunteerStatus } from '@/domain/volunteer/profile'
import type { VolunteerProfile } from '@/domain/volunteer/contract'
import { usePagedList } from '@/hooks/use-paged-list'
import { useStaffCommunities } from '@/hooks/use-staff-communities'
import { pages, withQuery } from '@/routes'
import { messageOf } from '@/services/service-error'
import { volunteerService } from '@/services/volunteer'

const STATUSES: ListedVolunteerStatus[] = ['pending', 'active', 'rejected']

/**
 * Volunteers waiting for approval in communities that check new volunteers first: new
 * registrations, and volunteers of other communities who asked to serve in these; and, by
 * status, those already decided. By community too.
 */
export default function VolunteerReviewPage() {
  const [status, setStatus] = useState<ListedVolunteerStatus>('pending')
  const [communityId, setCommunityId] = useState('')
  const mine = useStaffCommunities()
  const list = usePagedList<VolunteerProfile>((page) => volunteerService.list(status, communityId, page), [status, communityId])
  /** The community an outsider asks to join here, or undefined for a registration in their own. */
  const joining = (volunteer: VolunteerProfile) => (status !== 'pending' || volunteer.status === 'pending' ? undefined : mine.find((c) => volunteer.pendingIn.includes(c._id)))
  const [rejecting, setRejecting] = useState<string>()
  const [reason, setReason] = useState('')

  const decide = async (volunteer: VolunteerProfile, decision: 'approve' | 'reject') => {
    if (decision === 'reject' && reason.trim().length < 2) {
      await Taro.showToast({ title: '请填写不通过的原因', icon: 'none' })
      return
    }
    try {
      await volunteerService.review(volunteer._id, decision, reason.trim(), joining(volunteer)?._id)
      await Taro.showToast({ title: decision === 'approve' ? '已通过' : '已退回', icon: 'success' })
      setRejecting(undefined)
      setReason('')
    } catch (error) {
      await Taro.showModal({ title: '操作未完成', content: messageOf(error), showCancel: false, confirmText: '知道了' })
    }
    await list.refresh()
  }

  return (
    <PageShell>
      <Tabs value={status} onChange={(value) => setStatus(value as ListedVolunteerStatus)}>
        {STATUSES.map((s) => (
          <Tabs.TabPane key={s} value={s} title={VOLUNTEER_STATUS_LABELS[s]} />
        ))}
      </Tabs>
      <CommunityFilter communities={mine} value={communityId} onChange={setCommunityId} />
      <PagedList list={list} empty={`没有${VOLUNTEER_STATUS_LABELS[status]}的志愿者`}>
        {(volunteer) => (
          <View key={volunteer._id} className='card' data-testid='volunteer-item'>
            <Text className='section-title'>{volunteer.name}</Text>
            <Text className='hint'>
              {volunteer.communityName} · {volunteer.phone} · 注册于 {formatChinaTime(volunteer.registeredAt)}
            </Text>
            {joining(volunteer) && <Text className='hint'>已是{volunteer.communityName}的志愿者，申请到{joining(volunteer)?.name}服务</Text>}
            <Text className='hint'>技能：{volunteer.skills.join('、')}</Text>
            <Text className='hint'>有空：{volunteer.availability.map(slotLabel).join('、') || '未填写'}</Text>
            {status === 'pending' && (
              <>
                {rejecting === volunteer._id && <TextArea value={reason} placeholder='不通过的原因（本人会看到）' onChange={setReason} maxLength={200} showCount />}
                <View className='staff-actions'>
                  <Button type='danger' fill='outline' onClick={() => (rejecting === volunteer._id ? decide(volunteer, 'reject') : setRejecting(volunteer._id))}>
                    {rejecting === volunteer._id ? '确认不通过' : '不通过'}
                  </Button>
                  <Button type='primary' onClick={() => decide(volunteer, 'approve')}>
                    通过
                  </Button>
                </View>
              </>
            )}
            {/* 紧急呼 (issue #22): a medical worker's licence is seen offline, often at this review. */}
            <Button fill='outline' onClick={() => void Taro.navigateTo({ url: withQuery(pages.rescueStaff, { volunteerId: volunteer._id, name: encodeURIComponent(volunteer.name) }) })}>
              核验医务人员身份
            </Button>
          </View>
        )}
      </PagedList>
    </PageShell>
  )
}
