import { View, Text } from '@tarojs/components'
import { Button, Tag, TextArea } from '@nutui/nutui-react-taro'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { FormField } from '@/components/form-field'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { Timeline } from '@/components/timeline'
import { APPLICATION_STATUS_LABELS, APPLICATION_STATUS_TONES, GENDERS } from '@/domain/member/application'
import { applicationTimeline } from '@/domain/member/timeline'
import { useRemote } from '@/hooks/use-remote'
import { memberService } from '@/services/member'
import { messageOf } from '@/services/service-error'
import { Corrections } from '../../components/corrections'
import { DuesSection } from '../../components/dues-section'
import './index.scss'

/**
 * 审核详情: the full application, ID number included (the function answers it in full only to
 * staff of the applicant's community), and the decision.
 */
export default function ApplicationReviewPage() {
  const id = useRouter().params.id ?? ''
  const { data: application, error, loading, reload, retry } = useRemote(() => memberService.get(id), [id])
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const decide = async (decision: 'approve' | 'reject') => {
    if (decision === 'reject' && reason.trim().length < 2) {
      setReasonError('请填写不通过的原因，申请人会看到')
      return
    }
    const { confirm } = await Taro.showModal({
      title: decision === 'approve' ? '确认通过' : '确认不通过',
      content: decision === 'approve' ? `通过后将为 ${application?.name} 分配会员号，并通知本人。` : `将通知 ${application?.name}：${reason.trim()}`,
      confirmText: decision === 'approve' ? '通过' : '不通过',
      cancelText: '再看看',
    })
    if (!confirm) return
    setBusy(true)
    try {
      await memberService.review(id, decision, reason.trim())
      await Taro.showToast({ title: decision === 'approve' ? '已通过' : '已退回', icon: 'success' })
      await reload()
    } catch (failure) {
      await Taro.showModal({ title: '操作未完成', content: messageOf(failure), showCancel: false, confirmText: '知道了' })
      await reload()
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell>
      <LoadState loading={loading && !application} error={application ? undefined : error} onRetry={retry}>
        {application && (
          <>
            <View className='card' data-testid='application-detail'>
              <View className='review__head'>
                <Text className='section-title'>{application.name}</Text>
                <Tag type={APPLICATION_STATUS_TONES[application.status]}>
                  {APPLICATION_STATUS_LABELS[application.status]}
                </Tag>
              </View>
              {[
                ['性别', GENDERS[application.gender]],
                ['出生日期', application.birthDate],
                ['身份证号', application.idNumber],
                ['手机号', application.phone],
                ['社区', application.communityName],
                ['小区和楼栋', application.address],
                ...(application.guardian ? [['监护人', `${application.guardian.name}（${application.guardian.relation}）${application.guardian.phone}`]] : []),
                ...(application.memberNo ? [['会员号', application.memberNo]] : []),
              ].map(([label, value]) => (
                <View key={label} className='review__row'>
                  <Text className='review__label'>{label}</Text>
                  <Text className='review__value' data-testid={`detail-${label}`}>
                    {value}
                  </Text>
                </View>
              ))}
            </View>

            {application.status === 'pending' && (
              <View className='card'>
                <FormField label='不通过的原因' hint='选择“不通过”时必填，申请人会看到' error={reasonError}>
                  <TextArea
                    value={reason}
                    maxLength={200}
                    showCount
                    placeholder='例如：地址不完整，请补充门牌号'
                    onChange={(value) => {
                      setReason(value)
                      setReasonError(undefined)
                    }}
                  />
                </FormField>
                <View className='review__actions'>
                  <Button size='large' type='danger' fill='outline' disabled={busy} onClick={() => decide('reject')}>
                    不通过
                  </Button>
                  <Button size='large' type='primary' disabled={busy} loading={busy} onClick={() => decide('approve')}>
                    通过
                  </Button>
                </View>
              </View>
            )}

            <Corrections application={application} onSaved={() => void reload()} />
            {application.dues && <DuesSection applicationId={application._id} dues={application.dues} onSaved={() => void reload()} />}

            <View className='card'>
              <Text className='section-title'>审核记录</Text>
              <Timeline items={applicationTimeline(application)} />
            </View>
          </>
        )}
      </LoadState>
    </PageShell>
  )
}
