import Taro from '@tarojs/taro'
import type { NotifyKind } from '@/domain/notify/kinds'
import { postToLocalCloud } from './cloud-client'
import { notifyService } from './notify'

/** This deployment's template id of each kind (they differ per environment), once loaded. */
let templateIds: Partial<Record<NotifyKind, string>> = {}

/**
 * Learns the configured templates (`notify.templates`) at launch. WeChat shows its prompt only in
 * direct answer to a tap, so the ids must be at hand before the tap: no request may come between.
 */
export async function loadSubscribeTemplates(): Promise<void> {
  try {
    const { items } = await notifyService.templates()
    templateIds = Object.fromEntries(items.map(({ kind, templateId }) => [kind, templateId]))
  } catch {
    // Offline at launch: no prompt this time; the in-app inbox still gets every message.
  }
}

/**
 * Asks for one-time subscriptions (at most 3 templates a request) and records what was granted.
 * Call it first thing in a tap handler. On H5 there is no WeChat prompt: the stand-in accepts
 * every template and tells the local cloud's WeChat side, as the WeChat client would, so the
 * messages can then be sent. Never blocks the action it accompanies.
 */
export async function requestSubscriptions(kinds: NotifyKind[]): Promise<void> {
  const tmplIds = kinds.map((kind) => templateIds[kind]).filter((id): id is string => !!id).slice(0, 3)
  if (tmplIds.length === 0) return
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
