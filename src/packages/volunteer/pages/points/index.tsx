import { View, Text } from '@tarojs/components'
import { PageShell } from '@/components/page-shell'
import { DEFAULT_POINTS_PER_HOUR } from '@/domain/volunteer/ledger'
import { DEFAULT_MIN_COVERAGE } from '@/domain/activity/rules'
import './index.scss'

const RULES: { title: string; lines: string[] }[] = [
  {
    title: '积分怎么来',
    lines: [
      `每服务 1 小时，记 ${DEFAULT_POINTS_PER_HOUR} 积分（个别社区另有规定的，按社区的规定）。`,
      '红心愿：心愿主人确认完成后，记入这个心愿的服务时长。',
      `志愿活动：签到签退后，参加时间达到活动时长的${Math.round(DEFAULT_MIN_COVERAGE * 100)}%，记入活动的服务时长。`,
      '漏了签到或签退，可以在活动页面申请补签，组织者核实后补记。',
    ],
  },
  {
    title: '积分有什么用',
    lines: ['积分是社区对志愿者的嘉许回馈，可以在社区服务站兑换社区提供的小礼品或服务，具体以服务站公布的为准。', '服务时长可以申请志愿服务证明，由所在社区的红十字会核实记录后出具。'],
  },
  {
    title: '积分会过期吗',
    lines: ['积分长期有效，不会过期，也不会清零。'],
  },
  {
    title: '记错了怎么办',
    lines: ['如果发现服务时长记错了，请联系社区工作人员核实更正。更正会写明原因，显示在“我的志愿”的记录里。'],
  },
]

/** 积分规则 in plain words: how points are earned, what they are for, that they do not expire. */
export default function PointsRulesPage() {
  return (
    <PageShell>
      {RULES.map((rule) => (
        <View key={rule.title} className='card points-rule'>
          <Text className='section-title points-rule__title'>{rule.title}</Text>
          {rule.lines.map((line) => (
            <Text key={line} className='points-rule__line'>
              {line}
            </Text>
          ))}
        </View>
      ))}
    </PageShell>
  )
}
