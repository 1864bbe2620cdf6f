import { useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { useRescueWatch } from '@/hooks/use-rescue-watch'
import { initCloud } from '@/services/cloud-client'
import { loadSubscribeTemplates } from '@/services/subscriptions'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initCloud()
    void loadSubscribeTemplates()
  })
  useRescueWatch()
  return children
}

export default App
