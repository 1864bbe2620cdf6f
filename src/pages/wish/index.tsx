import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { EmptyState } from '@/components/empty-state'
import { PageShell } from '@/components/page-shell'
import { areas } from '@/routes'

export default function WishTabPage() {
  return (
    <PageShell>
      <View className='card'>
        <Text className='section-title'>红心愿 · 你说我做</Text>
        <Text className='hint'>
          生活中有小小的困难？写下您的心愿，社区志愿者会认领并帮您实现：陪同就医、修灯换锁、学业辅导……
        </Text>
      </View>
      <EmptyState description='心愿墙正在筹备中，很快与大家见面' />
      <Button block type='primary' onClick={() => Taro.navigateTo({ url: areas.wish })}>
        了解红心愿
      </Button>
    </PageShell>
  )
}
