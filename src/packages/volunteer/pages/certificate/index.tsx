import { View, Text, Picker } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ChoiceGroup } from '@/components/choice-group'
import { DrawnImage } from '@/components/drawn-image'
import { FormField } from '@/components/form-field'
import { PageShell } from '@/components/page-shell'
import { todayInChina } from '@/domain/dates'
import type { ServiceCertificate } from '@/domain/volunteer/contract'
import { messageOf } from '@/services/service-error'
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

/**
 * 志愿服务证明: the volunteer picks a period and gets a certificate of the hours served in it,
 * as a picture to keep or show, with a code anyone can verify.
 */
export default function CertificatePage() {
  const today = todayInChina()
  const [period, setPeriod] = useState<Period>('thisYear')
  const [custom, setCustom] = useState({ from: `${today.slice(0, 4)}-01-01`, to: today })
  const [certificate, setCertificate] = useState<ServiceCertificate>()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string>()

  const issue = async () => {
    const { from, to } = range(period, custom)
    setBusy(true)
    setProblem(undefined)
    try {
      setCertificate(await volunteerService.issueCertificate(from, to))
    } catch (failure) {
      setProblem(messageOf(failure))
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
        <Text className='certificate__text'>选择时间段，开具这段时间的志愿服务证明。证明上有验证编号，单位或学校可以在小程序里核验真伪。</Text>
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
          <FormField label='从哪天到哪天' required>
            {date('from')}
            <Text>至</Text>
            {date('to')}
          </FormField>
        )}
        {problem && (
          <View className='certificate__problem' role='alert'>
            {problem}
          </View>
        )}
        <Button block size='large' type='primary' loading={busy} onClick={issue}>
          开具证明
        </Button>
      </View>

      {certificate && (
        <View className='card' data-testid='certificate'>
          <DrawnImage
            canvasId='service-certificate'
            width={CERTIFICATE_WIDTH}
            height={CERTIFICATE_HEIGHT}
            draw={(ctx) => drawServiceCertificate(ctx, certificate)}
            version={certificate.code}
            label='志愿服务证明'
          />
          <Text className='certificate__code' data-testid='certificate-code'>
            验证编号：{certificate.code}
          </Text>
          <Text className='hint'>
            {certificate.from} 至 {certificate.to}，共 {certificate.hours} 小时、{certificate.items.length} 次服务。
          </Text>
        </View>
      )}

      <Button block size='large' fill='outline' onClick={() => Taro.navigateTo({ url: pages.volunteerVerify })}>
        验证别人的证明
      </Button>
    </PageShell>
  )
}
