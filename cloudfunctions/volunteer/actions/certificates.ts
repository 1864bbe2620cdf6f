import crypto from 'node:crypto'
import { AppError } from '@/domain/errors'
import { maskName } from '@/domain/privacy'
import type { ServiceCertificate } from '@/domain/volunteer/contract'
import { volunteerInputs } from '@/domain/volunteer/contract'
import { _, collections, db, isDuplicateKey } from '../../_kit/cloud'
import { communityNames } from '../../_kit/communities'
import { toIso } from '../../_kit/dates'
import { action } from '../../_kit/define-function'
import { ledger, type LedgerDoc } from '../../_kit/ledger'
import { findVolunteer } from '../volunteers'

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** 12 base-32 characters from a CSPRNG: 60 bits, not guessable, short enough to type. */
function newCode(): string {
  return [...crypto.randomBytes(12)].map((b) => BASE32[b & 31]).join('')
}

type CertificateDoc = Omit<ServiceCertificate, 'issuedAt' | 'code'> & { _id: string; openid: string; issuedAt: Date }

const certificates = () => db.collection(collections.serviceCertificates)

/** 志愿服务证明: the caller's ledger over a period, frozen under a random code anyone can verify. */
export const issueCertificate = action({
  input: volunteerInputs.issueCertificate,
  audience: ['volunteer'],
  async handler({ from, to }, { openid }) {
    const volunteer = await findVolunteer({ openid })
    if (!volunteer) throw new AppError('FORBIDDEN', '注册志愿者后才能开具服务证明')
    const { data } = await ledger()
      // By the day served, not the day credited (民政部令第67号 2020: records 真实、准确).
      .where({ openid, serviceDate: _.gte(from).and(_.lte(to)) })
      .orderBy('serviceDate', 'asc')
      .limit(1000)
      .get<LedgerDoc>()
    const hours = data.reduce((sum, e) => sum + e.hours, 0)
    if (hours <= 0) throw new AppError('CONFLICT', '这段时间还没有记入的志愿服务时长')
    const names = await communityNames([volunteer.communityId])
    const doc: Omit<CertificateDoc, '_id'> = {
      openid,
      name: volunteer.name,
      communityName: names.get(volunteer.communityId) ?? '',
      from,
      to,
      hours,
      points: data.reduce((sum, e) => sum + e.points, 0),
      issuedAt: new Date(),
      items: data.map((e) => ({ title: e.title, source: e.source, hours: e.hours, at: toIso(e.at), serviceDate: e.serviceDate, place: e.place, content: e.content })),
    }
    for (;;) {
      const code = newCode()
      try {
        await certificates().add({ data: { _id: code, ...doc } })
        return { ...doc, code, issuedAt: toIso(doc.issuedAt) }
      } catch (error) {
        if (!isDuplicateKey(error)) throw error // 2^60 codes: a clash is astronomically rare, and retried
      }
    }
  },
})

/** Anyone with the code learns whether the certificate is genuine; the holder's name is masked. */
export const verifyCertificate = action({
  input: volunteerInputs.verifyCertificate,
  audience: 'anyone',
  async handler({ code }) {
    const { data } = await certificates().where({ _id: code }).limit(1).get<CertificateDoc>()
    const doc = data[0]
    if (!doc) return { genuine: false as const }
    return { genuine: true as const, name: maskName(doc.name), communityName: doc.communityName, from: doc.from, to: doc.to, hours: doc.hours, issuedAt: toIso(doc.issuedAt) }
  },
})
