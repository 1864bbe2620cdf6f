import crypto from 'node:crypto'
import { todayInChina } from '@/domain/dates'
import { AppError } from '@/domain/errors'
import { certificateNumber, maskDocumentNumber, MONTHLY_CERTIFICATE_REQUESTS, volunteerNumber, type CertificateIssuer } from '@/domain/volunteer/certificate'
import { volunteerInputs } from '@/domain/volunteer/contract'
import { serviceCount } from '@/domain/volunteer/ledger'
import { _, collections, db, isDuplicateKey } from '../../_kit/cloud'
import { communityNames, requireCommunity } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { ownedId } from '../../_kit/ids'
import { takeSlot } from '../../_kit/rate-limit'
import { nextInSequence, readSequence, type SequenceState } from '../../_kit/sequence'
import type { LedgerDoc } from '../../_kit/ledger'
import { certificateRequests, certificates, newVerifyCode, pendingRequest, recordsOf, toCertificate, toRequestView, type CertificateDoc, type CertificateRequestDoc } from '../certificates'
import { findVolunteer, volunteers, type VolunteerDoc } from '../volunteers'
import { changeKey } from '../../_kit/audit'
import { readPage } from '../../_kit/pages'
import { temporaryUrls } from '../../_kit/temp-urls'
import { requireOwnFiles } from '../../_kit/uploads'

/**
 * 申请志愿服务证明: the volunteer asks for a period; staff of their community issue it (谁记录谁证明,
 * 民政部令第67号 2020). Only the masked identity number is kept (PIPL: no more than needed).
 * Limited to a few requests a month per person.
 */
export const requestCertificate = action({
  input: () => volunteerInputs.requestCertificate(todayInChina()),
  audience: ['volunteer'],
  // The caller's profile and the period's records, beside the caller's record.
  preload: ({ from, to }, openid) => Promise.all([findVolunteer({ openid }), recordsOf(openid, from, to)]),
  async handler({ from, to, idType, idNumber }, { openid }, [volunteer, records]) {
    if (!volunteer || volunteer.status !== 'active') throw new AppError('FORBIDDEN', '注册志愿者后才能申请服务证明')
    if (records.reduce((sum, e) => sum + e.hours, 0) <= 0) throw new AppError('CONFLICT', '这段时间还没有记入的志愿服务时长')
    // The counter is named by a hash of the openid, like every limit: counters hold nothing personal.
    // The community's name (for the answer) is read beside it.
    const [, names] = await Promise.all([
      takeSlot(`${ownedId('cr', openid)}-${todayInChina().slice(0, 7)}`, MONTHLY_CERTIFICATE_REQUESTS, `每月最多申请${MONTHLY_CERTIFICATE_REQUESTS}次服务证明，请下个月再申请`),
      communityNames([volunteer.communityId]),
    ])
    const doc = pendingRequest({
      _id: `cr${crypto.randomBytes(12).toString('hex')}`,
      openid,
      communityId: volunteer.communityId,
      name: volunteer.name,
      from,
      to,
      idType,
      idNumberMasked: maskDocumentNumber(idType, idNumber),
    })
    await certificateRequests().add({ data: doc })
    return toRequestView(doc, names.get(doc.communityId) ?? '', { certificate: null, records })
  },
})

/** The caller's requests, newest first, each with its certificate once issued. */
export const myCertificates = action({
  input: volunteerInputs.myCertificates,
  audience: 'anyone',
  async handler({ page, pageSize }, { openid }) {
    const { docs: data, hasMore } = await readPage<CertificateRequestDoc>(certificateRequests().where({ openid }).orderBy('requestedAt', 'desc'), page, pageSize)
    const names = await communityNames(data.map((d) => d.communityId))
    return { items: await Promise.all(data.map((d) => toRequestView(d, names.get(d.communityId) ?? ''))), hasMore, page, pageSize }
  },
})

/** 证明申请: pending requests of the caller's communities, oldest first (staff). */
export const certificateQueue = action({
  input: volunteerInputs.certificateQueue,
  audience: ['staff'],
  audit: 'read',
  async handler({ page, pageSize }, ctx) {
    const scope = await ctx.staffScope()
    const criteria = { status: 'pending', communityId: _.in(scope) }
    const { docs: data, hasMore } = await readPage<CertificateRequestDoc>(certificateRequests().where(criteria).orderBy('requestedAt', 'asc'), page, pageSize)
    const names = await communityNames(scope)
    return { items: await Promise.all(data.map((d) => toRequestView(d, names.get(d.communityId) ?? ''))), hasMore, page, pageSize }
  },
})

