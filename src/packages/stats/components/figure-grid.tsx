import { View, Text } from '@tarojs/components'
import { formatYuan } from '@/domain/fund/rules'
import type { Figures } from '@/domain/stats/figures'
import './figure-grid.scss'

const shown = (f: Figures): Array<[string, string]> => [
  ['红十字会员', `${f.members}`],
  ['其中青少年会员', `${f.youthMembers}`],
  ['志愿者', `${f.volunteers}`],
  ['注册志愿者（年服务满20小时）', `${f.registeredVolunteers}`],
  ['今年服务时长', `${f.hours} 小时`],
  ['今年发布心愿', `${f.wishesPosted}`],
  ['今年完成心愿', `${f.wishesCompleted}`],
  ['持有效救护员证', `${f.rescuers}`],
  ['参加救护培训', `${f.reached} 人次`],
  ['线上学完急救课（测验通过）', `${f.lessonsPassed} 课次`],
  ['紧急呼（响应人次）', `${f.rescueAlerts}（${f.rescueResponses}）`],
  ['AED（可用）', `${f.aeds}（${f.aedsReady}）`],
  ['互助金余额', `${formatYuan(f.fundBalanceFen)} 元`],
]

/** Every figure as label and number, two to a row (one in 大字模式 when they no longer fit). */
export function FigureGrid({ figures }: { figures: Figures }) {
  return (
    <View className='figure-grid' data-testid='stats-figures'>
      {shown(figures).map(([label, value]) => (
        <View key={label} className='figure-grid__item'>
          <Text className='figure-grid__value'>{value}</Text>
          <Text className='figure-grid__label'>{label}</Text>
        </View>
      ))}
    </View>
  )
}
