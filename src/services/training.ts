import type { TrainingApi } from '@/domain/firstaid/training'
import { createClient } from './cloud-client'

const client = createClient<TrainingApi>('training')

export const trainingService = {
  sessions: () => client('sessions', {}),
  create: (session: TrainingApi['create']['input']) => client('create', session),
  signup: (sessionId: string, name: string, phone: string) => client('signup', { sessionId, name, phone }),
  cancelSignup: (sessionId: string) => client('cancelSignup', { sessionId }),
  roster: (sessionId: string) => client('roster', { sessionId }),
  record: (signupId: string, status: 'attended' | 'passed' | 'failed') => client('record', { signupId, status }),
  recordCertificate: (certificate: TrainingApi['recordCertificate']['input']) => client('recordCertificate', certificate),
  manageSessions: () => client('manageSessions', {}),
  certificates: () => client('certificates', {}),
}
