import { View, Image } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ChoiceGroup } from '@/components/choice-group'
import { FormField } from '@/components/form-field'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { userInputs, type Me } from '@/domain/user/contract'
import { useMe } from '@/hooks/use-me'
import { useRemote } from '@/hooks/use-remote'
import { useValidatedForm } from '@/hooks/use-validated-form'
import { messageOf } from '@/services/service-error'
import { choosePhotos, uploadPhoto } from '@/services/storage'
import { noteMe } from '@/services/session'
import { userService } from '@/services/user'
import './index.scss'

type Draft = { displayName: string; homeCommunityId?: string; avatar?: string }
const isWeapp = process.env.TARO_ENV === 'weapp'

/**
 * 个人资料: nickname and avatar with WeChat's own components (头像 via `open-type="chooseAvatar"`,
 * 昵称 via `type="nickname"`, which offers the WeChat nickname), and the home community. On H5 the
 * same fields are a photo picker and a plain input.
 */
export default function ProfilePage() {
  const me = useMe()
  return (
    <PageShell>
      <LoadState loading={me.loading && !me.data} error={me.data ? undefined : me.error} onRetry={me.retry}>
        {me.data && <ProfileForm me={me.data} />}
      </LoadState>
    </PageShell>
  )
}

/** The form, started from the profile as it is (so its fields never change value while they mount). */
function ProfileForm({ me }: { me: Me }) {
  const communities = useRemote(() => userService.communities())
  const form = useValidatedForm<Draft>(userInputs.updateProfile, { displayName: me.displayName, homeCommunityId: me.homeCommunityId ?? undefined })
  const { draft, set, errorOf } = form
  const [preview, setPreview] = useState<string>()
  const [uploading, setUploading] = useState(false)
  const [saving, setSaving] = useState(false)

  const takeAvatar = async (localPath: string | undefined) => {
    if (!localPath) return
    setUploading(true)
    try {
      const { fileID, preview: shown } = await uploadPhoto(localPath, 'avatars')
      set('avatar', fileID)
      setPreview(shown)
    } catch (error) {
      await Taro.showToast({ title: messageOf(error), icon: 'none' })
    } finally {
      setUploading(false)
    }
  }

  const save = async () => {
    if (!form.check(['displayName', 'homeCommunityId', 'avatar'])) return
    setSaving(true)
    try {
      const saved = await userService.updateProfile({ displayName: draft.displayName.trim(), homeCommunityId: draft.homeCommunityId, avatar: draft.avatar })
      noteMe(saved)
      await Taro.showToast({ title: saved.avatarChecking ? '已保存，头像审核后显示' : '已保存', icon: 'success' })
      await Taro.navigateBack()
    } catch (error) {
      if (!form.showServerError(error)) await Taro.showModal({ title: '未能保存', content: messageOf(error), showCancel: false, confirmText: '知道了' })
    } finally {
      setSaving(false)
    }
  }

  const avatar = preview ?? me.avatarUrl
  return (
    <>
      <View className='card'>
        <FormField label='头像' hint={me.avatarChecking && !preview ? '新头像正在审核，通过后显示' : '选填，审核通过后其他人可以看到'}>
          <View className='profile-edit__avatar-row'>
            {avatar ? (
              <Image className='profile-edit__avatar' src={avatar} mode='aspectFill' />
            ) : (
              <View className='profile-edit__avatar profile-edit__avatar--empty'>{(draft.displayName || '我').slice(0, 1)}</View>
            )}
            {isWeapp ? (
              <Button openType='chooseAvatar' onChooseAvatar={(e) => takeAvatar(e.detail.avatarUrl)} loading={uploading}>
                更换头像
              </Button>
            ) : (
              <Button onClick={async () => takeAvatar((await choosePhotos(1))[0])} loading={uploading} data-testid='choose-avatar'>
                更换头像
              </Button>
            )}
          </View>
        </FormField>
        <FormField label='昵称' required error={errorOf('displayName')} hint='其他人在心愿、活动里看到的名字' count={{ value: draft.displayName, max: 20 }}>
          <Input
            type={isWeapp ? 'nickname' : 'text'}
            value={draft.displayName}
            maxLength={20}
            placeholder='请输入昵称'
            onChange={(value) => set('displayName', value)}
            // WeChat's nickname picker fills the box without an input event on some versions: read it on blur too.
            onBlur={(value) => set('displayName', value)}
            data-testid='nickname'
          />
        </FormField>
        <FormField label='我住的社区' required error={errorOf('homeCommunityId')}>
          <ChoiceGroup
            options={(communities.data ?? []).map((c) => ({ value: c._id, label: c.name }))}
            value={draft.homeCommunityId}
            onChange={(value) => set('homeCommunityId', value as string)}
            testId='home-community'
          />
        </FormField>
      </View>
      <Button block size='large' type='primary' loading={saving} disabled={saving || uploading} onClick={save}>
        保存
      </Button>
    </>
  )
}
