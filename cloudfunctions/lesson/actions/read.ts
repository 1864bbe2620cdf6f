import { lessonInputs, type Lesson } from '@/domain/firstaid/lessons'
import { keywordPattern } from '@/domain/search'
import { _, db } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { temporaryUrls } from '../../_kit/temp-urls'
import { createProgress, lessons, progressId, progressOf, requireLesson, toProgress, toView, type ProgressDoc } from '../lessons'

/** The catalogue (or the lessons whose title or summary has the words) with the caller's progress on each. */
export const list = action({
  input: lessonInputs.list,
  audience: 'anyone',
  async handler({ keyword }, { openid }) {
    const pattern = keywordPattern(keyword)
    const words = pattern && db.RegExp({ regexp: pattern, options: 'i' })
    const [{ data }, { data: progress }] = await Promise.all([
      (words ? lessons().where(_.or([{ title: words }, { summary: words }])) : lessons()).orderBy('order', 'asc').limit(100).get<Lesson>(),
      progressOf().where({ openid }).limit(100).get<ProgressDoc>(),
    ])
    const byLesson = new Map(progress.map((p) => [p.lessonId, p]))
    const items = data.map(({ _id, title, summary, minutes, source, sections }) => ({ _id, title, summary, minutes, source, sections: sections.length, progress: toProgress(byLesson.get(_id)) }))
    return { items, passed: items.filter((i) => i.progress.passedAt).length }
  },
})

const isCloudFile = (media: string | undefined): media is string => !!media?.startsWith('cloud://')

/**
 * One lesson to read, its quiz without answers, and where the caller left off. Media kept in cloud
 * storage (an editor's video or pictures) is answered as temporary links, which every platform can
 * show; pictures shipped with the app keep their paths.
 */
export const get = action({
  input: lessonInputs.get,
  audience: 'anyone',
  async handler({ lessonId }, { openid }) {
    const lesson = await requireLesson(lessonId)
    const [{ data }, urls] = await Promise.all([
      progressOf().where({ _id: progressId(openid, lessonId) }).get<ProgressDoc>(),
      temporaryUrls([lesson.video, ...lesson.sections.map((section) => section.image)].filter(isCloudFile)),
    ])
    const view = toView(lesson)
    const linked = (media: string | undefined) => (isCloudFile(media) ? urls.get(media) : media)
    return { ...view, video: linked(view.video), sections: view.sections.map((section) => ({ ...section, image: linked(section.image) })), progress: toProgress(data[0]) }
  },
})

/** Records a reading: the sections read and the one to come back to. */
export const progress = action({
  input: lessonInputs.progress,
  audience: 'anyone',
  // The lesson and the person's progress on it, beside the caller's record.
  preload: ({ lessonId }, openid) => Promise.all([requireLesson(lessonId), progressOf().where({ _id: progressId(openid, lessonId) }).get<ProgressDoc>()]),
  async handler({ lessonId, sections, lastSection }, { openid }, [lesson, { data }]) {
    const count = lesson.sections.length
    const read = [...new Set(sections.filter((section) => section < count))]
    const at = Math.min(lastSection, count - 1)
    const _id = progressId(openid, lessonId)
    let saved = data[0]
    if (!saved) {
      // A first reading starts the progress: one write.
      const first = await createProgress(_id, openid, lessonId, { sectionsRead: read, lastSection: at })
      if (first.created) return toProgress(first.doc)
      saved = first.doc
    }
    const sectionsRead = [...saved.sectionsRead, ...read.filter((section) => !saved.sectionsRead.includes(section))]
    if (sectionsRead.length !== saved.sectionsRead.length || saved.lastSection !== at) {
      // addToSet, not the array just computed: another device may be marking sections too.
      await progressOf().where({ _id }).update({ data: { sectionsRead: _.addToSet({ $each: read }), lastSection: at } })
    }
    return toProgress({ ...saved, sectionsRead, lastSection: at })
  },
})
