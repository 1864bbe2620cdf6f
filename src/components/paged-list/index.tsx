import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ReactNode } from 'react'
import { LoadState } from '@/components/load-state'

type PagedListState<T> = {
  items: T[]
  loading: boolean
  error?: string
  hasMore: boolean
  refresh(): Promise<void>
  /** Absent when trying again cannot help. */
  retry?: () => Promise<void>
  loadMore(): Promise<void>
}

type Props<T> = {
  list: PagedListState<T>
  /** What to say when there is nothing. */
  empty: string
  children(item: T): ReactNode
  /** Said under the last page, if anything. */
  end?: string
}

/** A paginated list's states: first load, error with retry, empty, items, 加载更多. */
export function PagedList<T>({ list, empty, children, end }: Props<T>) {
  const nothing = list.items.length === 0
  return (
    <LoadState loading={list.loading && nothing} error={nothing ? list.error : undefined} empty={!list.loading && nothing && empty} onRetry={list.retry} skeleton='list'>
      {list.items.map(children)}
      {list.hasMore ? (
        <Button block fill='none' loading={list.loading} onClick={list.loadMore}>
          加载更多
        </Button>
      ) : (
        end && !nothing && <View className='hint paged-list__end'>{end}</View>
      )}
    </LoadState>
  )
}
