import { AppError } from '@/domain/errors'
import { memberInputs } from '@/domain/member/contract'
import { action } from '../../_kit/define-function'
import { applications, communityFacts, findApplication, toView, UNKNOWN_COMMUNITY } from '../applications'
import { changeKey } from '../../_kit/audit'

/** 在校学生 by staff of the member's community: a student pays dues voluntarily (《中国红十字会会费管理办法》). */
export const setStudent = action({
  input: memberInputs.setStudent,
  audience: ['staff'],
  // The application, beside the caller's record.
  preload: ({ applicationId }) => findApplication({ _id: applicationId }),
  async handler({ student }, ctx, doc) {
    if (!doc) throw new AppError('NOT_FOUND', '没有找到这位会员')
    await ctx.requireStaffOf(doc.communityId)
    if (doc.status !== 'approved') throw new AppError('CONFLICT', '只有会员才需要设置')
    // Setting the same value again changes nothing: safe to retry.
    // The community (for the view's dues) is read beside the change.
    const [, facts] = await Promise.all([applications().where({ _id: doc._id, status: 'approved' }).update({ data: { student } }), communityFacts([doc.communityId])])
    const community = facts.get(doc.communityId) ?? UNKNOWN_COMMUNITY
    return toView({ ...doc, student }, community, { idNumber: false, phone: true })
  },
  audit: (input, out) => ({ communityId: out.communityId, target: out._id, summary: input.student ? '登记为学生会员（可免会费）' : '取消学生会员登记', key: changeKey(out._id, input.student) }),
})
