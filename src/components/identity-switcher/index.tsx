import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { DevIdentity } from '@/services/dev-identity'
import './index.scss'

type Props = { identities: DevIdentity[]; current: string; switchTo(openid: string): void }

/** Local cloud only: act as one of the demo identities (the page passes them in: `useDevIdentities`). */
export function IdentitySwitcher({ identities, current, switchTo }: Props) {
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
