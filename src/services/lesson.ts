import type { LessonApi } from '@/domain/firstaid/lessons'
import { createClient } from './cloud-client'

const client = createClient<LessonApi>('lesson')

export const lessonService = {
  list: (keyword = '') => client('list', { keyword }),
  get: (lessonId: string) => client('get', { lessonId }),
  progress: (lessonId: string, sections: number[], lastSection: number) => client('progress', { lessonId, sections, lastSection }),
  submitQuiz: (lessonId: string, answers: Record<string, number[]>) => client('submitQuiz', { lessonId, answers }),
  full: (lessonId: string) => client('full', { lessonId }),
  importLibrary: () => client('importLibrary', {}),
  save: (lesson: LessonApi['save']['input']) => client('save', lesson),
  versions: (lessonId: string, page = 1) => client('versions', { lessonId, page, pageSize: 20 }),
  restore: (versionId: string, confirmOutdated = false) => client('restore', { versionId, confirmOutdated }),
  drafts: (page = 1) => client('drafts', { page, pageSize: 20 }),
  draft: (versionId: string) => client('draft', { versionId }),
  approve: (versionId: string) => client('approve', { versionId }),
  decline: (versionId: string) => client('decline', { versionId }),
  updates: () => client('updates', {}),
  applyUpdate: (lessonId: string) => client('applyUpdate', { lessonId }),
}
