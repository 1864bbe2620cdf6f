import Taro from '@tarojs/taro'

/**
 * H5 on the local cloud only: which demo identity the app acts as. The local cloud takes the
 * caller's OPENID from the `X-Wx-Openid` header; on WeChat it comes from the platform.
 */
const KEY = 'boai.dev.openid'
export const DEFAULT_DEV_OPENID = 'demo-resident'

export type DevIdentity = { openid: string; label: string; role: string }

export function currentDevOpenid(): string {
  return (Taro.getStorageSync(KEY) as string) || DEFAULT_DEV_OPENID
}

export function setDevOpenid(openid: string): void {
  Taro.setStorageSync(KEY, openid)
}

/** The demo identities, or null when the server is not a local cloud (no switcher then). */
export async function listDevIdentities(): Promise<DevIdentity[] | null> {
  try {
    const res = await fetch('/api/dev/identities')
    if (!res.ok) return null
    return ((await res.json()) as { items: DevIdentity[] }).items
  } catch {
    return null
  }
}