/** The sequences certificate numbers (per community and year) and volunteer numbers (per community) are drawn from. */
const certificateSequence = (communityCode: string, year: string) => `certificate-${communityCode}-${year}`
const volunteerSequence = (communityCode: string) => `volunteer-no-${communityCode}`

/**
 * The volunteer's number, given once from the community's sequence the first time a certificate
 * needs it (`number`, just drawn). Kept only if none was given meanwhile.
 */
async function keepVolunteerNumber(volunteer: VolunteerDoc & { volunteerNumber?: string }, number: string): Promise<string> {
  const { stats } = await volunteers().where({ _id: volunteer._id, volunteerNumber: _.exists(false) }).update({ data: { volunteerNumber: number } })
  if (stats.updated === 1) return number
  const saved = (await findVolunteer({ _id: volunteer._id })) as (VolunteerDoc & { volunteerNumber?: string }) | null
  return saved?.volunteerNumber ?? number
}

/**
 * Staff of the volunteer's community issue the certificate in the name of the community's Red
 * Cross organisation, themselves as 经办人 (民发〔2015〕149号; 民政部令第67号 2020 谁记录谁证明), or
 * decline with a reason. The decision, its verify code and number are one conditional update from
 * `pending`; the certificate is then written under that code, so a retry finishes it once.
 */
export const issueCertificate = action({
  input: volunteerInputs.issueCertificate,
  audience: ['staff'],
  // The request, then its community (and the counters of its numbers), its volunteer, the
  // period's records and any certificate, beside the caller's record.
  async preload({ requestId }) {
    const request = (await certificateRequests().where({ _id: requestId }).limit(1).get<CertificateRequestDoc>()).data[0]
    if (!request) return null
    const year = todayInChina().slice(0, 4)
    const [community, volunteer, records, certificate] = await Promise.all([
      requireCommunity(request.communityId),
      findVolunteer({ openid: request.openid }) as Promise<(VolunteerDoc & { volunteerNumber?: string }) | null>,
      recordsOf(request.openid, request.from, request.to),
      request.code ? certificates().where({ _id: request.code }).limit(1).get<CertificateDoc>().then(({ data }) => data[0] ?? null) : null,
    ])
    // Only for a request still to decide: the certificate's sequence, and the volunteers' when this is the volunteer's first certificate.
    const counters = request.status === 'pending' ? await Promise.all([readSequence(certificateSequence(community.code, year)), volunteer && !volunteer.volunteerNumber ? readSequence(volunteerSequence(community.code)) : undefined]) : null
    return { request, community, counters, volunteer, records, certificate, year }
  },
  async handler({ requestId, decision, reason }, ctx, found) {
    if (!found) throw new AppError('NOT_FOUND', '没有找到这份证明申请')
    const { request, community, counters, volunteer, records, year } = found
    const staff = await ctx.requireStaffOf(request.communityId)
    if (request.openid === ctx.openid) throw new AppError('FORBIDDEN', '不能为自己出具证明，请由其他工作人员办理')
    const issuer = community.certificateIssuer
    if (decision === 'issue' && !issuer) throw new AppError('CONFLICT', '请先在“证明设置”里填写出具证明的组织名称和负责人')

    let decided = request
    if (request.status === 'pending') {
      const now = new Date()
      // The number is drawn before the decision is written; the volunteer's own number (their first
      // certificate) only once it holds, so concurrent issues use up none of those.
      const seq = decision === 'issue' ? await nextInSequence(certificateSequence(community.code, year), counters ? Promise.resolve(counters[0]) : undefined) : null
      const change = seq !== null ? { status: 'issued' as const, code: newVerifyCode(), number: certificateNumber(community.code, year, seq) } : { status: 'declined' as const, reason }
      const { stats } = await certificateRequests().where({ _id: requestId, status: 'pending' }).update({ data: { ...change, decidedAt: now, decidedBy: ctx.openid } })
      // Decided by this call, as written; otherwise by another one meanwhile, as stored.
      decided = stats.updated === 1 ? { ...request, ...change, decidedAt: now, decidedBy: ctx.openid } : ((await certificateRequests().where({ _id: requestId }).limit(1).get<CertificateRequestDoc>()).data[0] ?? request)
    }
    if (decided.status !== (decision === 'issue' ? 'issued' : 'declined')) throw new AppError('CONFLICT', '这份申请已经处理过了')
    let certificate = found.certificate
    if (decided.status === 'issued' && decided.code && issuer && !certificate) {
      const seen = counters?.[1] ? Promise.resolve(counters[1]) : undefined
      certificate = await writeCertificate(decided, issuer, { openid: decided.decidedBy ?? ctx.openid, name: staff.displayName }, { volunteer, records, communityCode: community.code, communityName: community.name, seen })
    }
    return toRequestView(decided, community.name, { certificate, records })
  },
  audit: (input, out) => ({ communityId: out.communityId, target: input.requestId, summary: out.status === 'issued' ? `出具志愿服务证明（${out.from} 至 ${out.to}）` : '不出具志愿服务证明', key: `${input.requestId}:${out.status}` }),
})

