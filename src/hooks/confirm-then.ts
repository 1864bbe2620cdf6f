import Taro from '@tarojs/taro'
import { messageOf } from '@/services/service-error'

type Ask = { title: string; content: string; confirmText: string; done: string; failTitle: string }

/**
 * A final step the person asked for (退会, 撤回): asked once more in plain words, with 再想想 to back
 * out, then carried out; a toast says it worked, a modal says why not.
 */
export async function confirmThen({ title, content, confirmText, done, failTitle }: Ask, act: () => Promise<unknown>): Promise<'done' | 'failed' | 'cancelled'> {
  const { confirm } = await Taro.showModal({ title, content, confirmText, confirmColor: '#c8102e', cancelText: '再想想' })
  if (!confirm) return 'cancelled'
  try {
    await act()
    await Taro.showToast({ title: done, icon: 'success' })
    return 'done'
  } catch (failure) {
    await Taro.showModal({ title: failTitle, content: messageOf(failure), showCancel: false, confirmText: '知道了' })
    return 'failed'
  }
}
