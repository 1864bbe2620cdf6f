import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { todayInChina } from '@/domain/dates'
import { gaugesOf } from '@/domain/stats/figures'
import { useMe } from '@/hooks/use-me'
import { useRemote } from '@/hooks/use-remote'
import { messageOf } from '@/services/service-error'
import { CSV_TYPE, saveTextFile } from '@/services/save-file'
import { statsService } from '@/services/stats'
import { DistrictTable } from '../../components/district-table'
import { Gauge } from '../../components/gauge'
import { HourBars } from '../../components/hour-bars'
import { TargetsForm } from '../../components/targets-form'

/** The district's 家园数据: its communities compared, the totals against the year's targets; CSV and targets for 区红十字会. */
export default function DistrictStatsPage() {
  const params = useRouter().params
  const year = Number(params.year) || Number(todayInChina().slice(0, 4))
  const district = params.district ? decodeURIComponent(params.district) : undefined
  const me = useMe()
  const stats = useRemote(() => statsService.district(year, district), [year, district])
  const isDistrict = !!me.data?.roles.includes('district')
  const [exporting, setExporting] = useState(false)
  const s = stats.data
  const exportCsv = async () => {
    setExporting(true)
    try {
      const result = await statsService.exportCsv(year)
      await saveTextFile(result.filename, result.csv, CSV_TYPE)
      await Taro.showToast({ title: `已导出 ${result.rows} 行`, icon: 'success' })
    } catch (failure) {
      await Taro.showModal({ title: '未能导出', content: messageOf(failure), showCancel: false, confirmText: '知道了' })
    } finally {
      setExporting(false)
    }
  }
  return (
    <PageShell className='stats'>
      <LoadState loading={stats.loading && !s} error={s ? undefined : stats.error} onRetry={stats.reload}>
        {s && (
          <>
            <View className='card'>
              <Text className='section-title'>
                {s.district} · {s.year}年 · {s.communities.length} 个博爱家园
              </Text>
              <Text className='hint'>百分比为全年目标完成率；数据每小时根据各社区登记记录自动统计。</Text>
            </View>
            <View className='card'>
              <DistrictTable stats={s} />
            </View>
            {gaugesOf(s.total, s.targets).length > 0 && (
              <View className='card' data-testid='stats-district-gauges'>
                {gaugesOf(s.total, s.targets).map((g) => (
                  <Gauge key={g.key} label={g.label} value={g.value} target={g.target} percent={g.percent} unit={g.unit} />
                ))}
              </View>
            )}
            <Text className='section-title'>全区每月志愿服务时长</Text>
            <View className='card'>
              <HourBars months={s.hoursByMonth} upTo={year === Number(todayInChina().slice(0, 4)) ? Number(todayInChina().slice(5, 7)) : 12} />
            </View>
            {isDistrict && (
              <>
                <Button block fill='outline' loading={exporting} onClick={() => void exportCsv()} data-testid='stats-export'>
                  导出全区数据（CSV）
                </Button>
                <Text className='section-title'>设定全年目标</Text>
                <TargetsForm communities={s.communities} year={year} onSaved={() => void stats.reload()} />
              </>
            )}
          </>
        )}
      </LoadState>
    </PageShell>
  )
}
