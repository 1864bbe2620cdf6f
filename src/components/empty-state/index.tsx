import { Image } from '@tarojs/components'
import { Empty } from '@nutui/nutui-react-taro'
import emptyImage from '@/assets/empty.png'
import './index.scss'

/**
 * The one empty state of every list: NutUI's Empty with a picture shipped in the app (its default
 * one is loaded from a CDN), centred, with its sentence at body size below it.
 */
export function EmptyState({ description }: { description: string }) {
  return <Empty className="empty-state" image={<Image className="empty-state__image" src={emptyImage} mode="aspectFit" />} description={description} />
}
