import type { TrainingApi } from '@/domain/firstaid/training'
import { defineFunction } from '../_kit/define-function'
import { mine, record } from './actions/record'
import { cancelSignup, create, list, roster, signup } from './actions/sessions'

export const main = defineFunction<TrainingApi>('training', { sessions: list, create, signup, cancelSignup, roster, record, certificates: mine })
