import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { useLargeText } from '@/hooks/use-large-text'
import './index.scss'

/** The frame of every page: background, spacing, and 大字模式 when it is on. */
export function PageShell({ children, className = '' }: { children: ReactNode; className?: string }) {
  const [large] = useLargeText()
  return <View className={`page-shell ${large ? 'page-shell--large' : ''} ${className}`}>{children}</View>
}
