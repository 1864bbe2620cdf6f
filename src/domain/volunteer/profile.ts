import * as v from 'valibot'
import { ageOn } from '../member/age'
import { birthDateOf, idNumberProblem, ID_NUMBER_MESSAGES, normaliseIdNumber } from '../member/id-number'
import { fields } from '../validation'

export const SKILLS = ['陪伴聊天', '代买代办', '维修', '辅导', '医护', '驾驶', '心理疏导', '文艺'] as const
export type Skill = (typeof SKILLS)[number]

export const WEEKDAYS = [
  ['mon', '周一'],
  ['tue', '周二'],
  ['wed', '周三'],
  ['thu', '周四'],
  ['fri', '周五'],
  ['sat', '周六'],
  ['sun', '周日'],
] as const
export const DAY_PARTS = [
  ['am', '上午'],
  ['pm', '下午'],
  ['eve', '晚上'],
] as const

/** A weekly slot a volunteer can usually help in, e.g. `sat-am` (周六上午). */
export const AVAILABILITY_SLOTS = WEEKDAYS.flatMap(([day]) => DAY_PARTS.map(([part]) => `${day}-${part}`))

export function slotLabel(slot: string): string {
  const [day, part] = slot.split('-')
  return `${WEEKDAYS.find(([d]) => d === day)?.[1] ?? ''}${DAY_PARTS.find(([p]) => p === part)?.[1] ?? ''}`
}

/** `withdrawn`: the person took the registration back while it waited; they may register again. */
export type VolunteerStatus = 'pending' | 'active' | 'rejected' | 'withdrawn'
/** The statuses of the staff list: a withdrawn registration is the person's business, not the station's. */
export type ListedVolunteerStatus = Exclude<VolunteerStatus, 'withdrawn'>

/** "已登记": registered with the station; "注册志愿者" is earned by service (below), not by signing up. */
export const VOLUNTEER_STATUS_LABELS: Record<VolunteerStatus, string> = {
  pending: '待审核',
  active: '已登记',
  rejected: '未通过',
  withdrawn: '已撤回',
}

/**
 * 注册红十字志愿者: at least 20 hours of service in the year (《中国红十字志愿服务管理办法》); anyone
 * registered with fewer is 已登记.
 */
export const REGISTERED_VOLUNTEER_YEAR_HOURS = 20
export const isRegisteredVolunteer = (status: VolunteerStatus, yearHours: number) => status === 'active' && yearHours >= REGISTERED_VOLUNTEER_YEAR_HOURS

/** How a status reads at a glance (badge colour). */
export const VOLUNTEER_STATUS_TONES = { pending: 'warning', active: 'success', rejected: 'danger', withdrawn: 'default' } as const

const skills = v.pipe(
  v.array(v.picklist(SKILLS, '请从列表中选择服务技能'), '请选择服务技能'),
  v.minLength(1, '请至少选择一项服务技能'),
  v.check((list) => new Set(list).size === list.length, '服务技能有重复'),
)
const availability = v.pipe(
  v.array(v.picklist(AVAILABILITY_SLOTS, '服务时间不正确'), '请选择服务时间'),
  v.check((list) => new Set(list).size === list.length, '服务时间有重复'),
)
const intro = v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200, '自我介绍最多200个字')), '')

/**
 * Under 18 needs a guardian's consent (《民法典》第十九条: a minor over eight acts with the consent of
 * their legal guardian). With only the birth year, someone turning 18 this year may still be 17, so
 * they count as a minor until the next year.
 */
export const mayBeMinor = (birthYear: number, today: string) => Number(today.slice(0, 4)) - birthYear <= 18

/** 《志愿服务条例》2017 第十五条 / 《民法典》第十九条 — the age that counts: 周岁 on `today`. */
export const MIN_VOLUNTEER_AGE = 8
export const ADULT_AGE = 18

/**
 * Whether the rules for minors apply: by the exact birth date when the ID number gave one (GB 11643
 * encodes it), else by the birth year alone (someone turning 18 this year counts as a minor).
 */
