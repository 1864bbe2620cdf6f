import type { InspectionCycle } from '../aed/inspection'
import type { DuesSetting } from '../member/dues'
import type { PrivacyHandler } from '../privacy-notice'
import type { CertificateIssuer } from '../volunteer/certificate'

/** A Red Cross community station (博爱家园) and the neighbourhood it serves. */
export type Community = {
  _id: string
  name: string
  /** Short code used in member numbers. */
  code: string
  district: string
  /** 1.0 基础版 / 2.0 线上版 / 3.0 场景版, as in the seeds. */
  edition: '1.0' | '2.0' | '3.0'
  location: { latitude: number; longitude: number }
  /** Whether new volunteers start only after staff approve them (else at once). */
  volunteerApprovalRequired: boolean
  /** Who issues the community's 志愿服务证明 (民发〔2015〕149号): set by its staff in 证明设置. */
  certificateIssuer?: CertificateIssuer
  /** 嘉许回馈 points per service hour (default `DEFAULT_POINTS_PER_HOUR`). */
  pointsPerHour?: number
  /** Who handles personal data at this station and how to reach them (PIPL 第十七条), shown in the privacy notice. */
  privacyHandler?: PrivacyHandler
  /** 会费 a year for adult and youth members (`DEFAULT_DUES`, the caps of the 办法, when unset). */
  dues?: DuesSetting
  /** 博爱互助金: aid above this many 分 needs a second staff member's approval (default 5,000 元). */
  aidSecondApprovalFen?: number
  /** Where the station is, as residents find it (shown on its public settings). */
  address?: string
  /** The station's public contact: a phone or an office hour line. */
  contact?: string
  /** Days a volunteer has to fulfil a claimed wish before it is released (default `DEFAULT_CLAIM_DAYS`). */
  wishClaimDays?: number
  /** Default check-in radius of a new activity in metres (default `DEFAULT_CHECK_IN_RADIUS_METERS`). */
  checkInRadiusMeters?: number
  /** How often its AEDs are inspected (`DEFAULT_INSPECTION_CYCLE` when unset). */
  aedInspectionCycle?: InspectionCycle
  /** 心理援建: whom a resident in distress is pointed to (seed 3.0), shown as given. */
  psychSupportContact?: string
}

export type CommunityRef = Pick<Community, '_id' | 'name'>
