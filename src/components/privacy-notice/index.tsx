import { View, Text } from '@tarojs/components'
import { privacyNotice, type PrivacyHandler } from '@/domain/privacy-notice'
import './index.scss'

/** 个人信息保护说明, the one text (src/domain/privacy-notice.ts), for the handler of a community. */
export function PrivacyNotice({ handler }: { handler: PrivacyHandler | null }) {
  return (
    <View className='privacy-notice' data-testid='privacy-notice'>
      {privacyNotice(handler).map((section) => (
        <View key={section.title}>
          <Text className='privacy-notice__title'>{section.title}</Text>
          {section.lines.map((line) => (
            <Text key={line} className='privacy-notice__line'>
              {line}
            </Text>
          ))}
        </View>
      ))}
    </View>
  )
}
