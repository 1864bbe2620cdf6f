import { View, Text } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { ChoiceGroup } from '@/components/choice-group'
import { FormField } from '@/components/form-field'
import { LoadState } from '@/components/load-state'
import { CloudImage } from '@/components/cloud-image'
import { PhotoPicker } from '@/components/photo-picker'
import { PageShell } from '@/components/page-shell'
import { Timeline } from '@/components/timeline'
import { REPORT_KINDS, type AedDetail, type AedReport, type ReportKind } from '@/domain/aed/contract'
import { STANDING_LABELS } from '@/domain/aed/standing'
import { INSPECTION_CYCLES } from '@/domain/aed/inspection'
import { formatDistance, haversineMeters } from '@/domain/geo'
import { usePhotoUpload } from '@/hooks/use-photo-upload'
import { useRemote } from '@/hooks/use-remote'
import { useShareEverywhere } from '@/hooks/use-share'
import { aedService } from '@/services/aed'
import { navigateTo } from '@/services/location'
import { messageOf } from '@/services/service-error'
import { requestSubscriptions } from '@/services/subscriptions'
import { InspectionForm, type Inspection } from '../../components/inspection-form'
import { OpenTag, ReadinessPanel } from '../../components/readiness'
import './index.scss'
import { pages, withQuery } from '@/routes'

const KIND_OPTIONS = (Object.keys(REPORT_KINDS) as ReportKind[]).map((value) => ({ value, label: REPORT_KINDS[value] }))

/** Everything about one AED, how to get there, and 报告问题; inspection for those who look after it. */
export default function AedDetailPage() {
  const { id = '', from } = useRouter().params
  const origin = from?.split(',').map(Number)
  const { data: aed, error, loading, reload, retry } = useRemote(() => aedService.get(id), [id])
  const [reporting, setReporting] = useState(false)
  useShareEverywhere({ title: aed && `AED：${aed.name}`, page: pages.aedDetail, id })
  const [kind, setKind] = useState<ReportKind>()
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const reportUpload = usePhotoUpload('aed-reports')
  const [busy, setBusy] = useState(false)

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true)
    try {
      await work()
      await Taro.showToast({ title: done, icon: 'success' })
      await reload()
      return true
    } catch (failure) {
      await Taro.showModal({ title: '操作未完成', content: messageOf(failure), showCancel: false, confirmText: '知道了' })
      return false
    } finally {
      setBusy(false)
    }
  }

  const submitReport = async () => {
    if (!kind) {
      await Taro.showToast({ title: '请选择问题类型', icon: 'none' })
      return
    }
    // Asked in the tap itself (WeChat's rule), so the outcome can reach the reporter later.
    await requestSubscriptions('aedReport')
    if (await run(() => aedService.report(id, kind, note.trim(), photos[0]), '已报告，谢谢您')) {
      setReporting(false)
      setKind(undefined)
      setNote('')
      setPhotos([])
    }
  }

  const navigate = (target: AedDetail) => {
    if (!navigateTo({ ...target.location, name: target.name, address: `${target.address}（${target.landmark}）` })) {
      void Taro.showModal({ title: '导航', content: `${target.address}，${target.landmark}。在微信小程序中可以直接打开地图导航。`, showCancel: false, confirmText: '知道了' })
    }
  }

  return (
    <PageShell className='aed-page'>
      <LoadState loading={loading && !aed} error={aed ? undefined : error} onRetry={retry}>
        {aed && (
          <>
            <View className='card' data-testid='aed-detail'>
              <View className='aed-detail__head'>
                <Text className='aed-detail__name'>{aed.name}</Text>
                <OpenTag openNow={aed.openNow} />
              </View>
              {origin && origin.length === 2 && (
                <Text className='aed-detail__distance'>
                  距您 {formatDistance(haversineMeters({ latitude: origin[0], longitude: origin[1] }, aed.location))}
                </Text>
              )}
              <ReadinessPanel aed={aed} />
              {aed.photo && <CloudImage className='aed-detail__photo' src={aed.photo} onExpired={reload} />}
              {[
                ['位置', `${aed.address}`],
                ['具体位置', `${aed.landmark}${aed.placement === 'indoor' ? `（室内${aed.floor ? ` ${aed.floor}` : ''}）` : aed.placement === 'outdoor' ? '（室外）' : ''}`],
                ['开放时间', aed.hours],
                ['取用说明', aed.accessNotes || '无'],
                ['取用电话', aed.accessPhone ?? '未登记'],
                ['设备型号', aed.model || '未登记'],
                ['管理单位', aed.guardianOrg || aed.communityName],
                ['上次巡检', aed.lastInspection ? `${aed.lastInspection}（${INSPECTION_CYCLES[aed.inspectionCycle]}巡检）` : '暂无记录'],
                ...(aed.followUps.length ? [['待处理', aed.followUps.join('；')]] : []),
                ['电极片有效期', aed.padsExpiry ?? '未登记'],
                ['电池有效期', aed.batteryExpiry ?? '未登记'],
              ].map(([label, value]) => (
                <View key={label} className='aed-detail__row'>
                  <Text className='aed-detail__label'>{label}</Text>
                  <Text className='aed-detail__value'>{value}</Text>
                </View>
              ))}
              {aed.accessPhone && (
                <Button className='aed-detail__call' block size='large' data-testid='aed-call' onClick={() => Taro.makePhoneCall({ phoneNumber: aed.accessPhone ?? '' })}>
                  拨打取用电话 {aed.accessPhone}
                </Button>
              )}
              <View className='aed-detail__actions'>
                <Button type='primary' size='large' onClick={() => navigate(aed)}>
                  导航
                </Button>
                <Button size='large' onClick={() => setReporting(!reporting)}>
                  报告问题
                </Button>
              </View>
            </View>

            {reporting && (
              <View className='card' data-testid='aed-report'>
                <FormField label='遇到了什么问题' required>
                  <ChoiceGroup options={KIND_OPTIONS} value={kind} onChange={(value) => setKind(value as ReportKind)} testId='report-kind' />
                </FormField>
                <FormField label='补充说明' hint='选填'>
                  <TextArea value={note} maxLength={200} showCount placeholder='例如：柜门锁着，门卫不在' onChange={setNote} />
                </FormField>
                <FormField label='照片' hint='选填，拍下现场情况'>
                  <PhotoPicker value={photos} onChange={setPhotos} max={1} {...reportUpload} />
                </FormField>
                <Text className='aed-detail__text'>设备负责人会去现场检查，处理结果会发到「我的 → 消息」。</Text>
                <Button block type='primary' size='large' disabled={busy} onClick={submitReport}>
                  提交报告
                </Button>
              </View>
            )}

            {aed.canManage && <KeeperPanel aed={aed} busy={busy} run={run} reload={reload} />}

            <View className='card'>
              <Text className='section-title'>设备记录</Text>
              <Timeline items={aed.history.map((h) => ({ at: h.at, title: h.event, by: h.by, note: h.note }))} />
            </View>
          </>
        )}
      </LoadState>
    </PageShell>
  )
}

