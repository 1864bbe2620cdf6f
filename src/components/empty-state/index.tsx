import { Image } from '@tarojs/components'
import { Empty } from '@nutui/nutui-react-taro'
import emptyImage from '@/assets/empty.png'

/** NutUI's Empty with a picture shipped in the app (its default one is loaded from a CDN). */
export function EmptyState({ description }: { description: string }) {
  return <Empty image={<Image src={emptyImage} style={{ width: '80px', height: '80px' }} />} description={description} />
}
