import Taro from '@tarojs/taro'
import { NOTIFY_KINDS, type NotifyKind } from '@/domain/notify/kinds'
import { postToLocalCloud } from './cloud-client'
import { notifyService } from './notify'

/**
 * Asks for one-time subscriptions (at most 3 templates a request) and records what was granted.
 * Call it first thing in a tap handler: WeChat only shows the prompt in answer to a tap. On H5
 * there is no WeChat prompt: the stand-in accepts every template and tells the local cloud's
 * WeChat side, as the WeChat client would, so the messages can then be sent. Never blocks the
 * action it accompanies.
 */
export async function requestSubscriptions(kinds: NotifyKind[]): Promise<void> {
  const tmplIds = kinds.slice(0, 3).map((kind) => NOTIFY_KINDS[kind].templateId)
  try {
    let results: Record<string, string>
    if (process.env.TARO_ENV === 'weapp') {
      // Taro's typing insists on `entityIds` (an Alipay field); WeChat takes `tmplIds` alone.
      results = (await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>
    } else {
      results = Object.fromEntries(tmplIds.map((id) => [id, 'accept']))
      const response = await postToLocalCloud('/api/dev/subscribe', { results })
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`)
    }
    await notifyService.subscribed(results)
  } catch {
    // Declined or unavailable: the in-app inbox still gets every message.
  }
}
