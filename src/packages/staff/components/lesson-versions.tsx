import { View, Text } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { LoadState } from '@/components/load-state'
import { formatChinaTime } from '@/domain/dates'
import { VERSION_STATUS_LABELS, type LessonVersion } from '@/domain/firstaid/lessons'
import { useRemote } from '@/hooks/use-remote'
import { pages, withQuery } from '@/routes'
import { lessonService } from '@/services/lesson'
import { messageOf } from '@/services/service-error'
import './lesson-versions.scss'

type Props = { lessonId: string }

/**
 * 历史版本: every version of the lesson (who, when, what changed, published or waiting); any one
 * can be proposed again, as a draft another editor approves. One older than the current
 * guidelines says so before it is proposed.
 */
export function LessonVersions({ lessonId }: Props) {
  const versions = useRemote(() => lessonService.versions(lessonId), [lessonId])
  const restore = async (version: LessonVersion) => {
    const { confirm } = await Taro.showModal({
      title: version.outdated ? '这个版本早于现行指南' : '恢复这个版本？',
      content: version.outdated
        ? `它保存于 ${formatChinaTime(version.savedAt)}，早于现行急救指南，内容可能已经过时。仍要恢复吗？恢复后需另一位编辑审核才会发布。`
        : `将把 ${formatChinaTime(version.savedAt)} 的内容作为一份修改提交，另一位编辑审核通过后才会发布。`,
      confirmText: '仍要恢复',
      cancelText: '取消',
    })
    if (!confirm) return
    try {
      const { draft } = await lessonService.restore(version._id, version.outdated)
      await versions.reload()
      await Taro.showToast({ title: draft ? '已提交审核' : '与现在的内容相同', icon: draft ? 'success' : 'none' })
    } catch (error) {
      await Taro.showModal({ title: '未能恢复', content: messageOf(error), showCancel: false, confirmText: '知道了' })
    }
  }
  return (
    <View className='card' data-testid='lesson-versions'>
      <Text className='section-title'>历史版本</Text>
      <LoadState loading={versions.loading && !versions.data} error={versions.data ? undefined : versions.error} onRetry={versions.retry}>
        {versions.data?.items.length === 0 && <Text className='hint'>还没有保存过的版本。</Text>}
        {versions.data?.items.map((version) => (
          <View key={version._id} className='lesson-version'>
            <Text className='lesson-version__when'>
              {formatChinaTime(version.savedAt)} · {version.by}
            </Text>
            <View className='tag-row'>
              <Tag type={version.status === 'pending' ? 'warning' : 'default'}>{VERSION_STATUS_LABELS[version.status]}</Tag>
              {version.outdated && <Tag type='default'>早于现行指南</Tag>}
            </View>
            <Text className='hint'>{version.note || `修改了：${version.changed.join('、')}`}</Text>
            {version.status === 'pending' ? (
              <Button size='small' fill='outline' onClick={() => Taro.navigateTo({ url: withQuery(pages.staffLessonReview, { versionId: version._id }) })}>
                查看修改
              </Button>
            ) : (
              <Button size='small' fill='outline' onClick={() => restore(version)}>
                恢复此版本
              </Button>
            )}
          </View>
        ))}
      </LoadState>
    </View>
  )
}
