import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { FormField } from '@/components/form-field'
import type { CommunityRef } from '@/domain/community/types'
import { messageOf } from '@/services/service-error'
import { volunteerService } from '@/services/volunteer'

/**
 * 证明设置 of one community: the Red Cross organisation certificates are issued in the name of, and
 * its 负责人 (民发〔2015〕149号). The seal image, when uploaded, is kept as it was.
 */
export function IssuerSettings({ community }: { community: CommunityRef }) {
  const [orgName, setOrgName] = useState('')
  const [leaderName, setLeaderName] = useState('')
  const [sealFileId, setSealFileId] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string>()

  useEffect(() => {
    void volunteerService.certificateIssuer(community._id).then((issuer) => {
      setOrgName(issuer?.orgName ?? '')
      setLeaderName(issuer?.leaderName ?? '')
      setSealFileId(issuer?.sealFileId ?? null)
    })
  }, [community._id])

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
      <Text className='hint'>{sealFileId ? '已上传公章图片' : '尚未上传公章图片：证明上不显示公章'}</Text>
      <Button block type='primary' loading={busy} onClick={save}>
        保存证明设置
      </Button>
    </View>
  )
}
