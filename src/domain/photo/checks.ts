/**
 * The life of a photo others will see: it waits in `checking` for WeChat's asynchronous content
 * check, is shown once `passed`, stays hidden when `rejected`, and waits for staff in `review`
 * (the check was unsure, or no verdict came however often it was asked).
 */
export type PhotoStatus = 'checking' | 'passed' | 'rejected' | 'review'

/** Why a photo waits for staff: the check flagged it, or it never answered. */
export type ReviewReason = 'flagged' | 'unchecked'

export type CheckedPhoto = {
  fileID: string
  status: PhotoStatus
  /** The trace id of the latest check request; absent while no request got through. */
  traceId?: string
  /** Whose upload it is: the check is asked in their name (mediaCheckAsync needs an openid). */
  openid?: string
  /** Check requests made so far. */
  attempts?: number
  /** When to ask again if no verdict has come; null once decided. */
  nextCheckAt?: Date | null
  review?: ReviewReason
  /** The staff member who decided on it in `review`. */
  decidedBy?: string
}

/** The suggestions of `mediaCheckAsync` 2.0 (`result.suggest`). */
export type MediaSuggestion = 'pass' | 'review' | 'risky'

/**
 * What a verdict makes of a photo: `pass` shows it, `risky` hides it, and `review` (WeChat is
 * unsure) goes to staff rather than hiding it for good.
 * https://developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_mediacheckasync
 */
export const statusOfSuggestion = (suggest: MediaSuggestion): Exclude<PhotoStatus, 'checking'> =>
  suggest === 'pass' ? 'passed' : suggest === 'risky' ? 'rejected' : 'review'

/**
 * WeChat pushes the verdict "within 30 minutes" (mediaCheckAsync: 异步检测结果在 30 分钟内会推送到
 * 你的消息接收服务器). https://developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_mediacheckasync
 */
export const VERDICT_WITHIN_MS = 30 * 60_000
/** A request that failed (WeChat busy, a network error) is tried again much sooner. */
const FAILED_RETRY_MS = 2 * 60_000
/** Requests per photo (the first and three more) before staff decide instead. */
export const MAX_CHECK_ATTEMPTS = 4

/**
 * When to look again after the `attempts`-th request: a request WeChat took gets its 30 minutes,
 * doubled with each attempt (30, 60, 120, 240 min); a failed one is due again after 2, 4, 8 … min
 * (the scheduler's hourly photo job then asks again).
 */
export function nextCheckAt(now: Date, attempts: number, requested: boolean): Date {
  const base = requested ? VERDICT_WITHIN_MS : FAILED_RETRY_MS
  return new Date(now.getTime() + base * 2 ** Math.max(0, attempts - 1))
}

/** A photo still waiting whose time to look again has come. */
export const isDue = (photo: CheckedPhoto, now: Date): boolean =>
  photo.status === 'checking' && !!photo.nextCheckAt && new Date(photo.nextCheckAt).getTime() <= now.getTime()

/** Asked often enough: the next look hands it to staff instead of asking again. */
export const checksExhausted = (photo: CheckedPhoto): boolean => (photo.attempts ?? 0) >= MAX_CHECK_ATTEMPTS
