import { Grid } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import type { ReactNode } from 'react'
import './index.scss'

export type Entry = { label: string; icon: ReactNode; url: string; tab?: boolean }

/** A grid of big, labelled entries: what an older resident taps to get somewhere. */
export function EntryGrid({ entries, columns = 3 }: { entries: Entry[]; columns?: number }) {
  const open = ({ url, tab }: Entry) => (tab ? Taro.switchTab({ url }) : Taro.navigateTo({ url }))
  return (
    <Grid className='entry-grid' columns={columns}>
      {entries.map((entry) => (
        <Grid.Item key={entry.url} className='entry-grid__item' text={entry.label} onClick={() => open(entry)}>
          {entry.icon}
        </Grid.Item>
      ))}
    </Grid>
  )
}
