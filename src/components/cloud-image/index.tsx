import { Image } from '@tarojs/components'
import { useRef } from 'react'

type Props = {
  /** A temporary link from a function: it expires (maxAge). */
  src: string
  /** Asks for fresh links (the page reloads what it shows); called once per image, when it fails to load. */
  onExpired?: () => Promise<unknown> | void
  className?: string
  mode?: 'aspectFill' | 'aspectFit' | 'widthFix' | 'scaleToFill'
  onClick?: () => void
  testId?: string
}

/**
 * An image behind a temporary link. When the link has expired (the page stayed open longer than
 * its maxAge) the image fails to load: it asks the page for fresh links once, and the new `src`
 * comes back through its props. Only once, so a file that is really gone does not loop.
 */
export function CloudImage({ src, onExpired, className, mode = 'aspectFill', onClick, testId }: Props) {
  const asked = useRef(false)
  const refresh = () => {
    if (asked.current || !onExpired) return
    asked.current = true
    void onExpired()
  }
  return <Image className={className} src={src} mode={mode} onClick={onClick} onError={refresh} data-testid={testId} />
}
