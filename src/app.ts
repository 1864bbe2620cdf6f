import { useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { initCloud } from '@/services/cloud-client'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initCloud()
  })
  return children
}

export default App
