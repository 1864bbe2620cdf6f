import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { EmptyState } from '@/components/empty-state'
import { Skeleton, type SkeletonShape } from '@/components/skeleton'
import type { ReactNode } from 'react'
import './index.scss'

type Props = {
  /** Pass `loading && !data` to keep showing stale content while refreshing. */
  loading: boolean
  error?: string
  /** Shown instead of the content when there is nothing to show. */
  empty?: string | false
  onRetry?: () => void
  /** What the loading placeholder looks like: cards of a list, or the lines of one detail page. */
  skeleton?: SkeletonShape
  children?: ReactNode
}

/** Loading, error-with-retry and empty states, the same on every page. */
export function LoadState({ loading, error, empty, onRetry, skeleton = 'detail', children }: Props) {
  if (error) {
    return (
      <View className='load-state load-state--error' role='alert'>
        <Text className='load-state__message'>{error}</Text>
        {onRetry && (
          <Button type='primary' size='small' onClick={onRetry}>
            重试
          </Button>
        )}
      </View>
    )
  }
  if (loading) {
    return (
      <View className='load-state load-state--loading'>
        <Skeleton shape={skeleton} />
      </View>
    )
  }
  if (empty) return <EmptyState description={empty} />
  return <>{children}</>
}
