import * as v from 'valibot'
import { fields } from '../validation'
import { isYouth } from './age'
import { birthDateOf, genderOf, ID_NUMBER_MESSAGES, idNumberProblem, normaliseIdNumber } from './id-number'

export const GENDERS = { male: '男', female: '女' } as const
export type Gender = keyof typeof GENDERS

export const GUARDIAN_RELATIONS = ['父亲', '母亲', '祖父母', '外祖父母', '其他监护人'] as const
export type GuardianRelation = (typeof GUARDIAN_RELATIONS)[number]

/**
 * `left`: 退会 (章程: members are free to leave); the record stays, the card is withdrawn.
 * `withdrawn`: the applicant took the application back while it waited; it may be submitted again.
 */
export type ApplicationStatus = 'pending' | 'approved' | 'rejected' | 'left' | 'withdrawn'

/** Days an application turned down, or a member who left, keeps the (sealed) ID number before it is erased. */
export const ID_RETENTION_DAYS = 90

/** The statuses of the staff queue: a withdrawn application is the applicant's, not the station's, business. */
export type QueueStatus = Exclude<ApplicationStatus, 'withdrawn'>

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
  left: '已退会',
  withdrawn: '已撤回',
}

/** How a status reads at a glance (badge colour). */
export const APPLICATION_STATUS_TONES = { pending: 'warning', approved: 'success', rejected: 'danger', left: 'default', withdrawn: 'default' } as const

const guardianSchema = v.object({
  name: fields.text('监护人姓名', 2, 20),
  relation: v.picklist(GUARDIAN_RELATIONS, '请选择与监护人的关系'),
  phone: fields.phone('监护人手机号'),
})

/**
 * Where the applicant lives, to the compound and building only (小区/楼栋): the station needs no
 * door number to reach a member (PIPL 第六条, collection limited to what the purpose needs).
 */
export const ADDRESS_HINT = '填写到小区和楼栋即可，如：玉兰花园3幢，不用填门牌号'
const DOOR_NUMBER = /(\d+\s*(室|户|号房))|((幢|栋|楼|单元|号楼)\s*-?\s*\d{3,4}\s*$)|(\d+-\d+-\d+)/
/**
 * An address stored before it was limited to the building, cut back to it (the member job's
 * migration): everything after the last 幢/栋/号楼 goes, and 3-2-501 becomes 3幢.
 */
export function withoutDoorNumber(address: string): string {
  const building = /^(.*?\d+\s*(幢|栋|号楼))/.exec(address.replace(/(\d+)-\d+-\d+\s*(室)?$/, '$1幢'))
  const cut = building ? building[1] : address
  return DOOR_NUMBER.test(cut) ? cut.replace(/[\d\s\-室户号房]+$/, '') : cut
}

const addressSchema = v.pipe(
  fields.text('居住小区和楼栋', 2, 40),
  v.check((address) => !DOOR_NUMBER.test(address), '只需填写小区和楼栋，请去掉门牌号'),
)

/**
 * 红十字会员入会申请, validated the same way in the form (as the person types) and in the
 * `member.apply` action. `today` is the date in China: age rules depend on it. Birth date and
 * gender are not asked: the ID number holds both (GB 11643-1999), so they are derived from it
 * (PIPL 第六条: no more than the purpose needs). No minimum age: 《中国红十字会会员管理办法》
 * (2009) sets none; a member under 18 is a 青少年会员 and applies with a guardian.
 */
export function applicationSchema(today: string) {
  return v.pipe(
    v.object({
      name: fields.text('姓名', 2, 20),
      idNumber: v.pipe(
        v.string('请填写身份证号'),
        v.transform(normaliseIdNumber),
        v.nonEmpty('请填写身份证号'),
        v.check((id) => idNumberProblem(id, today) !== 'format', ID_NUMBER_MESSAGES.format),
        v.check((id) => idNumberProblem(id, today) !== 'province', ID_NUMBER_MESSAGES.province),
        v.check((id) => idNumberProblem(id, today) !== 'birthDate', ID_NUMBER_MESSAGES.birthDate),
        v.check((id) => idNumberProblem(id, today) !== 'checksum', ID_NUMBER_MESSAGES.checksum),
      ),
      phone: fields.phone(),
      communityId: fields.community(),
      address: addressSchema,
      guardian: v.optional(guardianSchema),
      consent: v.literal(true, '请阅读并同意《中国红十字会章程》和个人信息保护说明'),
      idConsent: v.literal(true, '请同意为入会审核收集您的身份证号'),
    }),
    v.transform((input) => ({ ...input, birthDate: birthDateOf(input.idNumber) as string, gender: genderOf(input.idNumber) })),
    v.forward(
      v.partialCheck([['birthDate'], ['guardian']], (input) => !isYouth(input.birthDate, today) || input.guardian !== undefined, '未满18周岁需要填写监护人信息'),
      ['guardian'],
    ),
    // An adult's application keeps no guardian data it does not need.
    v.transform((input) => (isYouth(input.birthDate, today) ? input : { ...input, guardian: undefined })),
  )
}

/**
 * 更正 (PIPL 第四十六条): fields staff verified that a member may ask to have corrected; staff check
 * and accept or decline. The ID number is corrected only in person, with the card.
 */
export const CORRECTABLE = { name: '姓名', phone: '手机号', address: '小区和楼栋' } as const
export type CorrectableField = keyof typeof CORRECTABLE

export const correctionSchema = v.variant('field', [
  v.object({ field: v.literal('name'), value: fields.text('姓名', 2, 20) }),
  v.object({ field: v.literal('phone'), value: fields.phone() }),
  v.object({ field: v.literal('address'), value: addressSchema }),
], '请选择要更正的项目')

export type ApplicationInput = v.InferInput<ReturnType<typeof applicationSchema>>
export type Application = v.InferOutput<ReturnType<typeof applicationSchema>>
export type Guardian = v.InferOutput<typeof guardianSchema>
