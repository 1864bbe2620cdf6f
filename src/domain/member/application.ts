import * as v from 'valibot'
import { fields } from '../validation'
import { ageOn, isYouth, MIN_MEMBER_AGE } from './age'
import { birthDateOf, ID_NUMBER_MESSAGES, idNumberProblem, normaliseIdNumber } from './id-number'

export const GENDERS = { male: '男', female: '女' } as const
export type Gender = keyof typeof GENDERS

export const GUARDIAN_RELATIONS = ['父亲', '母亲', '祖父母', '外祖父母', '其他监护人'] as const
export type GuardianRelation = (typeof GUARDIAN_RELATIONS)[number]

export type ApplicationStatus = 'pending' | 'approved' | 'rejected'

/** Days an application turned down keeps its (sealed) ID number before it is erased. */
export const ID_RETENTION_DAYS = 90

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
}

/** How a status reads at a glance (badge colour). */
export const APPLICATION_STATUS_TONES = { pending: 'warning', approved: 'success', rejected: 'danger' } as const

const guardianSchema = v.object({
  name: fields.text('监护人姓名', 2, 20),
  relation: v.picklist(GUARDIAN_RELATIONS, '请选择与监护人的关系'),
  phone: fields.phone('监护人手机号'),
})

/**
 * 红十字会员入会申请, validated the same way in the form (as the person types) and in the
 * `member.apply` action. `today` is the date in China: age rules depend on it.
 */
export function applicationSchema(today: string) {
  return v.pipe(
    v.object({
      name: fields.text('姓名', 2, 20),
      gender: v.picklist(['male', 'female'], '请选择性别'),
      birthDate: fields.date('出生日期'),
      idNumber: v.pipe(
        v.string('请填写身份证号'),
        v.transform(normaliseIdNumber),
        v.nonEmpty('请填写身份证号'),
        v.check((id) => idNumberProblem(id, today) !== 'format', ID_NUMBER_MESSAGES.format),
        v.check((id) => idNumberProblem(id, today) !== 'birthDate', ID_NUMBER_MESSAGES.birthDate),
        v.check((id) => idNumberProblem(id, today) !== 'checksum', ID_NUMBER_MESSAGES.checksum),
      ),
      phone: fields.phone(),
      communityId: fields.community(),
      address: fields.text('居住地址', 4, 100),
      occupation: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(30, '职业最多30个字')), ''),
      guardian: v.optional(guardianSchema),
      consent: v.literal(true, '请阅读并同意《中国红十字会章程》和隐私说明'),
      idConsent: v.literal(true, '请同意为入会审核收集您的身份证号'),
    }),
    v.forward(
      v.partialCheck([['idNumber'], ['birthDate']], (input) => birthDateOf(input.idNumber) === input.birthDate, '身份证号中的出生日期与填写的出生日期不一致'),
      ['idNumber'],
    ),
    v.forward(
      v.partialCheck([['birthDate']], (input) => ageOn(input.birthDate, today) >= MIN_MEMBER_AGE, `年满${MIN_MEMBER_AGE}周岁才能申请入会`),
      ['birthDate'],
    ),
    v.forward(
      v.partialCheck([['birthDate'], ['guardian']], (input) => !isYouth(input.birthDate, today) || input.guardian !== undefined, '未满18周岁需要填写监护人信息'),
      ['guardian'],
    ),
    // An adult's application keeps no guardian data it does not need.
    v.transform((input) => (isYouth(input.birthDate, today) ? input : { ...input, guardian: undefined })),
  )
}

export type ApplicationInput = v.InferInput<ReturnType<typeof applicationSchema>>
export type Application = v.InferOutput<ReturnType<typeof applicationSchema>>
export type Guardian = v.InferOutput<typeof guardianSchema>
