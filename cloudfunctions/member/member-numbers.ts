import { AppError } from '@/domain/errors'
import { formatMemberNo, memberCounterId } from '@/domain/member/member-number'
import { collections, db } from '../_kit/cloud'

type Counter = { _id: string; seq: number }

const MAX_ATTEMPTS = 50

/**
 * Hands out the next member number of a community for a year. Each step is a compare-and-set on
 * the counter document (`where({ _id, seq })`), atomic on CloudBase and on the local store, so
 * concurrent approvals never get the same number: a loser reads again and tries the next.
 */
export async function allocateMemberNo(communityCode: string, year: number): Promise<string> {
  const counters = db.collection(collections.counters)
  const _id = memberCounterId(communityCode, year)
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { data } = await counters.where({ _id }).get<Counter>()
    if (!data[0]) {
      try {
        await counters.add({ data: { _id, seq: 1 } })
        return formatMemberNo(communityCode, year, 1)
      } catch {
        continue // created by a concurrent approval: take the next number instead
      }
    }
    const seq = data[0].seq
    const { stats } = await counters.where({ _id, seq }).update({ data: { seq: seq + 1 } })
    if (stats.updated === 1) return formatMemberNo(communityCode, year, seq + 1)
  }
  throw new AppError('CONFLICT', '同时审核的申请较多，请稍后再试')
}
