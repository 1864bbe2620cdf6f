import type { LessonApi } from '@/domain/firstaid/lessons'
import { defineFunction } from '../_kit/define-function'
import { get, list, progress } from './actions/read'
import { full, importLibrary, restore, save, versionList } from './actions/save'
import { submitQuiz } from './actions/submit-quiz'

export const main = defineFunction<LessonApi>('lesson', { list, get, progress, submitQuiz, save, full, importLibrary, versions: versionList, restore })
