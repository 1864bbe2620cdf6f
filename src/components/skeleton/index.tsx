import { View } from '@tarojs/components'
import './index.scss'

export type SkeletonShape = 'list' | 'detail'

/** Line widths of one placeholder card: a title, then lines of text, the last one short like a paragraph's end. */
const LIST_CARD = ['60%', '90%', '40%']
const DETAIL_LINES = ['70%', '100%', '95%', '100%', '55%']

/**
 * Grey blocks in the shape of what is coming while it loads (a list of cards, or a detail page), so
 * the page does not jump when it arrives; said as 加载中 to a screen reader.
 */
export function Skeleton({ shape }: { shape: SkeletonShape }) {
  const cards = shape === 'list' ? [LIST_CARD, LIST_CARD, LIST_CARD] : [DETAIL_LINES]
  return (
    <View className={`skeleton skeleton--${shape}`} aria-busy='true' aria-label='加载中'>
      {cards.map((lines, card) => (
        <View key={card} className='skeleton__card' aria-hidden='true'>
          {lines.map((width, line) => (
            <View key={line} className={`skeleton__line ${line === 0 ? 'skeleton__line--title' : ''}`} style={{ width }} />
          ))}
        </View>
      ))}
    </View>
  )
}
