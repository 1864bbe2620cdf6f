import { ScrollView, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { ChoiceGroup } from '@/components/choice-group'
import { LoadState } from '@/components/load-state'
import { PagedList } from '@/components/paged-list'
import { PageShell } from '@/components/page-shell'
import type { AidRequest } from '@/domain/fund/contract'
import { usePagedList } from '@/hooks/use-paged-list'
import { useMe } from '@/hooks/use-me'
import { useRemote } from '@/hooks/use-remote'
import { withQuery } from '@/routes'
import { fundService } from '@/services/fund'
import { AidCard } from '../../components/aid-card'
import { ExportCard } from '../../components/export-card'
import { ProjectForm } from '../../components/project-form'
import { RecordForm } from '../../components/record-form'
import { StaffEntries } from '../../components/staff-entries'
import { fundPages } from '../../routes'
import '../../components/choice-scroll.scss'

/** 互助金记账 (staff): record, decide and pay aid requests, correct, issue receipts, export, add projects. */
export default function FundStaffPage() {
  const me = useMe()
  const staffCommunities = (me.data?.communities ?? []).filter((c) => me.data?.staffCommunityIds.includes(c._id))
  const [communityId, setCommunityId] = useState<string>()
  const [version, setVersion] = useState(0)
  const [addingProject, setAddingProject] = useState(false)
  useEffect(() => {
    if (!communityId && staffCommunities[0]) setCommunityId(staffCommunities[0]._id)
  }, [communityId, staffCommunities])
  const projects = useRemote(async () => (communityId ? fundService.projects(communityId) : undefined), [communityId, version])
  const queue = usePagedList<AidRequest>((page) => fundService.aidQueue(page), [version])

  return (
    <PageShell className='fund-staff'>
      <LoadState loading={me.loading && !me.data} error={me.data ? undefined : me.error} empty={!!me.data && staffCommunities.length === 0 && '只有社区工作人员可以记账'} onRetry={me.reload}>
        <ScrollView scrollX className='fund-choice-scroll'>
          <ChoiceGroup options={staffCommunities.map((c) => ({ value: c._id, label: c.name }))} value={communityId} onChange={(value) => setCommunityId(value as string)} testId='staff-fund-community' />
        </ScrollView>
        <Button block fill='outline' onClick={() => void Taro.navigateTo({ url: communityId ? withQuery(fundPages.public, { id: communityId }) : fundPages.public })}>
          查看公开页面
        </Button>

        <Text className='section-title'>待处理的救助申请</Text>
        <PagedList list={queue} empty='没有待处理的申请'>
          {(aid) => <AidCard key={aid._id} aid={aid} />}
        </PagedList>

        {communityId && (
          <>
            <Text className='section-title'>记一笔</Text>
            <RecordForm communityId={communityId} projects={projects.data?.items ?? []} onRecorded={() => setVersion((v) => v + 1)} />
            <Text className='section-title'>最近账目</Text>
            <StaffEntries communityId={communityId} version={version} />
            <Text className='section-title'>导出给财务</Text>
            <ExportCard communityId={communityId} />
            <Text className='section-title'>募捐项目</Text>
            {addingProject ? (
              <ProjectForm communityId={communityId} onSaved={() => { setAddingProject(false); setVersion((v) => v + 1) }} />
            ) : (
              <Button block fill='outline' onClick={() => setAddingProject(true)}>
                新建募捐项目
              </Button>
            )}
          </>
        )}
      </LoadState>
    </PageShell>
  )
}
