import { View, Text } from '@tarojs/components'
import { EmptyState } from '@/components/empty-state'
import { PageShell } from '@/components/page-shell'

/** The opening page of an area whose features are still being built. */
export function AreaIntro({ title, description }: { title: string; description: string }) {
  return (
    <PageShell>
      <View className='card'>
        <Text className='section-title'>{title}</Text>
        <Text className='hint'>{description}</Text>
      </View>
      <EmptyState description='这项服务正在建设中，敬请期待' />
    </PageShell>
  )
}