/** Freezes the records of the period under the request's verify code; a second write is refused as a duplicate (the first one stands). */
async function writeCertificate(
  request: CertificateRequestDoc,
  issuer: CertificateIssuer,
  handler: { openid: string; name: string },
  { volunteer, records, communityCode, communityName, seen }: { volunteer: (VolunteerDoc & { volunteerNumber?: string }) | null; records: LedgerDoc[]; communityCode: string; communityName: string; seen?: Promise<SequenceState> },
): Promise<CertificateDoc> {
  if (!volunteer) throw new AppError('NOT_FOUND', '没有找到这位志愿者')
  const code = request.code as string
  // Their first certificate gives them their number.
  const number = volunteer.volunteerNumber ?? (await keepVolunteerNumber(volunteer, volunteerNumber(communityCode, await nextInSequence(volunteerSequence(communityCode), seen))))
  const doc: CertificateDoc = {
    _id: code,
    openid: request.openid,
    communityId: request.communityId,
    requestId: request._id,
    number: request.number as string,
    name: volunteer.name,
    idType: request.idType,
    idNumberMasked: request.idNumberMasked,
    volunteerNumber: number,
    communityName,
    from: request.from,
    to: request.to,
    hours: records.reduce((sum, e) => sum + e.hours, 0),
    services: serviceCount(records),
    items: records.map((e) => ({ serviceFrom: e.serviceFrom, serviceDate: e.serviceDate, content: e.content, place: e.place, hours: e.hours })),
    issuer: { ...issuer, handlerName: handler.name, handlerOpenid: handler.openid },
    issuedAt: request.decidedAt ?? new Date(),
  }
  try {
    await certificates().add({ data: doc })
    return doc
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    return (await certificates().where({ _id: code }).limit(1).get<CertificateDoc>()).data[0] ?? doc
  }
}

/** Anyone holding the code (the holder chose to share it) sees the certificate in full: name and items. */
export const verifyCertificate = action({
  input: volunteerInputs.verifyCertificate,
  audience: 'anyone',
  async handler({ code }) {
    const { data } = await certificates().where({ _id: code }).limit(1).get<CertificateDoc>()
    const doc = data[0]
    // Certificates a volunteer once issued to themselves carry no issuer: not genuine (see the ledger job).
    if (!doc || !doc.issuer) return { genuine: false as const }
    return { genuine: true as const, certificate: await toCertificate(doc) }
  },
})

/** 证明设置: the community's Red Cross organisation, its 负责人 and seal image (staff of that community). */
export const setCertificateIssuer = action({
  input: volunteerInputs.setCertificateIssuer,
  audience: ['staff'],
  async handler({ communityId, orgName, leaderName, sealFileId }, ctx) {
    await ctx.requireStaffOf(communityId)
    const community = await requireCommunity(communityId)
    // A new seal image must be the caller's own upload; the one already set may be kept as it is.
    if (sealFileId && sealFileId !== community.certificateIssuer?.sealFileId) requireOwnFiles(ctx.openid, [sealFileId])
    const issuer: CertificateIssuer = { orgName, leaderName, sealFileId }
    await db.collection(collections.communities).where({ _id: communityId }).update({ data: { certificateIssuer: _.set(issuer) } })
    return issuer
  },
  audit: (input) => ({ communityId: input.communityId, target: input.communityId, summary: `设置证明出具单位：${input.orgName}，负责人 ${input.leaderName}，${input.sealFileId ? '有' : '无'}公章图片`, key: changeKey(input.communityId, input) }),
})

export const certificateIssuerOf = action({
  input: volunteerInputs.certificateIssuer,
  audience: ['staff'],
  audit: 'read',
  async handler({ communityId }, ctx) {
    await ctx.requireStaffOf(communityId)
    const issuer = (await requireCommunity(communityId)).certificateIssuer ?? null
    if (!issuer) return null
    const sealUrl = issuer.sealFileId ? (await temporaryUrls([issuer.sealFileId])).get(issuer.sealFileId) ?? null : null
    return { ...issuer, sealUrl }
  },
})
