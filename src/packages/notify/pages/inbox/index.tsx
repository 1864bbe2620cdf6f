import { View, Text } from '@tarojs/components'
import { Badge, Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { PagedList } from '@/components/paged-list'
import { PageShell } from '@/components/page-shell'
import type { Page } from '@/domain/contract'
import { formatChinaTime } from '@/domain/dates'
import type { InboxMessage } from '@/domain/notify/contract'
import { usePagedList } from '@/hooks/use-paged-list'
import { notifyService } from '@/services/notify'
import { messageOf } from '@/services/service-error'
import { noteUnread } from '@/services/session'
import { areas } from '@/routes'
import './index.scss'

export default function InboxPage() {
  const list = usePagedList<InboxMessage, Page<InboxMessage> & { unread: number }>((page) => notifyService.inbox(page))
  // The server's count: unread messages on pages not loaded yet count too, and 全部已读 reads them all.
  const unread = list.last?.unread ?? 0
  // The tab badge follows the server's count without asking again.
  useEffect(() => {
    if (list.last) noteUnread(list.last.unread)
  }, [list.last])
  const markAllRead = async () => {
    try {
      await notifyService.markAllRead()
      await list.refresh()
    } catch (error) {
      await Taro.showToast({ title: messageOf(error), icon: 'none' })
    }
  }
  // A message opens what it is about (the page it names, with its id); reading it marks it read.
  const open = async (message: InboxMessage) => {
    if (!message.read) void notifyService.markRead([message._id]).then(list.refresh, () => undefined)
    await Taro.navigateTo({ url: `/${message.page}` })
  }
  return (
    <PageShell>
      <View className='inbox__toolbar'>
        <Text className='inbox__count' data-testid='inbox-unread-count'>{unread > 0 ? `${unread} 条未读` : '没有未读消息'}</Text>
        {unread > 0 && (
          <Button size='small' className='inbox__action' onClick={markAllRead} data-testid='mark-all-read'>
            全部标为已读
          </Button>
        )}
        <Button size='small' fill='none' className='inbox__action' onClick={() => Taro.navigateTo({ url: areas.notifySettings })}>
          消息设置
        </Button>
      </View>
      <PagedList list={list} empty='暂时没有消息。审核结果、心愿进度等通知会出现在这里' end='没有更多消息了'>
        {(message) => (
          <View key={message._id} className='card inbox__item' data-testid='inbox-item' onClick={() => open(message)}>
            <View className='inbox__head'>
              {!message.read && <Badge dot className='inbox__dot' />}
              <Text className='inbox__title'>{message.title}</Text>
              <Text className='hint'>{formatChinaTime(message.createdAt, 'M月D日 HH:mm')}</Text>
            </View>
            <Text className='inbox__body'>{message.body}</Text>
          </View>
        )}
      </PagedList>
    </PageShell>
  )
}
