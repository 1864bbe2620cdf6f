import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { FormField } from '@/components/form-field'
import { PageShell } from '@/components/page-shell'
import type { Joined } from '@/domain/community/contract'
import { COMMUNITY_ROLE_LABELS } from '@/domain/community/roles'
import { useMe } from '@/hooks/use-me'
import { useSubmit } from '@/hooks/use-submit'
import { areas } from '@/routes'
import { communityService } from '@/services/community'

/**
 * 加入工作人员: the invitee types (or opens from a shared card) the one-time code an admin gave
 * them. The very first admin of a community enters here the code the deployment's operator made
 * for their user number (README, 首位管理员).
 */
export default function JoinPage() {
  const { params } = useRouter()
  const me = useMe()
  const [code, setCode] = useState(params.id ?? '')
  const [joined, setJoined] = useState<Joined>()
  const { busy, errors, run } = useSubmit()
  const submit = async () => {
    const done = await run(() => communityService.join(code), '未能加入')
    if (done) {
      setJoined(done)
      await me.reload()
    }
  }
  if (joined) {
    return (
      <PageShell>
        <View className='card' data-testid='join-done'>
          <Text className='section-title'>
            您已成为{joined.communityName}的{COMMUNITY_ROLE_LABELS[joined.role]}
          </Text>
          <Button block type='primary' onClick={() => Taro.redirectTo({ url: areas.staff })}>
            打开工作台
          </Button>
        </View>
      </PageShell>
    )
  }
  return (
    <PageShell>
      <View className='card'>
        <FormField label='邀请码' required hint='社区管理员给您的8位邀请码，24小时内有效，只能用一次' error={errors.code} testId='join-code'>
          <Input value={code} maxLength={100} placeholder='例如 K7M2Q9PA' onChange={setCode} />
        </FormField>
        <Button block type='primary' loading={busy} disabled={!code.trim()} onClick={submit} data-testid='join-submit'>
          加入
        </Button>
        {me.data && (
          <Text className='hint' data-testid='join-user-number'>
            我的用户编号：{me.data.userId}（设立社区第一位管理员时，部署人员需要这个编号）
          </Text>
        )}
      </View>
    </PageShell>
  )
}
