import type { Me } from '@/domain/user/contract'
import { PENDING_NUMBER_LABEL } from '@/domain/firstaid/training'
import { memberService } from '@/services/member'
import { trainingService } from '@/services/training'
import { volunteerService } from '@/services/volunteer'
import { useRemote } from './use-remote'

/** One line each for 我的: member number, volunteer hours, 救护员证, when the person has them. */
export function useMySummary(me: Me | undefined) {
  return useRemote(async () => {
    if (!me) return { member: undefined, volunteer: undefined, certificate: undefined }
    const [member, volunteer, certificates] = await Promise.all([memberService.mine(), volunteerService.mine(), trainingService.certificates()])
    const certificate = certificates.items[0]
    return {
      certificate: certificate ? `救护员证 ${certificate.number ?? PENDING_NUMBER_LABEL}，有效期至 ${certificate.validUntil}` : undefined,
      member: member.card ? `会员号 ${member.card.memberNo}` : member.application ? '入会申请办理中' : undefined,
      volunteer: volunteer.profile?.status === 'active' ? `服务 ${volunteer.profile.hours} 小时 · 积分 ${volunteer.profile.points}` : undefined,
    }
  }, [me?.userId])
}
