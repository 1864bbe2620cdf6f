import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import { Category, Gift, Health, Heart, Location, Order, Service, Setting, UserAdd } from '@nutui/icons-react-taro'
import { EntryGrid, type Entry } from '@/components/entry-grid'
import { EmergencyEntry } from '@/components/emergency-entry'
import { PageShell } from '@/components/page-shell'
import { useMe } from '@/hooks/use-me'
import { useRemote } from '@/hooks/use-remote'
import { userService } from '@/services/user'
import { CommunityLive } from './components/community-live'
import { Welcome, welcomeSeen } from './components/welcome'
import { useUnreadBadge } from '@/hooks/use-unread-badge'
import { areas, pages, tabs } from '@/routes'
import './index.scss'

const ICON = { size: 28, color: '#c8102e' }

/** The entries, named for what each person can do there: a member opens their card, not 申请入会. */
const entriesFor = (roles: readonly string[]): Entry[] => [
  { label: roles.includes('member') ? '我的会员证' : '申请入会', icon: <UserAdd {...ICON} />, url: areas.member },
  { label: roles.includes('volunteer') ? '志愿服务' : '注册志愿者', icon: <Service {...ICON} />, url: areas.volunteer },
  { label: '红心愿', icon: <Heart {...ICON} />, url: tabs.wish, tab: true },
  { label: '任务大厅', icon: <Order {...ICON} />, url: areas.activityHall },
  { label: '急救课堂', icon: <Health {...ICON} />, url: areas.lessons },
  { label: '找AED', icon: <Location {...ICON} />, url: areas.aed },
  { label: '互助金公开', icon: <Gift {...ICON} />, url: areas.fund },
  // The district's people have no home community: their way to the table of their communities.
  { label: '家园数据', icon: <Category {...ICON} />, url: roles.includes('district') ? pages.statsDistrict : areas.stats },
]

const STAFF_ENTRY: Entry = { label: '工作台', icon: <Setting {...ICON} />, url: areas.staff }

export default function HomePage() {
  useUnreadBadge()
  const { data: me, reload } = useMe()
  // First use: ask for the home community once, before anything else on the home tab.
  const [welcoming, setWelcoming] = useState(() => !welcomeSeen())
  const showWelcome = welcoming && !!me && !me.homeCommunityId
  const communities = useRemote(() => (showWelcome ? userService.communities() : Promise.resolve([])), [showWelcome])
  const community = me?.communities[0]?.name
  const liveCommunityId = me?.homeCommunityId ?? me?.communities[0]?._id
  const roles = me?.roles ?? []
  const entries = roles.includes('staff') ? [...entriesFor(roles), STAFF_ENTRY] : entriesFor(roles)
  return (
    <PageShell>
      <EmergencyEntry />
      {liveCommunityId && <CommunityLive communityId={liveCommunityId} />}
      {showWelcome && communities.data && communities.data.length > 0 && (
        <Welcome
          communities={communities.data}
          onDone={() => {
            setWelcoming(false)
            void reload()
          }}
        />
      )}
      <View className='home-banner'>
        <Text className='home-banner__title'>博爱家园</Text>
        <Text className='home-banner__subtitle'>{community ? `${community} · 红十字服务站` : '红十字社区服务站'}</Text>
        <Text className='home-banner__motto'>人道 · 博爱 · 奉献</Text>
      </View>
      <Text className='section-title'>社区服务</Text>
      <EntryGrid entries={entries} />
      <Text className='section-title'>关于博爱家园</Text>
      <View className='card'>
        <Text className='hint'>
          博爱家园是红十字会在社区的服务站：入会与志愿服务、红心愿互助、应急救护学习、身边的AED，都可以在这里办理。
        </Text>
      </View>
    </PageShell>
  )
}
