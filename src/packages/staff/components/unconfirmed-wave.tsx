import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { useState } from 'react'
import { ChoiceGroup } from '@/components/choice-group'
import { REPORT_KINDS } from '@/domain/aed/contract'
import { todayInChina } from '@/domain/dates'
import { useRemote } from '@/hooks/use-remote'
import { aedService } from '@/services/aed'
import { messageOf } from '@/services/service-error'

/** How far back a wave is looked for: today, or the last 7 days. */
const PERIODS = [{ value: '0', label: '今天' }, { value: '6', label: '最近7天' }]

/**
 * Reports from accounts without standing (they only warn) in one community and period, and one
 * action that dismisses them all after a confirmation: how staff undo a wave of fake reports.
 */
export function UnconfirmedWave({ communityId, name, onChanged }: { communityId: string; name: string; onChanged(): void }) {
  const [days, setDays] = useState('6')
  const to = todayInChina()
  const period = { communityId, from: dayjs(to).subtract(Number(days), 'day').format('YYYY-MM-DD'), to }
  const wave = useRemote(() => aedService.unconfirmedReports(period), [communityId, days])
  if (!wave.data || wave.data.total === 0) return null

  const dismissAll = async () => {
    const { confirm } = await Taro.showModal({
      title: `撤销${wave.data?.total ?? 0}条未核实的报告？`,
      content: '这些报告来自身份未核实的账号。撤销后它们不再影响设备状态，报告人会收到“未发现报告的问题”的通知；有身份的人的报告不受影响。',
      confirmText: '全部撤销',
      cancelText: '再想想',
    })
    if (!confirm) return
    try {
      const { dismissed } = await aedService.dismissUnconfirmed(period)
      await Taro.showToast({ title: `已撤销${dismissed}条`, icon: 'success' })
      await wave.reload()
      onChanged()
    } catch (error) {
      await Taro.showModal({ title: '未能撤销', content: messageOf(error), showCancel: false, confirmText: '知道了' })
    }
  }

  return (
    <View className='card' data-testid='unconfirmed-wave'>
      <Text className='section-title'>{name}：未核实身份的报告</Text>
      <ChoiceGroup options={PERIODS} value={days} onChange={(value) => setDays(value as string)} />
      <Text className='aed-manage__where'>
        {wave.data.total}条报告，涉及{wave.data.aeds}台AED。这些设备仍在急救列表中（标“待核实”），请到现场查看或全部撤销。
      </Text>
      {wave.data.items.slice(0, 5).map((report) => (
        <Text key={report._id} className='aed-manage__reasons'>
          {report.aedName}：{REPORT_KINDS[report.kind]}
        </Text>
      ))}
      <Button block type='danger' fill='outline' size='large' data-testid='dismiss-wave' onClick={dismissAll}>
        全部撤销这些报告
      </Button>
    </View>
  )
}
