import { View, Text } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { PagedList } from '@/components/paged-list'
import { PageShell } from '@/components/page-shell'
import { formatChinaTime } from '@/domain/dates'
import type { CertificateRequestView } from '@/domain/volunteer/contract'
import { useMe } from '@/hooks/use-me'
import { usePagedList } from '@/hooks/use-paged-list'
import { messageOf } from '@/services/service-error'
import { volunteerService } from '@/services/volunteer'
import { IssuerSettings } from '../../components/issuer-settings'

/**
 * 志愿服务证明: volunteers' requests of the staff member's communities, issued in the name of the
 * community's Red Cross organisation with the staff member as 经办人 (民政部令第67号 2020: 谁记录谁证明;
 * 民发〔2015〕149号), or declined with a reason the volunteer sees. Below, each community's settings.
 */
export default function StaffCertificatesPage() {
  const me = useMe()
  const list = usePagedList<CertificateRequestView>((page) => volunteerService.certificateQueue(page))
  const [declining, setDeclining] = useState<string>()
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)

  const decide = async (request: CertificateRequestView, decision: 'issue' | 'decline') => {
    if (decision === 'decline' && reason.trim().length < 2) {
      await Taro.showToast({ title: '请填写不出具的原因', icon: 'none' })
      return
    }
    if (decision === 'issue') {
      const { confirm } = await Taro.showModal({
        title: '出具证明',
        content: `以社区红十字会的名义为${request.name}出具 ${request.from} 至 ${request.to} 的志愿服务记录证明（${request.hours} 小时），您作为经办人。`,
        confirmText: '出具',
        cancelText: '再想想',
      })
      if (!confirm) return
    }
    setBusy(true)
    try {
      await volunteerService.issueCertificate(request._id, decision, reason.trim())
      await Taro.showToast({ title: decision === 'issue' ? '已出具' : '已处理', icon: 'success' })
      setDeclining(undefined)
      setReason('')
    } catch (error) {
      await Taro.showModal({ title: '操作未完成', content: messageOf(error), showCancel: false, confirmText: '知道了' })
    } finally {
      setBusy(false)
    }
    await list.refresh()
  }

  const staffCommunities = (me.data?.communities ?? []).filter((c) => me.data?.staffCommunityIds.includes(c._id))
  return (
    <PageShell>
      <Text className='section-title'>待出具的申请</Text>
      <PagedList list={list} empty='没有待出具的证明申请'>
        {(request) => (
          <View key={request._id} className='card' data-testid='certificate-request'>
            <Text className='section-title'>{request.name}</Text>
            <Text className='hint'>
              {request.communityName} · 申请于 {formatChinaTime(request.requestedAt)}
            </Text>
            <Text>
              {request.from} 至 {request.to}，记录的服务共 {request.hours} 小时
            </Text>
            {declining === request._id && <TextArea value={reason} placeholder='不出具的原因（志愿者会看到）' onChange={setReason} maxLength={200} showCount />}
            <View className='staff-actions'>
              <Button type='danger' fill='outline' disabled={busy} onClick={() => (declining === request._id ? decide(request, 'decline') : setDeclining(request._id))}>
                {declining === request._id ? '确认不出具' : '不出具'}
              </Button>
              <Button type='primary' disabled={busy} onClick={() => decide(request, 'issue')}>
                出具证明
              </Button>
            </View>
          </View>
        )}
      </PagedList>
      {staffCommunities.map((community) => (
        <IssuerSettings key={community._id} community={community} />
      ))}
    </PageShell>
  )
}
