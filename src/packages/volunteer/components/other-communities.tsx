import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { VolunteerProfile } from '@/domain/volunteer/contract'
import { useRemote } from '@/hooks/use-remote'
import { messageOf } from '@/services/service-error'
import { userService } from '@/services/user'
import { volunteerService } from '@/services/volunteer'

/**
 * 到其他社区服务: the other communities, where the volunteer already serves, waits for approval, or
 * can ask to (a community that reviews its volunteers reviews outsiders too).
 */
export function OtherCommunities({ profile, onChanged }: { profile: VolunteerProfile; onChanged(): void }) {
  const communities = useRemote(() => userService.communities())
  const [busy, setBusy] = useState<string>()
  const others = (communities.data ?? []).filter((c) => c._id !== profile.communityId)
  if (profile.status !== 'active' || others.length === 0) return null

  const join = async (communityId: string) => {
    setBusy(communityId)
    try {
      const saved = await volunteerService.join(communityId)
      await Taro.showToast({ title: saved.pendingIn.includes(communityId) ? '已申请，等待审核' : '已加入', icon: 'success' })
      onChanged()
    } catch (failure) {
      await Taro.showModal({ title: '申请未完成', content: messageOf(failure), showCancel: false, confirmText: '知道了' })
    } finally {
      setBusy(undefined)
    }
  }

  return (
    <View className='card' data-testid='other-communities'>
      <Text className='section-title'>到其他社区服务</Text>
      <Text className='hint'>需要审核的社区，工作人员同意后您才能在那里认领心愿、报名活动。</Text>
      {others.map((c) => (
        <View key={c._id} className='volunteer__head'>
          <Text className='volunteer__label'>{c.name}</Text>
          {profile.activeIn.includes(c._id) ? (
            <Text className='hint'>已加入</Text>
          ) : profile.pendingIn.includes(c._id) ? (
            <Text className='hint'>审核中</Text>
          ) : (
            <Button loading={busy === c._id} onClick={() => join(c._id)}>
              申请加入
            </Button>
          )}
        </View>
      ))}
    </View>
  )
}
