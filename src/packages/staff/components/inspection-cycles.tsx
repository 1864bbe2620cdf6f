import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ChoiceGroup } from '@/components/choice-group'
import { LoadState } from '@/components/load-state'
import { INSPECTION_CYCLES, type InspectionCycle } from '@/domain/aed/inspection'
import { useRemote } from '@/hooks/use-remote'
import { aedService } from '@/services/aed'
import { messageOf } from '@/services/service-error'

const OPTIONS = (Object.keys(INSPECTION_CYCLES) as InspectionCycle[]).map((value) => ({ value, label: INSPECTION_CYCLES[value] }))

/** 巡检周期: how often each of the staff member's communities inspects its AEDs (overdue follows it). */
export function InspectionCycles() {
  const cycles = useRemote(() => aedService.inspectionCycles())
  const choose = async (communityId: string, cycle: InspectionCycle) => {
    try {
      await aedService.setInspectionCycle(communityId, cycle)
      await Taro.showToast({ title: '巡检周期已保存', icon: 'success' })
      await cycles.reload()
    } catch (error) {
      await Taro.showModal({ title: '未能保存', content: messageOf(error), showCancel: false, confirmText: '知道了' })
    }
  }
  return (
    <View className='card' data-testid='inspection-cycles'>
      <Text className='section-title'>巡检周期</Text>
      <Text className='hint'>超过周期没有巡检的AED会提醒负责人，并在地图上标出“超期未巡检”。人员密集场所建议每天检查。</Text>
      <LoadState loading={cycles.loading && !cycles.data} error={cycles.data ? undefined : cycles.error} onRetry={cycles.retry}>
        {cycles.data?.items.map((item) => (
          <View key={item.communityId} className='aed-manage__cycle'>
            <Text className='aed-manage__where'>{item.name}</Text>
            <ChoiceGroup options={OPTIONS} value={item.cycle} onChange={(value) => void choose(item.communityId, value as InspectionCycle)} testId={`cycle-${item.communityId}`} />
          </View>
        ))}
      </LoadState>
    </View>
  )
}
