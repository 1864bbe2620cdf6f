import { ALERT_BEACON, type AlertBeaconDoc } from '@/domain/rescue/beacon'
import type { RescueApi, ResponderArea } from '@/domain/rescue/contract'
import type { AlertKind, Outcome, Profession, Step } from '@/domain/rescue/rules'
import Taro from '@tarojs/taro'
import { createClient, readOpenDocument } from './cloud-client'
import { currentDevOpenid } from './dev-identity'

const client = createClient<RescueApi>('rescue')

/** 紧急呼 (issue #22): the responder's settings, raising an alert, answering it, staff's view. */
export const rescueService = {
  me: () => client('me', {}),
  enrol: (areas: ResponderArea[], radiusMeters: number) => client('enrol', { consent: true, areas, radiusMeters }),
  duty: (onDuty: boolean) => client('duty', { onDuty }),
  leave: () => client('leave', {}),
  /** `requestId`: made once when the page opens, so a retried raise alerts nobody twice. */
  raise: (input: { latitude: number; longitude: number; kind: AlertKind; note: string; requestId: string; drill?: boolean; communityId?: string }) =>
    client('raise', { ...input, called120: true }),
  get: (alertId: string) => client('get', { alertId }),
  respond: (alertId: string, answer: 'accept' | 'decline') => client('respond', { alertId, answer }),
  progress: (alertId: string, step: Step) => client('progress', { alertId, step }),
  close: (alertId: string, outcome: Outcome) => client('close', { alertId, outcome }),
  debrief: (alertId: string, answers: { arrivedBefore120: boolean; cprGiven: boolean; aedUsed: boolean }) => client('debrief', { alertId, ...answers }),
  list: (page: number, communityId?: string) => client('list', { page, pageSize: 20, ...(communityId ? { communityId } : {}) }),
  verifyMedic: (volunteerId: string, profession: Profession, note: string) => client('verifyMedic', { volunteerId, profession, note }),
  pending: () => client('pending', {}),
  /** How many times alerts have gone out, anywhere: read directly, no function call (domain/rescue/beacon). */
  alertsSent: async () => (await readOpenDocument<AlertBeaconDoc>(ALERT_BEACON.collection, ALERT_BEACON.id))?.sent ?? 0,
}

/** Kept per person on H5, where the demo identities share one browser. */
const dutyKey = () => `boai.rescue.onDuty.${process.env.TARO_ENV === 'h5' ? currentDevOpenid() : 'me'}`

/** The device remembers whether its person is on duty, so only a responder's app looks for alerts. */
export const rememberDuty = (onDuty: boolean) => Taro.setStorageSync(dutyKey(), onDuty)
export const onDutyHere = (): boolean => Taro.getStorageSync(dutyKey()) === true