export function isMinor(person: { birthYear?: number | null; birthDate?: string | null }, today: string): boolean {
  if (person.birthDate) return ageOn(person.birthDate, today) < ADULT_AGE
  return typeof person.birthYear === 'number' && mayBeMinor(person.birthYear, today)
}

/**
 * The optional resident ID number at registration (居民身份证, GB 11643): stored sealed, used to
 * report records to the national 志愿服务信息系统 (which matches people by 证件号码) and for their
 * age; given with its own consent (PIPL 第二十九条: sensitive personal information).
 */
const optionalIdNumber = v.optional(v.pipe(v.string('身份证号格式不正确'), v.maxLength(40, ID_NUMBER_MESSAGES.format), v.transform(normaliseIdNumber)), '')

/** The birth date the ID number gives, when one was typed and is valid. */
export function idBirthDate(idNumber: string | undefined, today: string): string | null {
  if (!idNumber || idNumberProblem(idNumber, today) !== null) return null
  return birthDateOf(idNumber)
}

const guardianSchema = v.object({
  name: fields.text('监护人姓名', 2, 20),
  phone: fields.phone('监护人手机号'),
  consent: v.literal(true, '需要监护人同意'),
})

/** 注册志愿者, the same rules in the form and in `volunteer.register`. `today` is the date in China. */
export function volunteerRegistrationSchema(today: string) {
  return v.pipe(
    v.object({
      name: fields.text('姓名', 2, 20),
      phone: fields.phone(),
      communityId: fields.community(),
      birthYear: v.pipe(
        v.number('请填写出生年份'),
        v.integer('出生年份不正确'),
        v.minValue(1920, '出生年份不正确'),
        v.check((year) => year <= Number(today.slice(0, 4)) - 8, '年满8周岁才能注册志愿者'),
      ),
      guardian: v.optional(v.nullable(guardianSchema), null),
      idNumber: optionalIdNumber,
      /** Consent to keep the ID number for its stated purpose, asked only when one is given. */
      idConsent: v.optional(v.boolean(), false),
      skills,
      availability,
      intro,
    }),
    v.forward(
      v.check((i) => i.idNumber === '' || idNumberProblem(i.idNumber, today) === null, (issue) => {
        const problem = idNumberProblem((issue.input as { idNumber: string }).idNumber, today)
        return ID_NUMBER_MESSAGES[problem ?? 'format']
      }),
      ['idNumber'],
    ),
    v.forward(
      v.check((i) => {
        const birthDate = idBirthDate(i.idNumber, today)
        return !birthDate || Number(birthDate.slice(0, 4)) === i.birthYear
      }, '出生年份与身份证号不一致'),
      ['birthYear'],
    ),
    v.forward(
      v.check((i) => {
        const birthDate = idBirthDate(i.idNumber, today)
        return !birthDate || ageOn(birthDate, today) >= MIN_VOLUNTEER_AGE
      }, '年满8周岁才能注册志愿者'),
      ['idNumber'],
    ),
    v.forward(
      v.check((i) => i.idNumber === '' || i.idConsent, '请勾选同意保存身份证号，或不填身份证号'),
      ['idConsent'],
    ),
    v.forward(
      v.check((i) => !isMinor({ birthYear: i.birthYear, birthDate: idBirthDate(i.idNumber, today) }, today) || !!i.guardian, '未满18周岁需要监护人同意，请填写监护人信息'),
      ['guardian'],
    ),
  )
}

export const volunteerUpdateSchema = v.object({
  phone: v.optional(fields.phone()),
  skills: v.optional(skills),
  availability: v.optional(availability),
  intro: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200, '自我介绍最多200个字'))),
})

export type VolunteerRegistration = v.InferInput<ReturnType<typeof volunteerRegistrationSchema>>
export type VolunteerUpdate = v.InferInput<typeof volunteerUpdateSchema>
