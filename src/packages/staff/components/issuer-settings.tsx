import { View, Text, Image } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { FormField } from '@/components/form-field'
import type { CommunityRef } from '@/domain/community/types'
import { messageOf } from '@/services/service-error'
import { choosePhotos, uploadPhoto } from '@/services/storage'
import { volunteerService } from '@/services/volunteer'
import './issuer-settings.scss'

/**
 * 证明设置 of one community: the Red Cross organisation certificates are issued in the name of, its
 * 负责人 and the image of its seal (民发〔2015〕149号: a 证明 carries the organisation's seal), which
 * certificates issued afterwards show.
 */
export function IssuerSettings({ community }: { community: CommunityRef }) {
  const [orgName, setOrgName] = useState('')
  const [leaderName, setLeaderName] = useState('')
  const [sealFileId, setSealFileId] = useState<string | null>(null)
  const [sealPreview, setSealPreview] = useState<string | null>(null)
  const [uploading, setUploading] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string>()

  useEffect(() => {
    void volunteerService.certificateIssuer(community._id).then((issuer) => {
      setOrgName(issuer?.orgName ?? '')
      setLeaderName(issuer?.leaderName ?? '')
      setSealFileId(issuer?.sealFileId ?? null)
      setSealPreview(issuer?.sealUrl ?? null)
    })
  }, [community._id])

  const chooseSeal = async () => {
    const [path] = await choosePhotos(1)
    if (!path) return
    setUploading(true)
    try {
      const uploaded = await uploadPhoto(path, 'seals')
      setSealFileId(uploaded.fileID)
      setSealPreview(uploaded.preview)
    } catch (failure) {
      await Taro.showModal({ title: '公章图片没有上传', content: messageOf(failure), showCancel: false, confirmText: '知道了' })
    } finally {
      setUploading(false)
    }
  }

  const removeSeal = async () => {
    const { confirm } = await Taro.showModal({ title: '移除公章图片', content: '保存后，之后出具的证明不再显示公章图片。已出具的证明不变。', confirmText: '移除', cancelText: '取消' })
    if (!confirm) return
    setSealFileId(null)
    setSealPreview(null)
  }

  const save = async () => {
    setBusy(true)
    setProblem(undefined)
    try {
      await volunteerService.setCertificateIssuer(community._id, { orgName: orgName.trim(), leaderName: leaderName.trim(), sealFileId })
      await Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (failure) {
      setProblem(messageOf(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card' data-testid='issuer-settings'>
      <Text className='section-title'>{community.name} · 证明设置</Text>
      <FormField label='出具证明的组织' required hint='社区红十字会的全称，例如：柯桥街道港越社区红十字会'>
        <Input value={orgName} maxLength={40} onChange={setOrgName} />
      </FormField>
      <FormField label='负责人' required error={problem}>
        <Input value={leaderName} maxLength={10} onChange={setLeaderName} />
      </FormField>
      <FormField label='公章图片' hint='白底红章的清晰照片或扫描件；保存后，之后出具的证明显示此公章'>
        {sealPreview ? <Image className='issuer-settings__seal' src={sealPreview} mode='aspectFit' data-testid='seal-preview' /> : <Text className='hint'>尚未上传公章图片：证明上不显示公章</Text>}
        <View className='staff-actions'>
          <Button fill='outline' loading={uploading} disabled={uploading || busy} onClick={() => void chooseSeal()}>
            {sealFileId ? '更换公章图片' : '上传公章图片'}
          </Button>
          {sealFileId && (
            <Button type='danger' fill='outline' disabled={uploading || busy} onClick={() => void removeSeal()}>
              移除
            </Button>
          )}
        </View>
      </FormField>
      <Button block type='primary' loading={busy} disabled={uploading} onClick={save}>
        保存证明设置
      </Button>
    </View>
  )
}
