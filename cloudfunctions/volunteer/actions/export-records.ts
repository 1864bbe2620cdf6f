import { formatChinaDate } from '@/domain/dates'
import { AppError } from '@/domain/errors'
import { ID_TYPE_LABELS } from '@/domain/volunteer/certificate'
import { volunteerInputs } from '@/domain/volunteer/contract'
import { MAX_EXPORT_ROWS, nationalExportCsv, nationalExportRow, type ExportPerson } from '@/domain/volunteer/national-export'
import { _ } from '../../_kit/cloud'
import { openingKey } from '../../_kit/audit'
import { requireCommunity } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { ledger, type LedgerDoc } from '../../_kit/ledger'
import { openId } from '../../member/id-vault'
import { volunteers, type VolunteerDoc } from '../volunteers'

/** One page of the store's answers (CloudBase's most per get). */
const PAGE = 1000

/** The people of a period's records, found by their openids a page at a time (index `mine`). */
async function peopleOf(openids: string[]): Promise<Map<string, VolunteerDoc>> {
  const chunks = Array.from({ length: Math.ceil(openids.length / PAGE) }, (_unused, i) => openids.slice(i * PAGE, (i + 1) * PAGE))
  const answers = await Promise.all(chunks.map((chunk) => volunteers().where({ openid: _.in(chunk) }).limit(PAGE).get<VolunteerDoc>()))
  return new Map(answers.flatMap((a) => a.data).map((doc) => [doc.openid, doc]))
}

/** A community's records of a period, by the day served. */
const periodOf = (communityId: string, from: string, to: string) => ({ communityId, serviceDate: _.gte(from).and(_.lte(to)) })

/** One page of a period's records, in the order served. */
const pageOf = async (criteria: ReturnType<typeof periodOf>, page: number) => (await ledger().where(criteria).orderBy('serviceDate', 'asc').skip(page * PAGE).limit(PAGE).get<LedgerDoc>()).data

/** Staff see the full ID number here, as the national system needs it to match the person; the export is recorded. */
function personOf(doc: VolunteerDoc | undefined): ExportPerson {
  // Someone who deleted their account leaves anonymised records: the row keeps the service, not the person.
  if (!doc) return { name: '（已注销）', idTypeLabel: '', idNumber: '', phone: '', volunteerNumber: '' }
  const idNumber = doc.idCipher ? openId(doc.idCipher) : ''
  return { name: doc.name, idTypeLabel: idNumber ? ID_TYPE_LABELS.resident_id : '', idNumber, phone: doc.phone, volunteerNumber: doc.volunteerNumber ?? '' }
}

/**
 * 导出志愿服务记录: staff of a community export the service records of a period (by the day served)
 * for the national 志愿服务信息系统, in the columns of src/domain/volunteer/national-export, as a CSV
 * Excel opens (UTF-8 with BOM). Full ID numbers are in it, so every export is in the audit trail.
 */
export const exportRecords = action({
  input: volunteerInputs.exportRecords,
  audience: ['staff'],
  // The community, the period's count and its first page of records, beside the caller's record
  // (nothing is answered before the staff check passes).
  preload: ({ communityId, from, to }) => {
    const criteria = periodOf(communityId, from, to)
    return Promise.all([requireCommunity(communityId), ledger().where(criteria).count(), pageOf(criteria, 0)])
  },
  async handler({ communityId, from, to }, ctx, [community, { total }, first]) {
    await ctx.requireStaffOf(communityId)
    if (total > MAX_EXPORT_ROWS) throw new AppError('INVALID_INPUT', `这段时间有 ${total} 条记录，一次最多导出 ${MAX_EXPORT_ROWS} 条，请缩短时间段`, { to: '请缩短时间段' })
    const criteria = periodOf(communityId, from, to)
    const more = await Promise.all(Array.from({ length: Math.max(0, Math.ceil(total / PAGE) - 1) }, (_unused, i) => pageOf(criteria, i + 1)))
    const records = [first, ...more].flat()
    const people = await peopleOf([...new Set(records.map((r) => r.openid))])
    const organisation = community.certificateIssuer?.orgName ?? community.name
    const rows = records.map((r) => nationalExportRow({ ...r, recordedOn: formatChinaDate(r.at) }, personOf(people.get(r.openid)), organisation))
    const withoutId = rows.filter((row) => row[2] === '').length
    return { fileName: `${community.name}志愿服务记录_${from}_${to}.csv`, csv: nationalExportCsv(rows), rows: rows.length, withoutId }
  },
  audit: (input, out, actor) => ({
    communityId: input.communityId,
    target: `records:${input.from}~${input.to}`,
    summary: `导出志愿服务记录 ${input.from} 至 ${input.to}（${out.rows} 条，含完整身份证号）`,
    key: openingKey(actor.openid, `${input.communityId}:${input.from}:${input.to}`),
  }),
})
