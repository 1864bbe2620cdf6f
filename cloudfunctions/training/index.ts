import type { TrainingApi } from '@/domain/firstaid/training'
import { defineFunction } from '../_kit/define-function'
import { recordCertificate } from './actions/certificate'
import { mine, record } from './actions/record'
import { cancelSignup, create, list, manageSessions, roster, signup } from './actions/sessions'

export const main = defineFunction<TrainingApi>('training', { sessions: list, create, signup, cancelSignup, roster, record, recordCertificate, manageSessions, certificates: mine })
