import { View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { FormField } from '@/components/form-field'
import { PhotoPicker } from '@/components/photo-picker'
import { MAX_PROJECT_PHOTOS } from '@/domain/fund/contract'
import { yuanToFen } from '@/domain/fund/rules'
import { usePhotoUpload } from '@/hooks/use-photo-upload'
import { fundService } from '@/services/fund'
import { useSubmit } from '@/hooks/use-submit'

/**
 * 新建募捐项目. The project links to its page on a platform the 民政部 designates (慈善法 2016
 * art. 23, kept in the 2023 revision); the app itself never takes money.
 */
export function ProjectForm({ communityId, onSaved }: { communityId: string; onSaved(): void }) {
  const [title, setTitle] = useState('')
  const [story, setStory] = useState('')
  const [target, setTarget] = useState('')
  const [startDate, setStartDate] = useState('')
  const [endDate, setEndDate] = useState('')
  const [platformName, setPlatformName] = useState('腾讯公益')
  const [appId, setAppId] = useState('')
  const [path, setPath] = useState('')
  const [url, setUrl] = useState('')
  const [images, setImages] = useState<string[]>([])
  const upload = usePhotoUpload('fund-projects')
  const { busy, errors, setErrors, run } = useSubmit()
  const save = async () => {
    const targetFen = yuanToFen(target)
    if (!targetFen) {
      setErrors({ targetFen: '请填写目标金额（元）' })
      return
    }
    const saved = await run(() => fundService.saveProject({ projectId: null, communityId, title, story, targetFen, startDate, endDate, platform: { name: platformName, appId: appId.trim(), path: path.trim(), url: url.trim() }, images }), '未能保存')
    if (!saved) return
    await Taro.showToast({ title: '项目已保存', icon: 'success' })
    onSaved()
  }
  return (
    <View className='card'>
      <FormField label='项目名称' required error={errors.title}>
        <Input value={title} maxLength={30} placeholder='例如 红十字助学' onChange={setTitle} />
      </FormField>
      <FormField label='项目介绍' required error={errors.story} count={{ value: story, max: 1000 }}>
        <TextArea value={story} maxLength={1000} onChange={setStory} />
      </FormField>
      <FormField label='项目照片' error={errors.images} hint='审核通过后公开显示；请勿拍到受助人的脸和证件'>
        <PhotoPicker value={images} onChange={setImages} max={MAX_PROJECT_PHOTOS} {...upload} />
      </FormField>
      <FormField label='目标金额（元）' required error={errors.targetFen}>
        <Input value={target} type='digit' onChange={setTarget} />
      </FormField>
      <FormField label='开始日期' required error={errors.startDate} hint='格式 年-月-日'>
        <Input value={startDate} maxLength={10} onChange={setStartDate} />
      </FormField>
      <FormField label='结束日期' required error={errors.endDate} hint='格式 年-月-日'>
        <Input value={endDate} maxLength={10} onChange={setEndDate} />
      </FormField>
      <FormField label='募捐平台' required error={errors.platform} hint='民政部指定的互联网公开募捐信息平台，如 腾讯公益'>
        <Input value={platformName} maxLength={20} onChange={setPlatformName} />
      </FormField>
      <FormField label='平台小程序 AppID' hint='在微信中点“去捐款”会打开这个小程序'>
        <Input value={appId} maxLength={18} placeholder='wx 开头的 18 位' onChange={setAppId} />
      </FormField>
      <FormField label='项目页面路径'>
        <Input value={path} maxLength={200} onChange={setPath} />
      </FormField>
      <FormField label='或网页链接' hint='https:// 开头'>
        <Input value={url} maxLength={300} onChange={setUrl} />
      </FormField>
      <Button block type='primary' loading={busy} onClick={() => void save()}>
        保存项目
      </Button>
    </View>
  )
}
