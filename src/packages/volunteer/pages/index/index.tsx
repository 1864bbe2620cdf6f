import { View, Text } from '@tarojs/components'
import { Button, Cell, Tag } from '@nutui/nutui-react-taro'
import Taro, { useDidShow } from '@tarojs/taro'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { isRegisteredVolunteer, slotLabel, VOLUNTEER_STATUS_LABELS, VOLUNTEER_STATUS_TONES } from '@/domain/volunteer/profile'
import { useRemote } from '@/hooks/use-remote'
import { confirmThen } from '@/hooks/confirm-then'
import { volunteerService } from '@/services/volunteer'
import { MyRecords } from '../../components/my-records'
import { OtherCommunities } from '../../components/other-communities'
import './index.scss'
import { areas, pages, withQuery } from '@/routes'

const go = (url: string) => () => Taro.navigateTo({ url })

/**
 * 我的志愿: hours, points and this year's hours; every credit with where it came from; sign-ups;
 * certificates, the honour board and the points rules. Or how to register.
 */
export default function VolunteerHomePage() {
  const { data, error, loading, reload } = useRemote(() => volunteerService.mine())
  useDidShow(() => {
    if (data) void reload()
  })
  const profile = data?.profile
  // The person's own: asked once more, then taken back while it still waits.
  const withdraw = async () => {
    const ask = { title: '撤回注册', content: '撤回后工作人员不再审核您的志愿者注册，以后还可以重新注册。确定撤回吗？', confirmText: '撤回', done: '已撤回', failTitle: '未能撤回' }
    if ((await confirmThen(ask, () => volunteerService.withdraw())) !== 'cancelled') await reload()
  }
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
                <Text className='volunteer__number' data-testid='volunteer-hours'>{data.totals?.hours ?? profile.hours}</Text>
                <Text className='volunteer__label'>累计时长（小时）</Text>
              </View>
              <View className='volunteer__stat'>
                <Text className='volunteer__number' data-testid='volunteer-year-hours'>{data.totals?.yearHours ?? 0}</Text>
                <Text className='volunteer__label'>今年时长（小时）</Text>
              </View>
              <View className='volunteer__stat'>
                <Text className='volunteer__number' data-testid='volunteer-points'>{data.totals?.points ?? profile.points}</Text>
                <Text className='volunteer__label'>积分</Text>
              </View>
            </View>
            <Cell.Group>
              <Cell title='任务大厅' description='可以认领的心愿和可以报名的活动' clickable onClick={go(areas.activityHall)} />
              <Cell title='志愿服务证明' description='申请服务记录证明，由社区红十字会出具' clickable onClick={go(pages.volunteerCertificate)} />
              <Cell title='光荣榜' description='本社区本月、本年的服务时长排名' clickable onClick={go(withQuery(pages.volunteerHonour, { communityId: profile.communityId }))} />
              <Cell title='积分规则' description='积分怎么来、有什么用、会不会过期' clickable onClick={go(pages.volunteerPoints)} />
            </Cell.Group>
            <View className='card'>
              <View className='volunteer__head'>
                <Text className='section-title'>{profile.name}</Text>
                <Tag type={VOLUNTEER_STATUS_TONES[profile.status]} data-testid='volunteer-standing'>
                  {isRegisteredVolunteer(profile.status, data.totals?.yearHours ?? 0) ? '注册志愿者' : VOLUNTEER_STATUS_LABELS[profile.status]}
                </Tag>
              </View>
              {profile.status === 'pending' && (
                <>
                  <Text className='hint'>{profile.communityName}的工作人员审核后，您就可以认领心愿了。审核前可以撤回。</Text>
                  <Button block type='danger' fill='outline' className='volunteer__action' onClick={() => void withdraw()} data-testid='withdraw-volunteer'>
                    撤回注册
                  </Button>
                </>
              )}
              {(profile.status === 'rejected' || profile.status === 'withdrawn') && (
                <>
                  {profile.status === 'rejected' && <Text className='volunteer__reason'>未通过原因：{profile.rejectReason}</Text>}
                  <Button block type='primary' className='volunteer__action' onClick={() => Taro.navigateTo({ url: pages.volunteerRegister })}>
                    重新注册
                  </Button>
                </>
              )}
              <Text className='hint'>所在社区：{profile.communityName}</Text>
              <Text className='hint'>服务技能：{profile.skills.join('、')}</Text>
              <Text className='hint'>有空时间：{profile.availability.map(slotLabel).join('、') || '未填写'}</Text>
              {profile.intro && <Text className='hint'>自我介绍：{profile.intro}</Text>}
              {(profile.status === 'pending' || profile.status === 'active') && (
                <Button block className='volunteer__action' onClick={() => Taro.navigateTo({ url: withQuery(pages.volunteerRegister, { edit: '1' }) })}>
                  修改资料
                </Button>
              )}
            </View>
            <OtherCommunities profile={profile} onChanged={() => void reload()} />
            <MyRecords />
          </>
        )}
      </LoadState>
    </PageShell>
  )
}
