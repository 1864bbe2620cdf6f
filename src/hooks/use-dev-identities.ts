import { useEffect, useState } from 'react'
import { currentDevOpenid, listDevIdentities, setDevOpenid, type DevIdentity } from '@/services/dev-identity'

/**
 * Local cloud only: the demo identities the server offers, who the app acts as, and a switch that
 * reloads the app as another (every page re-reads who the caller is). Null on WeChat, where the
 * identity is the person's own, and when the server offers none.
 */
export function useDevIdentities(): { identities: DevIdentity[]; current: string; switchTo(openid: string): void } | null {
  const [identities, setIdentities] = useState<DevIdentity[] | null>(null)
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') void listDevIdentities().then(setIdentities)
  }, [])
  if (!identities) return null
  return {
    identities,
    current: currentDevOpenid(),
    switchTo(openid: string) {
      setDevOpenid(openid)
      window.location.reload()
    },
  }
}
