import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { formatChinaTime } from '@/domain/dates'
import type { ImportMatch } from '@/domain/import/contract'
import { useRemote } from '@/hooks/use-remote'
import { importService } from '@/services/import'
import { messageOf } from '@/services/service-error'

const WHO: Record<ImportMatch['kind'], string> = { volunteers: '注册的志愿者', members: '入会申请人' }

/**
 * People who registered with the phone of a record the station imported. A phone number is not
 * proof: staff confirm it is the same person (by asking them), and only then the record — with its
 * earlier service hours — becomes theirs.
 */
export default function ImportMatchesPage() {
  const matches = useRemote(() => importService.matches())

  const confirm = async (match: ImportMatch) => {
    const { confirm: sure } = await Taro.showModal({
      title: '确认是同一个人？',
      content: `导入的“${match.name}”（${match.phone}）与${WHO[match.kind]}“${match.candidateName}”将合为一人：${match.detail}。请先当面或电话核实。`,
      confirmText: '是本人',
      cancelText: '再核实',
    })
    if (!sure) return
    try {
      await importService.confirmMatch(match.personId, match.candidateId)
      await Taro.showToast({ title: '已关联', icon: 'success' })
    } catch (error) {
      await Taro.showModal({ title: '关联未完成', content: messageOf(error), showCancel: false, confirmText: '知道了' })
    }
    await matches.reload()
  }

  const items = matches.data?.items ?? []
  return (
    <PageShell>
      <LoadState loading={matches.loading && !matches.data} error={matches.data ? undefined : matches.error} empty={!matches.loading && items.length === 0 && '没有待确认的人员'} onRetry={matches.retry}>
        {items.map((match) => (
          <View key={`${match.personId}:${match.candidateId}`} className='card' data-testid='import-match'>
            <Text className='section-title'>
              {match.name} · {match.phone}
            </Text>
            <Text className='hint'>导入的记录：{match.detail}</Text>
            <Text className='hint'>
              {WHO[match.kind]}：{match.candidateName}，{match.kind === 'members' ? '申请于' : '注册于'} {formatChinaTime(match.candidateSince)}
            </Text>
            <View className='staff-actions'>
              <Button type='primary' onClick={() => confirm(match)} data-testid='import-match-confirm'>
                确认是本人
              </Button>
            </View>
          </View>
        ))}
      </LoadState>
    </PageShell>
  )
}
