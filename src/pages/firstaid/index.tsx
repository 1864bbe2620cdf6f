import { View, Text } from '@tarojs/components'
import { Health, Location, Service } from '@nutui/icons-react-taro'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { EntryGrid } from '@/components/entry-grid'
import { EmergencyEntry } from '@/components/emergency-entry'
import { PageShell } from '@/components/page-shell'
import { useRemote } from '@/hooks/use-remote'
import { useUnreadBadge } from '@/hooks/use-unread-badge'
import { areas } from '@/routes'
import { lessonService } from '@/services/lesson'
import './index.scss'

const ICON = { size: 28, color: '#c8102e' }

export default function FirstAidPage() {
  useUnreadBadge()
  const lessons = useRemote(() => lessonService.list())
  return (
    <PageShell>
      <EmergencyEntry />
      <View className='emergency-card'>
        <Text className='emergency-card__title'>遇到紧急情况，先拨打 120</Text>
        <Button className='emergency-card__call' block type='danger' size='large' onClick={() => Taro.makePhoneCall({ phoneNumber: '120' })}>
          拨打 120
        </Button>
      </View>
      <View className='card first-aid__progress' data-testid='lesson-progress' onClick={() => Taro.navigateTo({ url: areas.lessons })}>
        <Text className='section-title'>我的学习进度</Text>
        <Text className='hint'>{lessons.data ? `已学完 ${lessons.data.passed} / ${lessons.data.items.length} 课，继续加油` : '心肺复苏、AED、海姆立克急救法……'}</Text>
      </View>
      <Text className='section-title'>学急救 · 找AED</Text>
      <EntryGrid
        columns={3}
        entries={[
          { label: '急救课堂', icon: <Health {...ICON} />, url: areas.lessons },
          { label: '附近的AED', icon: <Location {...ICON} />, url: areas.aed },
          { label: '培训报名', icon: <Service {...ICON} />, url: areas.training },
        ]}
      />
      <Text className='hint first-aid__note'>本程序的急救知识仅供学习参考，不能替代红十字会的正规救护培训。</Text>
    </PageShell>
  )
}
