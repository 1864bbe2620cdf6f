import type { RescueApi } from '@/domain/rescue/contract'
import { defineFunction } from '../_kit/define-function'
import { close, debrief, get, pending, progress, respond } from './actions/alert'
import { list } from './actions/list'
import { raise } from './actions/raise'
import { duty, enrol, leave, me, verifyMedic } from './actions/responder'

export const main = defineFunction<RescueApi>('rescue', { verifyMedic, enrol, duty, me, leave, raise, get, respond, progress, close, debrief, list, pending })
