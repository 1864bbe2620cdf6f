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
  /** 心理援建: whom responders may call after a 紧急呼 (issue #22), as staff set it. */
  psychSupportContact?: string
}

export type CommunityRef = Pick<Community, '_id' | 'name'>