type Run = (work: () => Promise<unknown>, done: string) => Promise<boolean>

/** For staff and the guardian: verify a suggestion, record an inspection, close reports. */
function KeeperPanel({ aed, busy, run, reload }: { aed: AedDetail; busy: boolean; run: Run; reload(): Promise<void> }) {
  const inspect = ({ photo, ...inspection }: Inspection) => {
    // From the tap itself (WeChat's rule): the keeper hears when pads, battery or the next inspection fall due.
    const subscribing = requestSubscriptions('aedInspect')
    void run(() => subscribing.then(() => aedService.inspect(aed._id, { ...inspection, ...(photo ? { photo } : {}) })), '巡检已记录')
  }
  return (
    <View className='card' data-testid='aed-keeper'>
      <Text className='section-title'>设备管理</Text>
      {aed.verified ? (
        <Button block fill='outline' onClick={() => Taro.navigateTo({ url: withQuery(pages.staffAedEdit, { id: aed._id }) })}>
          修改设备信息
        </Button>
      ) : (
        <>
          <Text className='aed-detail__text'>居民建议的AED：请到现场核实，填写开放时间、室内外、电极片和电池有效期、取用说明和取用电话后再公开。</Text>
          <Button block type='primary' size='large' onClick={() => Taro.navigateTo({ url: withQuery(pages.staffAedEdit, { id: aed._id, verify: 1 }) })}>
            现场核实，填写信息后公开
          </Button>
        </>
      )}
      {aed.reports.map((report) => (
        <ReportItem key={report._id} report={report} busy={busy} run={run} reload={reload} />
      ))}
      {aed.verified && <InspectionForm key={aed.lastInspection ?? ''} aed={aed} busy={busy} submitLabel='记录今天的巡检' onSubmit={inspect} />}
    </View>
  )
}

/**
 * An open report: what was found is written down and sent to the person who reported it, or,
 * after a confirmation, it is closed as unfounded (不属实) with the same text as its reason.
 */
function ReportItem({ report, busy, run, reload }: { report: AedReport; busy: boolean; run: Run; reload(): Promise<void> }) {
  const [resolution, setResolution] = useState('')
  const dismiss = async () => {
    const { confirm } = await Taro.showModal({
      title: '确认报告不属实？',
      content: `这条“${REPORT_KINDS[report.kind]}”报告将被关闭，不再影响设备状态；设备记录会写明由您处理，报告人会收到“经核实不属实”的通知。`,
      confirmText: '不属实',
      cancelText: '再想想',
    })
    if (confirm) await run(() => aedService.dismissReport(report._id, resolution.trim()), '已标记不属实')
  }
  return (
    <View className='aed-detail__report' data-testid='aed-open-report'>
      <Text className='aed-detail__report-title'>
        {REPORT_KINDS[report.kind]}
        {report.note ? `：${report.note}` : ''}
      </Text>
      <Text className='aed-detail__text'>{report.standing ? `报告人：${STANDING_LABELS[report.standing]}` : '报告人身份未核实：设备仍在急救列表中，请尽快到现场查看'}</Text>
      {report.photo && <CloudImage className='aed-detail__report-photo' src={report.photo} onExpired={reload} />}
      {report.photoChecking && <Text className='aed-detail__text'>附有照片，审核通过后显示</Text>}
      <Input className='aed-detail__report-input' value={resolution} maxLength={200} placeholder='处理结果或不属实的说明，会告诉报告人' onChange={setResolution} />
      <View className='aed-detail__report-actions'>
        <Button size='large' disabled={busy} onClick={() => run(() => aedService.resolveReport(report._id, resolution.trim()), '已处理')}>
          处理完毕
        </Button>
        <Button size='large' fill='outline' disabled={busy} data-testid='aed-dismiss-report' onClick={dismiss}>
          不属实
        </Button>
      </View>
    </View>
  )
}
