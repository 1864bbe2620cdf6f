import type { Me } from '@/domain/user/contract'
import { memberService } from '@/services/member'
import { volunteerService } from '@/services/volunteer'
import { useRemote } from './use-remote'

/** One line each for 我的: the member number and the volunteer's hours, when the person has them. */
export function useMySummary(me: Me | undefined) {
  return useRemote(async () => {
    if (!me) return { member: undefined, volunteer: undefined }
    const [member, volunteer] = await Promise.all([memberService.mine(), volunteerService.mine()])
    return {
      member: member.card ? `会员号 ${member.card.memberNo}` : member.application ? '入会申请办理中' : undefined,
      volunteer: volunteer.profile?.status === 'active' ? `服务 ${volunteer.profile.hours} 小时 · 积分 ${volunteer.profile.points}` : undefined,
    }
  }, [me?.userId])
}
