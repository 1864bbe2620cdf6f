import { View, Text, Picker } from '@tarojs/components'
import { Button, Input, Tag } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { CertificateDetails } from '@/components/certificate-details'
import { ChoiceGroup } from '@/components/choice-group'
import { DrawnImage } from '@/components/drawn-image'
import { FormField } from '@/components/form-field'
import { PagedList } from '@/components/paged-list'
import { PageShell } from '@/components/page-shell'
import { formatChinaTime, todayInChina } from '@/domain/dates'
import { ID_TYPE_LABELS, ID_TYPES, type IdType } from '@/domain/volunteer/certificate'
import type { CertificateRequestView } from '@/domain/volunteer/contract'
import { usePagedList } from '@/hooks/use-paged-list'
import { messageOf, ServiceError } from '@/services/service-error'
import { volunteerService } from '@/services/volunteer'
import { CERTIFICATE_HEIGHT, CERTIFICATE_WIDTH, drawServiceCertificate } from '../../components/certificate-drawing'
import { pages } from '@/routes'
import './index.scss'

type Period = 'thisYear' | 'lastYear' | 'custom'

function range(period: Period, custom: { from: string; to: string }): { from: string; to: string } {
  const today = todayInChina()
  const year = Number(today.slice(0, 4))
  if (period === 'thisYear') return { from: `${year}-01-01`, to: today }
  if (period === 'lastYear') return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` }
  return custom
}

const STATUS = { pending: ['待社区出具', 'warning'], issued: ['已出具', 'success'], declined: ['未出具', 'danger'] } as const

/** One request: waiting, declined with the reason, or the certificate as issued. */
function RequestCard({ request, drawn }: { request: CertificateRequestView; drawn: boolean }) {
  const [label, tone] = STATUS[request.status]
  return (
    <View className='card' data-testid='certificate-request'>
      <View className='certificate__head'>
        <Text className='section-title'>
          {request.from} 至 {request.to}
        </Text>
        <Tag type={tone}>{label}</Tag>
      </View>
      <Text className='hint'>申请于 {formatChinaTime(request.requestedAt)}</Text>
      {request.status === 'pending' && <Text className='certificate__text'>社区工作人员核对服务记录后出具，出具后会显示在这里。</Text>}
      {request.status === 'declined' && <Text className='certificate__text'>原因：{request.reason}</Text>}
      {request.certificate && (
        <View data-testid='certificate'>
          {drawn && (
            <DrawnImage
              canvasId='service-certificate'
              width={CERTIFICATE_WIDTH}
              height={CERTIFICATE_HEIGHT}
              draw={async (ctx, loadImage) => {
                if (!request.certificate) return
                const sealUrl = request.certificate.issuer.sealUrl
                drawServiceCertificate(ctx, request.certificate, sealUrl ? await loadImage(sealUrl) : null)
              }}
              version={request.certificate.code}
              label='志愿服务记录证明'
            />
          )}
          <Text className='certificate__code' data-testid='certificate-code'>
            验证编号：{request.certificate.code}
          </Text>
          <CertificateDetails certificate={request.certificate} />
        </View>
      )}
    </View>
  )
}

/**
 * 志愿服务证明: the volunteer asks for a period; staff of their community check the records and
 * issue it in the name of the community's Red Cross organisation (民政部令第67号 2020: 谁记录谁证明).
 * The identity document is asked because the 证明 must name it (民发〔2015〕149号); only a masked
 * number is kept.
 */
export default function CertificatePage() {
  const today = todayInChina()
  const [period, setPeriod] = useState<Period>('thisYear')
  const [custom, setCustom] = useState({ from: `${today.slice(0, 4)}-01-01`, to: today })
  const [idType, setIdType] = useState<IdType>('resident_id')
  const [idNumber, setIdNumber] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string>()
  const [fieldProblems, setFieldProblems] = useState<Record<string, string>>({})
  const list = usePagedList<CertificateRequestView>((page) => volunteerService.myCertificates(page))
  const firstIssued = list.items.find((r) => r.certificate)?._id

  const request = async () => {
    const { from, to } = range(period, custom)
    setBusy(true)
    setProblem(undefined)
    setFieldProblems({})
    try {
      await volunteerService.requestCertificate({ from, to, idType, idNumber })
      setIdNumber('')
      await Taro.showToast({ title: '已提交申请', icon: 'success' })
      await list.refresh()
    } catch (failure) {
      setProblem(messageOf(failure))
      if (failure instanceof ServiceError && failure.fields) setFieldProblems(failure.fields)
    } finally {
      setBusy(false)
    }
  }

  const date = (field: 'from' | 'to') => (
    <Picker mode='date' value={custom[field]} end={today} onChange={(e) => setCustom((c) => ({ ...c, [field]: e.detail.value }))}>
      <View className='form-field__picker' data-testid={`certificate-${field}`}>{custom[field]}</View>
    </Picker>
  )

  return (
    <PageShell className='certificate'>
      <View className='card'>
        <Text className='certificate__text'>
          选择时间段申请志愿服务记录证明。所在社区的红十字会核对服务记录后出具，证明上有编号和验证编号，拿到证明的人可以在小程序里核验。
        </Text>
        <FormField label='时间段' required>
          <ChoiceGroup
            options={[
              { value: 'thisYear', label: '今年' },
              { value: 'lastYear', label: '去年' },
              { value: 'custom', label: '自选日期' },
            ]}
            value={period}
            onChange={(value) => setPeriod(value as Period)}
            testId='certificate-period'
          />
        </FormField>
        {period === 'custom' && (
          <FormField label='从哪天到哪天' required error={fieldProblems.to}>
            {date('from')}
            <Text>至</Text>
            {date('to')}
          </FormField>
        )}
        <FormField label='证件类型' required hint='证明上要写明证件，只显示部分号码'>
          <ChoiceGroup options={ID_TYPES.map((value) => ({ value, label: ID_TYPE_LABELS[value] }))} value={idType} onChange={(value) => setIdType(value as IdType)} testId='certificate-id-type' />
        </FormField>
        <FormField label='证件号码' required error={fieldProblems.idNumber}>
          <Input value={idNumber} maxLength={20} placeholder='请输入证件号码' onChange={setIdNumber} data-testid='certificate-id-number' />
        </FormField>
        {problem && (
          <View className='certificate__problem' role='alert'>
            {problem}
          </View>
        )}
        <Button block size='large' type='primary' loading={busy} onClick={request}>
          申请证明
        </Button>
      </View>

      <Text className='section-title'>我的申请</Text>
      <PagedList list={list} empty='还没有申请过证明'>
        {(item) => <RequestCard key={item._id} request={item} drawn={item._id === firstIssued} />}
      </PagedList>

      <Button block size='large' fill='outline' onClick={() => Taro.navigateTo({ url: pages.volunteerVerify })}>
        验证别人的证明
      </Button>
    </PageShell>
  )
}
