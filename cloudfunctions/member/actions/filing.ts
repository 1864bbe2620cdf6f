import { todayInChina } from '@/domain/dates'
import { isYouth } from '@/domain/member/age'
import { GENDERS } from '@/domain/member/application'
import { memberInputs, type FilingRow } from '@/domain/member/contract'
import { _ } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { applications, duesOf, type ApplicationDoc, type CommunityFacts } from '../applications'
import { districtCommunities } from '../../_kit/district'
import { openingKey } from '../../_kit/audit'
import { readPage } from '../../_kit/pages'

/** The most rows one export carries (a district's members joined in a period). */
const EXPORT_MAX = 1000

function toRow(doc: ApplicationDoc, community: CommunityFacts): FilingRow {
  return {
    applicationId: doc._id,
    memberNo: doc.memberNo ?? '',
    name: doc.name,
    gender: doc.gender,
    birthDate: doc.birthDate,
    idNumber: doc.idMasked,
    communityName: community.name,
    address: doc.address,
    joinedAt: doc.joinedAt ?? '',
    youth: isYouth(doc.birthDate, todayInChina()),
    dues: duesOf(doc, community)?.label ?? '',
  }
}

async function scope(user: Parameters<typeof districtCommunities>[0]) {
  const communities = await districtCommunities(user)
  return { ids: communities.map((c) => c._id), byId: new Map(communities.map((c) => [c._id, { name: c.name, dues: c.dues }])) }
}

const criteria = (ids: string[], joinedFrom: string, joinedTo: string) => ({ communityId: _.in(ids), status: 'approved', joinedAt: _.gte(joinedFrom).and(_.lte(joinedTo)) })

/**
 * 备案 (《中国红十字会会员管理办法》: approved members are 报县级以上红十字会备案): the members of every
 * community of the caller's district, joined in the period. ID numbers masked; opening one goes
 * through `member.get`, which records it.
 */
export const filing = action({
  input: memberInputs.filing,
  audience: ['district'],
  async handler({ joinedFrom, joinedTo, page, pageSize }, ctx) {
    const { ids, byId } = await scope(await ctx.user())
    if (ids.length === 0) return { items: [], hasMore: false, page, pageSize }
    const where = criteria(ids, joinedFrom, joinedTo)
    const { docs: data, hasMore } = await readPage<ApplicationDoc>(applications().where(where).orderBy('joinedAt', 'asc'), page, pageSize)
    return { items: data.map((doc) => toRow(doc, byId.get(doc.communityId) ?? { name: '' })), hasMore, page, pageSize }
  },
  audit: (input, out, actor) => (out.items.length ? actor.districts.map((district) => ({ communityId: null, district, target: `filing:${input.joinedFrom}~${input.joinedTo}`, summary: `查看会员备案第 ${input.page} 页（含完整身份证号，${out.items.length} 人）`, key: openingKey(actor.openid, `${district}:${input.joinedFrom}:${input.joinedTo}:${input.page}`) })) : null),
})

const COLUMNS: Array<[string, (row: FilingRow) => string]> = [
  ['会员号', (r) => r.memberNo],
  ['姓名', (r) => r.name],
  ['性别', (r) => GENDERS[r.gender]],
  ['出生日期', (r) => r.birthDate],
  ['身份证号', (r) => r.idNumber],
  ['会员类别', (r) => (r.youth ? '青少年会员' : '成人会员')],
  ['所属社区', (r) => r.communityName],
  ['小区楼栋', (r) => r.address],
  ['入会日期', (r) => r.joinedAt],
  ['会费', (r) => r.dues],
]

/** RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a cell as a formula. */
const cell = (value: string) => `"${(/^[=+\-@]/.test(value) ? `'${value}` : value).replace(/"/g, '""')}"`

/** The period's 备案 as a CSV file: UTF-8 with a BOM (Excel reads Chinese only with it), CRLF lines. */
export const filingExport = action({
  input: memberInputs.filingExport,
  audience: ['district'],
  async handler({ joinedFrom, joinedTo }, ctx) {
    const { ids, byId } = await scope(await ctx.user())
    const { data } = ids.length
      ? await applications().where(criteria(ids, joinedFrom, joinedTo)).orderBy('joinedAt', 'asc').limit(EXPORT_MAX).get<ApplicationDoc>()
      : { data: [] as ApplicationDoc[] }
    const rows = data.map((doc) => toRow(doc, byId.get(doc.communityId) ?? { name: '' }))
    const lines = [COLUMNS.map(([title]) => cell(title)).join(','), ...rows.map((row) => COLUMNS.map(([, value]) => cell(value(row))).join(','))]
    return { fileName: `会员备案-${joinedFrom}-${joinedTo}.csv`, csv: `\uFEFF${lines.join('\r\n')}\r\n`, rows: rows.length }
  },
  audit: (input, out, actor) => actor.districts.map((district) => ({ communityId: null, district, target: `filing:${input.joinedFrom}~${input.joinedTo}`, summary: `导出会员备案（${out.rows} 人，含完整身份证号）`, key: openingKey(actor.openid, `${district}:${input.joinedFrom}:${input.joinedTo}`) })),
})
