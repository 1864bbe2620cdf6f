import Taro from '@tarojs/taro'
import { NOTIFY_KINDS, type NotifyKind } from '@/domain/notify/kinds'
import { notifyService } from './notify'

/**
 * Asks for one-time subscriptions (at most 3 templates a request) and records what was granted.
 * Call it first thing in a tap handler: WeChat only shows the prompt in answer to a tap. On H5
 * there is no WeChat prompt; the local cloud stands in for it and records an acceptance, so the
 * dev outbox shows the messages that would be sent. Never blocks the action it accompanies.
 */
export async function requestSubscriptions(kinds: NotifyKind[]): Promise<void> {
  const tmplIds = kinds.slice(0, 3).map((kind) => NOTIFY_KINDS[kind].templateId)
  try {
    const results: Record<string, string> =
      process.env.TARO_ENV === 'weapp'
        ? // Taro's typing insists on `entityIds` (an Alipay field); WeChat takes `tmplIds` alone.
          ((await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>)
        : Object.fromEntries(tmplIds.map((id) => [id, 'accept']))
    await notifyService.subscribed(results)
  } catch {
    // Declined or unavailable: the in-app inbox still gets every message.
  }
}
