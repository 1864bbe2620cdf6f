import { View, Text } from '@tarojs/components'
import { Badge, Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { PagedList } from '@/components/paged-list'
import { PageShell } from '@/components/page-shell'
import { formatChinaTime } from '@/domain/dates'
import type { InboxMessage } from '@/domain/notify/contract'
import { usePagedList } from '@/hooks/use-paged-list'
import { notifyService } from '@/services/notify'
import './index.scss'

export default function InboxPage() {
  const list = usePagedList<InboxMessage>((page) => notifyService.inbox(page))
  const unread = list.items.filter((m) => !m.read).map((m) => m._id)
  const markAllRead = async () => {
    await notifyService.markRead(unread)
    await list.refresh()
  }
  // A message opens what it is about (the page it names, with its id); reading it marks it read.
  const open = async (message: InboxMessage) => {
    if (!message.read) void notifyService.markRead([message._id]).then(list.refresh, () => undefined)
    await Taro.navigateTo({ url: `/${message.page}` })
  }
  return (
    <PageShell>
      {unread.length > 0 && (
        <View className='inbox__toolbar'>
          <Text className='hint'>{unread.length} 条未读</Text>
          <Button size='small' onClick={markAllRead}>
            全部标为已读
          </Button>
        </View>
      )}
      <PagedList list={list} empty='暂时没有消息'>
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
