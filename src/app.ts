import { useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { useRescueWatch } from '@/hooks/use-rescue-watch'
import { initCloud } from '@/services/cloud-client'
import { opening } from '@/services/session'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initCloud()
    // The one call of an app open (#25): the first screen, the tab badge and the subscribe templates share its answer.
    opening().catch(() => undefined)
  })
  useRescueWatch()
  return children
}

export default App
