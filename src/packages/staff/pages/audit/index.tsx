import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import { ChoiceGroup } from '@/components/choice-group'
import { PagedList } from '@/components/paged-list'
import { PageShell } from '@/components/page-shell'
import type { AuditEntry } from '@/domain/audit/contract'
import { formatChinaTime } from '@/domain/dates'
import { useMe } from '@/hooks/use-me'
import { usePagedList } from '@/hooks/use-paged-list'
import { communityService } from '@/services/community'
import './index.scss'

const ALL = 'all'

/**
 * 操作记录: what staff did in the caller's communities (decisions, settings, hours, AEDs, the
 * ledger, certificates, exports, each opening of a full ID number), newest first. Read-only:
 * entries are never edited.
 */
export default function AuditPage() {
  const me = useMe()
  const [communityId, setCommunityId] = useState<string>(ALL)
  const list = usePagedList<AuditEntry>((page) => communityService.audit(communityId === ALL ? undefined : communityId, page), [communityId])
  const mine = me.data?.communities.filter((c) => me.data?.staffCommunityIds.includes(c._id)) ?? []
  const nameOf = (id: string | null) => (id ? (me.data?.communities.find((c) => c._id === id)?.name ?? '') : '')
  return (
    <PageShell>
      {mine.length > 1 && (
        <ChoiceGroup
          testId='audit-community'
          options={[{ value: ALL, label: '全部社区' }, ...mine.map((c) => ({ value: c._id, label: c.name }))]}
          value={communityId}
          onChange={(value) => setCommunityId(value as string)}
        />
      )}
      <PagedList list={list} empty='还没有操作记录'>
        {(entry) => (
          <View key={entry._id} className='card' data-testid='audit-entry'>
            <Text className='audit__summary'>{entry.summary}</Text>
            <Text className='hint audit__meta'>
              {formatChinaTime(entry.at)} · {entry.actorName || '已注销的账号'}
              {nameOf(entry.communityId) ? ` · ${nameOf(entry.communityId)}` : ''}
            </Text>
          </View>
        )}
      </PagedList>
    </PageShell>
  )
}
