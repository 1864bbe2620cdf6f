import { View, Text } from '@tarojs/components'
import type { LedgerCheck } from '../use-ledger-check'
import './ledger-check.scss'

/** What the phone's own check of the chain found: 已核验 N 条, or the first broken entry. */
export function LedgerCheckBanner({ check }: { check: LedgerCheck }) {
  if (check.state === 'checking') return <Text className='hint' data-testid='fund-check'>正在本机核验账本…</Text>
  if (check.state === 'failed') return <Text className='hint' data-testid='fund-check'>暂时无法核验：{check.message}</Text>
  const { result } = check
  return (
    <View className={`ledger-check ledger-check--${result.ok ? 'ok' : 'broken'}`} data-testid='fund-check' role='status'>
      {result.ok ? (
        <Text className='ledger-check__text'>✓ 账本完整，已核验 {result.checked} 条</Text>
      ) : (
        <Text className='ledger-check__text'>⚠ 账本核验未通过：{result.brokenAt?.message}（前 {result.checked} 条完好）</Text>
      )}
    </View>
  )
}
