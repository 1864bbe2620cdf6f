import * as v from 'valibot'
import { idNumberProblem, ID_NUMBER_MESSAGES, normaliseIdNumber } from '../member/id-number'
import { maskIdNumber } from '../privacy'
import { fields } from '../validation'

/**
 * The 志愿服务记录证明 follows 民发〔2015〕149号《关于规范志愿服务记录证明工作的指导意见》: it names the
 * volunteer (name, identity document type and number, volunteer number), each service item (time,
 * content, hours), the issuing organisation with its 负责人 and the 经办人, and carries a number
 * and the organisation's seal. 民政部令第67号 2020 (谁记录谁证明): the organisation that recorded the
 * service issues it; a volunteer only asks for one (《志愿服务条例》2017 第十九条).
 */

export const ID_TYPES = ['resident_id', 'hk_macao_permit', 'taiwan_permit', 'passport'] as const
export type IdType = (typeof ID_TYPES)[number]

export const ID_TYPE_LABELS: Record<IdType, string> = {
  resident_id: '居民身份证',
  hk_macao_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  passport: '护照',
}

/** The identity number as the certificate shows it: only enough to match the person. */
export function maskDocumentNumber(idType: IdType, number: string): string {
  if (idType === 'resident_id') return maskIdNumber(number)
  return number.length <= 4 ? '*'.repeat(number.length) : `${number.slice(0, 2)}${'*'.repeat(number.length - 4)}${number.slice(-2)}`
}

/** Requests a person may make per calendar month (China time): enough for a school and a job, not a flood. */
export const MONTHLY_CERTIFICATE_REQUESTS = 5

/**
 * Who issues a community's certificates: its Red Cross organisation (e.g. 柯桥街道港越社区红十字会),
 * its 负责人, and the seal image staff uploaded. Set per community by its staff.
 */
export type CertificateIssuer = { orgName: string; leaderName: string; sealFileId: string | null }

export const issuerSchema = v.object({
  communityId: fields.id('社区'),
  orgName: fields.text('出具证明的组织名称', 4, 40),
  leaderName: fields.text('负责人姓名', 2, 10),
  sealFileId: v.optional(v.nullable(v.pipe(v.string('公章图片格式不正确'), v.regex(/^cloud:\/\/\S+$/, '公章图片格式不正确'), v.maxLength(300, '公章图片格式不正确'))), null),
})

/** 申请志愿服务证明: the period, and the identity document the certificate names (kept masked only). */
export function certificateRequestSchema(today: string) {
  return v.pipe(
    v.object({
      from: fields.date('开始日期'),
      to: v.pipe(fields.date('结束日期'), v.check((d) => d <= today, '结束日期不能晚于今天')),
      idType: v.picklist(ID_TYPES, '请选择证件类型'),
      idNumber: v.pipe(v.string('请填写证件号码'), v.transform(normaliseIdNumber), v.regex(/^[0-9A-Z]{6,20}$/, '证件号码格式不正确')),
    }),
    v.forward(v.check((i) => i.from <= i.to, '结束日期不能早于开始日期'), ['to']),
    v.forward(
      v.check((i) => i.idType !== 'resident_id' || idNumberProblem(i.idNumber, today) === null, (issue) => {
        const input = issue.input as { idNumber: string }
        const problem = idNumberProblem(input.idNumber, today)
        return problem ? ID_NUMBER_MESSAGES[problem] : '证件号码格式不正确'
      }),
      ['idNumber'],
    ),
  )
}

/** The volunteer number on a certificate: the community's code and a sequence (`GY-V00012`). */
export const volunteerNumber = (communityCode: string, seq: number) => `${communityCode}-V${String(seq).padStart(5, '0')}`

/** The certificate number: community code, year and a sequence (`GY-2026-0007`). */
export const certificateNumber = (communityCode: string, year: string, seq: number) => `${communityCode}-${year}-${String(seq).padStart(4, '0')}`
