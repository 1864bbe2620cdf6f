import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ChoiceGroup } from '@/components/choice-group'
import type { CommunityRef } from '@/domain/community/types'
import { messageOf } from '@/services/service-error'
import { noteMe } from '@/services/session'
import { userService } from '@/services/user'
import './welcome.scss'

const SEEN_KEY = 'boai.welcomed'

/** Whether the welcome was already shown on this device (answered or put off). */
export const welcomeSeen = () => Taro.getStorageSync(SEEN_KEY) === true

type Props = { communities: readonly CommunityRef[]; onDone(): void }

/**
 * First use: a short welcome that asks one thing, the person's home community (everything else
 * can wait). Shown once; 以后再说 puts it off for good, 我的 → 个人资料 changes it later.
 */
export function Welcome({ communities, onDone }: Props) {
  const [community, setCommunity] = useState<string>()
  const [error, setError] = useState<string>()
  const [saving, setSaving] = useState(false)

  const finish = () => {
    Taro.setStorageSync(SEEN_KEY, true)
    onDone()
  }
  const save = async () => {
    if (!community) return setError('请选择社区')
    setSaving(true)
    try {
      // The kept opening answer learns the new community, so the home page shows it without waiting for a fresh call.
      noteMe(await userService.updateProfile({ homeCommunityId: community }))
      finish()
    } catch (failure) {
      setError(messageOf(failure))
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='welcome card' data-testid='welcome'>
      <Text className='welcome__title'>欢迎来到博爱家园</Text>
      <Text className='welcome__text'>请选择您住的社区，我们会为您显示这个社区的心愿、活动和服务站信息。</Text>
      <ChoiceGroup
        options={communities.map((c) => ({ value: c._id, label: c.name }))}
        value={community}
        onChange={(value) => {
          setCommunity(value as string)
          setError(undefined)
        }}
        testId='welcome-community'
      />
      {error && (
        <View className='form-field__error' role='alert'>
          {error}
        </View>
      )}
      <Button block type='primary' size='large' loading={saving} disabled={saving} onClick={save}>
        确定
      </Button>
      <Button block fill='none' onClick={finish}>
        以后再说
      </Button>
    </View>
  )
}
