import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { CORRECTABLE } from '@/domain/member/application'
import type { ApplicationView } from '@/domain/member/contract'
import { memberService } from '@/services/member'
import { messageOf } from '@/services/service-error'

/** 更正 requests waiting for staff: check against the person's documents, then accept or decline. */
export function Corrections({ application, onSaved }: { application: ApplicationView; onSaved(): void }) {
  const open = application.corrections.filter((c) => c.status === 'open')
  if (open.length === 0) return null
  const decide = async (key: string, accept: boolean) => {
    try {
      await memberService.resolveCorrection(application._id, key, accept)
      onSaved()
    } catch (failure) {
      await Taro.showModal({ title: '操作未完成', content: messageOf(failure), showCancel: false, confirmText: '知道了' })
    }
  }
  return (
    <View className='card' data-testid='corrections'>
      <Text className='section-title'>更正申请</Text>
      {open.map((c) => (
        <View key={c.key} className='review__row'>
          <Text className='review__label'>{CORRECTABLE[c.field]}</Text>
          <Text className='review__value'>{c.value}</Text>
          <Button size='small' onClick={() => void decide(c.key, false)}>
            不采纳
          </Button>
          <Button size='small' type='primary' onClick={() => void decide(c.key, true)}>
            采纳
          </Button>
        </View>
      ))}
    </View>
  )
}
