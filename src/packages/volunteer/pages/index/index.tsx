import { View, Text } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import Taro, { useDidShow } from '@tarojs/taro'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { slotLabel, VOLUNTEER_STATUS_LABELS, VOLUNTEER_STATUS_TONES } from '@/domain/volunteer/profile'
import { useRemote } from '@/hooks/use-remote'
import { volunteerService } from '@/services/volunteer'
import './index.scss'
import { pages } from '@/routes'

/** 志愿者: the volunteer's profile with hours and points, or how to register. */
export default function VolunteerHomePage() {
  const { data, error, loading, reload } = useRemote(() => volunteerService.mine())
  useDidShow(() => {
    if (data) void reload()
  })
  const profile = data?.profile
  return (
    <PageShell>
      <LoadState loading={loading && !data} error={data ? undefined : error} onRetry={reload}>
        {!profile && data && (
          <View className='card'>
            <Text className='section-title'>成为社区志愿者</Text>
            <Text className='hint'>认领邻居的红心愿、参加社区志愿活动，服务时长和积分都会记录下来，可以兑换嘉许回馈。</Text>
            <Button block size='large' type='primary' className='volunteer__action' onClick={() => Taro.navigateTo({ url: pages.volunteerRegister })}>
              注册志愿者
            </Button>
          </View>
        )}
        {profile && (
          <>
            <View className='volunteer__stats card' data-testid='volunteer-profile'>
              <View className='volunteer__stat'>
                <Text className='volunteer__number'>{profile.hours}</Text>
                <Text className='hint'>服务时长（小时）</Text>
              </View>
              <View className='volunteer__stat'>
                <Text className='volunteer__number'>{profile.points}</Text>
                <Text className='hint'>积分</Text>
              </View>
            </View>
            <View className='card'>
              <View className='volunteer__head'>
                <Text className='section-title'>{profile.name}</Text>
                <Tag type={VOLUNTEER_STATUS_TONES[profile.status]}>{VOLUNTEER_STATUS_LABELS[profile.status]}</Tag>
              </View>
              {profile.status === 'pending' && <Text className='hint'>{profile.communityName}的工作人员审核后，您就可以认领心愿了。</Text>}
              {profile.status === 'rejected' && (
                <>
                  <Text className='volunteer__reason'>未通过原因：{profile.rejectReason}</Text>
                  <Button block type='primary' className='volunteer__action' onClick={() => Taro.navigateTo({ url: pages.volunteerRegister })}>
                    重新注册
                  </Button>
                </>
              )}
              <Text className='hint'>所在社区：{profile.communityName}</Text>
              <Text className='hint'>服务技能：{profile.skills.join('、')}</Text>
              <Text className='hint'>有空时间：{profile.availability.map(slotLabel).join('、') || '未填写'}</Text>
              {profile.intro && <Text className='hint'>自我介绍：{profile.intro}</Text>}
            </View>
          </>
        )}
      </LoadState>
    </PageShell>
  )
}
