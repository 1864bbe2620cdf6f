import { View, Text } from '@tarojs/components'
import { Cell, Switch } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import type { NotifySetting } from '@/domain/notify/contract'
import type { NotifyKind } from '@/domain/notify/kinds'
import { useMe } from '@/hooks/use-me'
import { useRemote } from '@/hooks/use-remote'
import { notifyService } from '@/services/notify'
import { messageOf } from '@/services/service-error'
import { noteSetting } from '@/services/subscriptions'
import './index.scss'

/** Kinds only staff receive: nobody else is shown them. */
const STAFF_ONLY: readonly NotifyKind[] = ['staff_todo']

const describe = (setting: NotifySetting) =>
  setting.essential
    ? setting.on
      ? '重要通知：会推送微信消息'
      : '重要通知：不再推送微信消息，仍会出现在“消息”里'
    : setting.on
      ? '会推送微信消息，并出现在“消息”里'
      : '已关闭：不再通知您'

/** 消息设置: one switch per kind of notification. */
export default function NotifySettingsPage() {
  const remote = useRemote(() => notifyService.settings())
  const me = useMe()
  const [saving, setSaving] = useState<NotifyKind>()
  const [items, setItems] = useState<NotifySetting[]>()
  const shown = (items ?? remote.data?.items ?? []).filter((s) => !STAFF_ONLY.includes(s.kind) || me.data?.roles.includes('staff'))

  const toggle = async (kind: NotifyKind, on: boolean) => {
    setSaving(kind)
    try {
      const saved = await notifyService.setKind(kind, on)
      setItems(saved.items)
      noteSetting(kind, on)
    } catch (error) {
      await Taro.showToast({ title: messageOf(error), icon: 'none' })
    } finally {
      setSaving(undefined)
    }
  }

  return (
    <PageShell>
      <View className='card'>
        <Text className='notify-settings__intro'>关闭不需要的通知。标为“重要”的通知（审核结果、心愿进度等）关闭后不再推送微信消息，但仍会出现在“消息”里，不会错过。</Text>
      </View>
      <LoadState loading={remote.loading && !remote.data} error={remote.data ? undefined : remote.error} onRetry={remote.reload}>
        <Cell.Group>
          {shown.map((setting) => (
            <View key={setting.kind} data-testid={`setting-${setting.kind}`}>
              {/* The whole row is the switch: a tap target far larger than the switch itself. */}
              <Cell
                title={setting.essential ? `${setting.title}（重要）` : setting.title}
                description={describe(setting)}
                clickable
                onClick={() => saving !== setting.kind && toggle(setting.kind, !setting.on)}
                extra={<Switch checked={setting.on} disabled={saving === setting.kind} aria-label={setting.title} />}
              />
            </View>
          ))}
        </Cell.Group>
      </LoadState>
    </PageShell>
  )
}
