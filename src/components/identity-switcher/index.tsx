import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useEffect, useState } from 'react'
import { currentDevOpenid, listDevIdentities, setDevOpenid, type DevIdentity } from '@/services/dev-identity'
import './index.scss'

/**
 * Local cloud only: act as one of the demo identities. Renders nothing on WeChat, where the
 * identity is the person's own, and nothing when the server offers no demo identities.
 */
export function IdentitySwitcher() {
  const [identities, setIdentities] = useState<DevIdentity[] | null>(null)
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') void listDevIdentities().then(setIdentities)
  }, [])
  if (!identities) return null
  const current = currentDevOpenid()
  const switchTo = (openid: string) => {
    setDevOpenid(openid)
    // Every page re-reads who the caller is.
    window.location.reload()
  }
  return (
    <View className='identity-switcher card' data-testid='identity-switcher'>
      <Text className='identity-switcher__title'>演示身份（仅本地开发环境）</Text>
      <View className='identity-switcher__options'>
        {identities.map((identity) => (
          <Button
            key={identity.openid}
            size='small'
            type={identity.openid === current ? 'primary' : 'default'}
            data-openid={identity.openid}
            onClick={() => switchTo(identity.openid)}
          >
            {identity.label}
          </Button>
        ))}
      </View>
    </View>
  )
}
