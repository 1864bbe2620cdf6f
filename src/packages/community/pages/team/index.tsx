import { View, Text } from '@tarojs/components'
import { Button, Cell } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ChoiceGroup } from '@/components/choice-group'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import type { Invitation, StaffList, StaffMember } from '@/domain/community/contract'
import { COMMUNITY_ROLE_LABELS, INVITABLE_ROLES, mayGrant, type InvitableRole } from '@/domain/community/roles'
import { formatChinaTime } from '@/domain/dates'
import { useRemote } from '@/hooks/use-remote'
import { useShare } from '@/hooks/use-share'
import { newRequestId, useSubmit } from '@/hooks/use-submit'
import { pages } from '@/routes'
import { communityService } from '@/services/community'
import { CommunityPicker } from '../../components/community-picker'
import { useMyCommunities } from '../../use-my-communities'
import './index.scss'

/** 工作人员: who runs the community; its admins invite with a one-time code and remove. */
export default function TeamPage() {
  const { me, communities, chosen, choose } = useMyCommunities()
  const team = useRemote(async () => (chosen ? communityService.staff(chosen) : undefined), [chosen])
  const [invitation, setInvitation] = useState<Invitation>()
  // The chat card opens 加入工作人员 with the code filled in.
  useShare({ title: invitation ? `邀请您成为${invitation.communityName}的${COMMUNITY_ROLE_LABELS[invitation.role]}` : undefined, page: pages.communityJoin, id: invitation?.code })
  return (
    <PageShell>
      <CommunityPicker communities={communities} value={chosen} onChange={(id) => (setInvitation(undefined), choose(id))} />
      <LoadState loading={(me.loading || team.loading) && !team.data} error={team.data ? undefined : team.error ?? me.error} empty={!chosen && !me.loading ? '您还不是任何社区的工作人员' : false} onRetry={team.retry}>
        {team.data && (
          <>
            <Members team={team.data} onChanged={() => void team.reload()} />
            {team.data.canManage && <InviteCard team={team.data} invitation={invitation} onInvited={setInvitation} />}
          </>
        )}
      </LoadState>
    </PageShell>
  )
}

function Members({ team, onChanged }: { team: StaffList; onChanged(): void }) {
  const { run } = useSubmit()
  const remove = async (member: StaffMember) => {
    const { confirm } = await Taro.showModal({
      title: member.isSelf ? '退出工作人员' : '移除工作人员',
      content: member.isSelf ? `退出后，您将不能再处理${team.communityName}的事务。` : `移除后，${member.displayName}将不能再处理${team.communityName}的事务。`,
      confirmText: member.isSelf ? '退出' : '移除',
      confirmColor: '#c8102e',
    })
    if (!confirm) return
    const done = await run(() => communityService.removeStaff(team.communityId, member.userId), member.isSelf ? '未能退出' : '未能移除')
    if (done) onChanged()
  }
  return (
    <Cell.Group title={`${team.communityName} · ${team.items.length} 人`}>
      {team.items.map((member) => (
        <Cell
          key={member.userId}
          title={`${member.displayName}${member.isSelf ? '（我）' : ''}`}
          description={[...member.roles].reverse().map((role) => COMMUNITY_ROLE_LABELS[role]).join('、')}
          extra={
            team.canManage || member.isSelf ? (
              <Button size='small' fill='outline' type='danger' onClick={() => remove(member)}>
                {member.isSelf ? '退出' : '移除'}
              </Button>
            ) : undefined
          }
        />
      ))}
    </Cell.Group>
  )
}

function InviteCard({ team, invitation, onInvited }: { team: StaffList; invitation: Invitation | undefined; onInvited(invitation: Invitation): void }) {
  const roles = INVITABLE_ROLES.filter((role) => mayGrant(team.myRoles, role))
  const [role, setRole] = useState<InvitableRole>('staff')
  const { busy, run } = useSubmit()
  const create = async () => {
    const made = await run(() => communityService.invite(team.communityId, role, newRequestId()), '未能生成邀请码')
    if (made) onInvited(made)
  }
  return (
    <View className='card' data-testid='invite-card'>
      <Text className='section-title'>邀请新成员</Text>
      <ChoiceGroup options={roles.map((value) => ({ value, label: COMMUNITY_ROLE_LABELS[value] }))} value={role} onChange={(v) => setRole(v as InvitableRole)} testId='invite-role' />
      <Button block type='primary' className='invite__create' loading={busy} onClick={create} data-testid='invite-create'>
        生成邀请码
      </Button>
      {invitation && (
        <View className='invite__result' data-testid='invite-result'>
          <Text className='invite__code' data-testid='invite-code'>
            {invitation.code}
          </Text>
          <Text className='hint'>
            请把邀请码告诉对方：在“我的 → 加入工作人员”输入，成为{COMMUNITY_ROLE_LABELS[invitation.role]}。只能使用一次，{formatChinaTime(invitation.expiresAt, 'M月D日 HH:mm')}前有效。
          </Text>
          {/* The chat card opens 加入工作人员 with the code filled in (useShare above). */}
          <Button block fill='outline' openType='share'>
            发给微信好友
          </Button>
        </View>
      )}
    </View>
  )
}
