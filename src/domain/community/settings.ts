import * as v from 'valibot'
import { DEFAULT_INSPECTION_CYCLE, INSPECTION_CYCLES, type InspectionCycle } from '../aed/inspection'
import { DEFAULT_CHECK_IN_RADIUS_METERS } from '../activity/rules'
import { DEFAULT_SECOND_APPROVAL_FEN } from '../fund/rules'
import { DEFAULT_DUES, duesSettingSchema, type DuesSetting } from '../member/dues'
import { fields } from '../validation'
import { DEFAULT_POINTS_PER_HOUR } from '../volunteer/ledger'
import { DEFAULT_CLAIM_DAYS } from '../wish/rules'
import type { Community } from './types'

/** A community's settings as anyone may read them: no personal data, every default filled in. */
export type CommunitySettings = {
  communityId: string
  name: string
  district: string
  address: string
  contact: string
  /** The Red Cross organisation named on the documents the station issues, and its 负责人. */
  orgName: string
  leaderName: string
  volunteerApprovalRequired: boolean
  wishClaimDays: number
  pointsPerHour: number
  checkInRadiusMeters: number
  aedInspectionCycle: InspectionCycle
  aidSecondApprovalFen: number
  dues: DuesSetting
  psychSupportContact: string
  privacyOrganisation: string
  privacyContact: string
}

/** The stored community as its public settings, with the constants as defaults where it set nothing. */
export function settingsOf(community: Community): CommunitySettings {
  return {
    communityId: community._id,
    name: community.name,
    district: community.district,
    address: community.address ?? '',
    contact: community.contact ?? '',
    orgName: community.certificateIssuer?.orgName ?? '',
    leaderName: community.certificateIssuer?.leaderName ?? '',
    volunteerApprovalRequired: community.volunteerApprovalRequired,
    wishClaimDays: community.wishClaimDays ?? DEFAULT_CLAIM_DAYS,
    pointsPerHour: community.pointsPerHour ?? DEFAULT_POINTS_PER_HOUR,
    checkInRadiusMeters: community.checkInRadiusMeters ?? DEFAULT_CHECK_IN_RADIUS_METERS,
    aedInspectionCycle: community.aedInspectionCycle ?? DEFAULT_INSPECTION_CYCLE,
    aidSecondApprovalFen: community.aidSecondApprovalFen ?? DEFAULT_SECOND_APPROVAL_FEN,
    dues: community.dues ?? DEFAULT_DUES,
    psychSupportContact: community.psychSupportContact ?? '',
    privacyOrganisation: community.privacyHandler?.organisation ?? '',
    privacyContact: community.privacyHandler?.contact ?? '',
  }
}

const wholeNumber = (label: string, min: number, max: number, unit: string) =>
  v.pipe(v.number(`${label}应为数字`), v.integer(`${label}应为整数`), v.minValue(min, `${label}不能少于${min}${unit}`), v.maxValue(max, `${label}不能超过${max}${unit}`))

/**
 * What an admin may change: every field optional, at least one given. The limits keep each
 * setting where the rule it feeds still makes sense (a check-in radius below GPS accuracy would
 * refuse people standing at the door; one beyond 2 km would prove nothing).
 */
export const settingsUpdateSchema = v.pipe(
  v.object({
    communityId: fields.community(),
    name: v.optional(fields.text('社区名称', 2, 30)),
    address: v.optional(fields.text('地址', 4, 60)),
    contact: v.optional(fields.text('联系方式', 4, 40)),
    orgName: v.optional(fields.text('出具证明的组织名称', 4, 40)),
    leaderName: v.optional(fields.text('负责人姓名', 2, 10)),
    volunteerApprovalRequired: v.optional(v.boolean('请选择是否审核志愿者')),
    wishClaimDays: v.optional(wholeNumber('心愿认领期限', 1, 30, '天')),
    pointsPerHour: v.optional(wholeNumber('每小时积分', 0, 100, '分')),
    checkInRadiusMeters: v.optional(wholeNumber('签到范围', 50, 2000, '米')),
    aedInspectionCycle: v.optional(v.picklist(Object.keys(INSPECTION_CYCLES) as InspectionCycle[], '请选择巡检周期')),
    // Up to 100,000 元: above that every aid is a second person's decision anyway.
    aidSecondApprovalFen: v.optional(wholeNumber('复核金额', 0, 10_000_000, '分')),
    dues: v.optional(duesSettingSchema),
    psychSupportContact: v.optional(v.pipe(v.string('心理援建联系方式格式不正确'), v.trim(), v.maxLength(60, '心理援建联系方式最多60个字'))),
    privacyOrganisation: v.optional(fields.text('个人信息处理者', 4, 40)),
    privacyContact: v.optional(fields.text('个人信息保护联系方式', 4, 40)),
  }),
  v.check((input) => Object.keys(input).some((key) => key !== 'communityId' && input[key as keyof typeof input] !== undefined), '没有要修改的内容'),
)
export type SettingsUpdate = v.InferOutput<typeof settingsUpdateSchema>
