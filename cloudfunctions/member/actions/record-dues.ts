import { plainYuan } from '@/domain/fund/rules'
import { todayInChina } from '@/domain/dates'
import { AppError } from '@/domain/errors'
import { isYouth } from '@/domain/member/age'
import { memberInputs } from '@/domain/member/contract'
import { DUES_CAP_FEN, formatYuan } from '@/domain/member/dues'
import { _ } from '../../_kit/cloud'
import { action, ERASED_MEANWHILE } from '../../_kit/define-function'
import { applications, communityFacts, duesOf, findApplication, toView, UNKNOWN_COMMUNITY, type ApplicationDoc } from '../applications'

const invalid = (field: string, message: string) => new AppError('INVALID_INPUT', message, { [field]: message })

/** The same payment sent again (a retry) answers as the first did; another one for that year is refused. */
function alreadyRecorded(doc: ApplicationDoc, year: number, receiptNo: string): boolean {
  const recorded = (doc.duesPayments ?? []).find((payment) => payment.year === year)
  if (!recorded) return false
  if (recorded.receiptNo === receiptNo) return true
  throw new AppError('CONFLICT', `${year}年的会费已经记录过了（收据号 ${recorded.receiptNo}）`)
}

/**
 * 记录会费 by staff of the member's community: one year at a time, in order from the year of joining
 * (《中国红十字会会费管理办法》: yearly dues, ≤ 10 元 adults, ≤ 5 元 youth members). The payment and
 * the new paid-through year are one conditional update on the previous paid-through year, so two
 * staff recording at once cannot both succeed and a retry records nothing twice.
 */
export const recordDues = action({
  input: memberInputs.recordDues,
  audience: ['staff'],
  // The application and its community (its dues setting), beside the caller's record.
  async preload({ applicationId }) {
    const doc = await findApplication({ _id: applicationId })
    return { doc, community: doc ? ((await communityFacts([doc.communityId])).get(doc.communityId) ?? UNKNOWN_COMMUNITY) : UNKNOWN_COMMUNITY }
  },
  async handler({ year, amountFen, receiptNo }, ctx, { doc, community }) {
    if (!doc) throw new AppError('NOT_FOUND', '没有找到这位会员')
    const staff = await ctx.requireStaffOf(doc.communityId)
    const standing = duesOf(doc, community)
    if (!standing) throw new AppError('CONFLICT', '只有会员才需要缴纳会费')
    if (alreadyRecorded(doc, year, receiptNo)) return toView(doc, community, { idNumber: false, phone: true })
    if (standing.state === 'lapsed') throw new AppError('CONFLICT', '这位会员已连续两年未缴会费，视为自动退会，请重新办理入会')
    const today = todayInChina()
    const expected = standing.nextYear
    if (year !== expected) throw invalid('year', `请记录${expected}年的会费（会费按年度依次缴纳）`)
    if (year > Number(today.slice(0, 4)) + 1) throw invalid('year', '最多预缴下一年度的会费')
    const cap = isYouth(doc.birthDate, today) ? DUES_CAP_FEN.youth : DUES_CAP_FEN.adult
    if (amountFen > cap) throw invalid('amountFen', `会费每年不超过${formatYuan(cap)}（《中国红十字会会费管理办法》）`)
    const payment = { year, amountFen, receiptNo, at: new Date(), by: ctx.openid, byName: `工作人员 ${staff.displayName}` }
    const { stats } = await applications()
      .where({ _id: doc._id, status: 'approved', duesPaidThrough: doc.duesPaidThrough ?? null })
      .update({ data: { duesPaidThrough: year, duesPayments: _.push(payment) } })
    if (stats.updated !== 1) {
      // Another call recorded first: the same payment (a retry) answers as it is stored; gone means 注销 erased it.
      const now = await findApplication({ _id: doc._id })
      if (!now) throw ERASED_MEANWHILE()
      if (!alreadyRecorded(now, year, receiptNo)) throw new AppError('CONFLICT', '会费记录已变化，请刷新后再试')
      return toView(now, community, { idNumber: false, phone: true })
    }
    // The record as written (the update matched it), without reading it back.
    return toView({ ...doc, duesPaidThrough: year, duesPayments: [...(doc.duesPayments ?? []), payment] }, community, { idNumber: false, phone: true })
  },
  audit: (input, out) => ({ communityId: out.communityId, target: out._id, summary: `登记 ${input.year} 年会费 ${plainYuan(input.amountFen)} 元，收据号 ${input.receiptNo}`, key: `${out._id}:${input.year}:${input.receiptNo}` }),
})
