import crypto from 'node:crypto'
import type { CertificateIssuer, IdType } from '@/domain/volunteer/certificate'
import type { CertificateRequestView, ServiceCertificate } from '@/domain/volunteer/contract'
import { _, collections, db } from '../_kit/cloud'
import { toIso } from '../_kit/dates'
import { ledger, type LedgerDoc } from '../_kit/ledger'
import { temporaryUrls } from '../_kit/temp-urls'

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** 12 base-32 characters from a CSPRNG: 60 bits, not guessable, short enough to type. */
export function newVerifyCode(): string {
  return [...crypto.randomBytes(12)].map((b) => BASE32[b & 31]).join('')
}

/** A certificate as stored under its verify code: frozen when staff issue it, never edited. */
export type CertificateDoc = Omit<ServiceCertificate, 'issuedAt' | 'code' | 'issuer'> & {
  _id: string
  openid: string
  communityId: string
  requestId: string
  issuer: CertificateIssuer & { handlerName: string; handlerOpenid: string }
  issuedAt: Date
}

/** A volunteer's request, decided by staff of their community. The full identity number is never stored. */
export type CertificateRequestDoc = {
  _id: string
  openid: string
  communityId: string
  name: string
  from: string
  to: string
  /** Null on requests made for reissuing a certificate from before identity documents were asked for. */
  idType: IdType | null
  idNumberMasked: string
  status: 'pending' | 'issued' | 'declined'
  /** Set with the decision: the verify code and number of the certificate issued for it. */
  code: string | null
  number: string | null
  reason: string | null
  requestedAt: Date
  decidedAt: Date | null
  decidedBy: string | null
}

/** A request waiting for staff: asked by a volunteer, or made to reissue an old self-issued certificate. */
export function pendingRequest(fields: Pick<CertificateRequestDoc, '_id' | 'openid' | 'communityId' | 'name' | 'from' | 'to' | 'idType' | 'idNumberMasked'>): CertificateRequestDoc {
  return { ...fields, status: 'pending', code: null, number: null, reason: null, requestedAt: new Date(), decidedAt: null, decidedBy: null }
}

export const certificates = () => db.collection(collections.serviceCertificates)
export const certificateRequests = () => db.collection(collections.certificateRequests)

/** The records of service a period covers, by the day served (民政部令第67号 2020). */
export async function recordsOf(openid: string, from: string, to: string): Promise<LedgerDoc[]> {
  const { data } = await ledger()
    .where({ openid, serviceDate: _.gte(from).and(_.lte(to)) })
    .orderBy('serviceDate', 'asc')
    .limit(1000)
    .get<LedgerDoc>()
  return data
}

export async function toCertificate(doc: CertificateDoc): Promise<ServiceCertificate> {
  const { handlerOpenid: _handler, ...issuer } = doc.issuer
  const seal = issuer.sealFileId ? (await temporaryUrls([issuer.sealFileId])).get(issuer.sealFileId) ?? null : null
  return {
    code: doc._id,
    number: doc.number,
    name: doc.name,
    idType: doc.idType,
    idNumberMasked: doc.idNumberMasked,
    volunteerNumber: doc.volunteerNumber,
    communityName: doc.communityName,
    from: doc.from,
    to: doc.to,
    hours: doc.hours,
    services: doc.services,
    items: doc.items,
    issuer: { orgName: issuer.orgName, leaderName: issuer.leaderName, handlerName: issuer.handlerName, sealUrl: seal },
    issuedAt: toIso(doc.issuedAt),
  }
}

/** `known`: the request's certificate and the period's records when the caller read them already (no read here then). */
export async function toRequestView(doc: CertificateRequestDoc, communityName: string, known: { certificate?: CertificateDoc | null; records?: LedgerDoc[] } = {}): Promise<CertificateRequestView> {
  const [certificate, records] = await Promise.all([
    known.certificate !== undefined || !doc.code ? known.certificate : certificates().where({ _id: doc.code }).limit(1).get<CertificateDoc>().then(({ data }) => data[0]),
    known.records ?? recordsOf(doc.openid, doc.from, doc.to),
  ])
  return {
    _id: doc._id,
    name: doc.name,
    communityId: doc.communityId,
    communityName,
    from: doc.from,
    to: doc.to,
    status: doc.status,
    reason: doc.reason,
    requestedAt: toIso(doc.requestedAt),
    hours: records.reduce((sum, e) => sum + e.hours, 0),
    certificate: certificate ? await toCertificate(certificate) : null,
  }
}
