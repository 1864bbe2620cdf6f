import type { ActivityDoc, SignupDoc } from './activities'

export const signupIdOf = (activityId: string, openid: string) => `${activityId}:${openid}`

/** The activity and person a sign-up id names (neither an activity id nor an openid holds a colon), to read them beside it. */
export function partsOfSignupId(signupId: string): { activityId: string; openid: string } {
  const at = signupId.indexOf(':')
  return { activityId: signupId.slice(0, at), openid: signupId.slice(at + 1) }
}

/**
 * The sign-up record of a seat just taken, as the function writes it and the demo seed stores it.
 * Its own module (types only from `activities`): the seed uses it without loading the SDK.
 */
export function newSignup(activity: Pick<ActivityDoc, '_id' | 'communityId' | 'startAt' | 'endAt'>, openid: string, seatToken: string, signedUpAt: Date): SignupDoc {
  return {
    _id: signupIdOf(activity._id, openid),
    activityId: activity._id,
    openid,
    communityId: activity.communityId,
    startAt: activity.startAt,
    endAt: activity.endAt,
    status: 'signed_up',
    seatToken,
    signedUpAt,
    checkedInAt: null,
    checkedOutAt: null,
    checkInMethod: null,
    coverage: null,
    creditedHours: 0,
    makeup: null,
    reminded: false,
    confirmedAt: null,
    confirmedBy: null,
  }
}
