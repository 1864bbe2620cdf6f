import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { LoadState } from '@/components/load-state'
import { formatChinaTime } from '@/domain/dates'
import type { Lesson } from '@/domain/firstaid/lessons'
import { useRemote } from '@/hooks/use-remote'
import { lessonService } from '@/services/lesson'
import { messageOf } from '@/services/service-error'
import './lesson-versions.scss'

type Props = { lessonId: string; onRestored(lesson: Lesson): void }

/** 历史版本: every save of the lesson (who, when, what changed); any one can be made current again. */
export function LessonVersions({ lessonId, onRestored }: Props) {
  const versions = useRemote(() => lessonService.versions(lessonId), [lessonId])
  const restore = async (versionId: string, savedAt: string) => {
    const { confirm } = await Taro.showModal({ title: '恢复这个版本？', content: `课程内容将回到 ${formatChinaTime(savedAt)} 保存时的样子；当前内容仍保留在历史版本里。`, confirmText: '恢复', cancelText: '取消' })
    if (!confirm) return
    try {
      await lessonService.restore(versionId)
      onRestored(await lessonService.full(lessonId))
      await versions.reload()
      await Taro.showToast({ title: '已恢复', icon: 'success' })
    } catch (error) {
      await Taro.showModal({ title: '未能恢复', content: messageOf(error), showCancel: false, confirmText: '知道了' })
    }
  }
  return (
    <View className='card' data-testid='lesson-versions'>
      <Text className='section-title'>历史版本</Text>
      <LoadState loading={versions.loading && !versions.data} error={versions.data ? undefined : versions.error} onRetry={versions.retry}>
        {versions.data?.items.length === 0 && <Text className='hint'>还没有保存过的版本。</Text>}
        {versions.data?.items.map((version, i) => (
          <View key={version._id} className='lesson-version'>
            <Text className='lesson-version__when'>{formatChinaTime(version.savedAt)} · {version.by}</Text>
            <Text className='hint'>{version.note || `修改了：${version.changed.join('、')}`}</Text>
            {i > 0 && (
              <Button size='small' fill='outline' onClick={() => restore(version._id, version.savedAt)}>
                恢复此版本
              </Button>
            )}
          </View>
        ))}
      </LoadState>
    </View>
  )
}
