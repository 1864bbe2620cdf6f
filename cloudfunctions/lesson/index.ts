import type { LessonApi } from '@/domain/firstaid/lessons'
import { defineFunction } from '../_kit/define-function'
import { full, restore, save } from './actions/edit'
import { applyUpdate, importLibrary, updates } from './actions/library-updates'
import { get, list, progress } from './actions/read'
import { approve, decline, draft, drafts, versionList } from './actions/review'
import { submitQuiz } from './actions/submit-quiz'

export const main = defineFunction<LessonApi>('lesson', { list, get, progress, submitQuiz, save, full, importLibrary, versions: versionList, restore, drafts, draft, approve, decline, updates, applyUpdate })
