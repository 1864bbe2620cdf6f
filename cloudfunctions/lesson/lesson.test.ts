import type { LessonApi, QuizResult } from '@/domain/firstaid/lessons'
import { startTestCloud, unwrap, type TestCloud } from '../../localcloud/testing'
import { LESSON_LIBRARY } from './library'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())

type Out<K extends keyof LessonApi> = LessonApi[K]['output']

describe('lesson actions', () => {
  test('the catalogue finds lessons by words in the title or summary', async () => {
    const search = async (keyword: string) => unwrap(await cloud.call<Out<'list'>>('lesson', 'fa-searcher', { action: 'list', keyword })).items.map((i) => i.title)
    const all = unwrap(await cloud.call<Out<'list'>>('lesson', 'fa-searcher', { action: 'list' })).items
    const cpr = await search('心肺复苏')
    expect(cpr.length).toBeGreaterThan(0)
    expect(cpr.length).toBeLessThan(all.length)
    const bySummary = all.find((l) => !l.title.includes('中暑') && l.summary.includes('中暑'))
    if (bySummary) expect(await search('中暑')).toContain(bySummary.title)
    expect(await search('cpr')).toContain('成人心肺复苏（CPR）')
    expect(await search('没有这样的课')).toEqual([])
  })

  test('get never sends the answers or explanations', async () => {
    const lesson = unwrap(await cloud.call<Out<'get'>>('lesson', 'fa-reader', { action: 'get', lessonId: 'cpr-adult' }))
    expect(lesson.quiz.length).toBeGreaterThanOrEqual(5)
    expect(JSON.stringify(lesson.quiz)).not.toMatch(/"answer"|"explanation"/)
  })

  test('reading progress is kept per person, a reading in one call', async () => {
    unwrap(await cloud.call('lesson', 'fa-reader', { action: 'progress', lessonId: 'cpr-adult', sections: [0], lastSection: 0 }))
    const after = unwrap(await cloud.call<Out<'progress'>>('lesson', 'fa-reader', { action: 'progress', lessonId: 'cpr-adult', sections: [1, 2, 1], lastSection: 2 }))
    expect(after).toMatchObject({ sectionsRead: [0, 1, 2], lastSection: 2 })
    expect(cloud.store.find('lessonProgress', { openid: 'fa-reader' })).toEqual([expect.objectContaining({ sectionsRead: [0, 1, 2], lastSection: 2 })])
    // Sections the lesson does not have are not recorded.
    const beyond = unwrap(await cloud.call<Out<'progress'>>('lesson', 'fa-reader', { action: 'progress', lessonId: 'cpr-adult', sections: [50], lastSection: 50 }))
    expect(beyond.sectionsRead).toEqual([0, 1, 2])
    const other = unwrap(await cloud.call<Out<'get'>>('lesson', 'fa-other', { action: 'get', lessonId: 'cpr-adult' }))
    expect(other.progress.sectionsRead).toEqual([])
  })

  test('the quiz is graded on the server: 80% passes and is recorded; the catalogue shows it', async () => {
    // Five questions: one wrong is 80 (passes), two wrong 60.
    const quiz = LESSON_LIBRARY.find((l) => l._id === 'psychological')!.quiz
    expect(quiz).toHaveLength(5)
    const allRight = Object.fromEntries(quiz.map((q) => [q.id, q.answer]))
    const oneWrong = { ...allRight, [quiz[0].id]: [(quiz[0].answer[0] + 1) % quiz[0].options.length] }
    const twoWrong = { ...oneWrong, [quiz[1].id]: [(quiz[1].answer[0] + 1) % quiz[1].options.length] }

    const failed = unwrap(await cloud.call<QuizResult>('lesson', 'fa-learner', { action: 'submitQuiz', lessonId: 'psychological', answers: twoWrong }))
    expect(failed).toMatchObject({ score: 60, passed: false })
    expect(failed.results[0]).toMatchObject({ correct: false, answer: quiz[0].answer })

    const passed = unwrap(await cloud.call<Out<'submitQuiz'>>('lesson', 'fa-learner', { action: 'submitQuiz', lessonId: 'psychological', answers: oneWrong }))
    expect(passed).toMatchObject({ score: 80, passed: true })
    expect(passed.progress.passedAt).not.toBeNull()

    const catalogue = unwrap(await cloud.call<Out<'list'>>('lesson', 'fa-learner', { action: 'list' }))
    expect(catalogue.passed).toBe(1)
    expect(catalogue.items.find((i) => i._id === 'psychological')?.progress.bestScore).toBe(80)
  })

  test('a multiple-choice question counts only with exactly the right options', async () => {
    const quiz = LESSON_LIBRARY.find((l) => l._id === 'cpr-adult')!.quiz
    const multi = quiz.find((q) => q.kind === 'multiple')!
    const result = unwrap(await cloud.call<QuizResult>('lesson', 'fa-multi', { action: 'submitQuiz', lessonId: 'cpr-adult', answers: { [multi.id]: multi.answer.slice(1) } }))
    expect(result.results.find((r) => r.questionId === multi.id)?.correct).toBe(false)
  })

  test('editors propose a lesson; a question whose answer is not an option is refused; others are FORBIDDEN', async () => {
    const { _id: _unused, ...rest } = { ...LESSON_LIBRARY.find((l) => l._id === 'fracture')!, lessonId: 'fracture', title: '骨折固定（修订）' }
    expect(unwrap(await cloud.call<Out<'save'>>('lesson', 'demo-staff', { action: 'save', ...rest })).draft).toMatchObject({ status: 'pending', changed: ['课程名称'] })
    const broken = { ...rest, quiz: [{ ...rest.quiz[0], answer: [9] }, ...rest.quiz.slice(1)] }
    expect(await cloud.call('lesson', 'demo-staff', { action: 'save', ...broken })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await cloud.call('lesson', 'demo-volunteer', { action: 'save', ...rest })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    // Editors read the answers back to edit them; nobody else can.
    expect(unwrap(await cloud.call<Out<'full'>>('lesson', 'demo-staff', { action: 'full', lessonId: 'fracture' })).quiz[0].answer).toEqual(rest.quiz[0].answer)
    expect(await cloud.call('lesson', 'demo-resident', { action: 'full', lessonId: 'fracture' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  test('a published lesson with a section removed really loses it (set replaces the whole document, as on CloudBase)', async () => {
    const { _id: lessonId, ...rest } = LESSON_LIBRARY.find((l) => l._id === 'bleeding')!
    const { draft } = unwrap(await cloud.call<Out<'save'>>('lesson', 'demo-staff', { action: 'save', lessonId, ...rest, sections: rest.sections.slice(0, 2) }))
    unwrap(await cloud.call('lesson', 'demo-editor', { action: 'approve', versionId: draft!._id }))
    expect((cloud.store.find('lessons', { _id: lessonId })[0].sections as unknown[]).length).toBe(2)
  })

  test('reading the same section twice keeps the progress (an unchanged update is not "missing")', async () => {
    for (const section of [1, 1, 1]) unwrap(await cloud.call('lesson', 'fa-again', { action: 'progress', lessonId: 'heatstroke', sections: [section], lastSection: section }))
    expect(cloud.store.find('lessonProgress', { openid: 'fa-again' })).toEqual([expect.objectContaining({ sectionsRead: [1], lastSection: 1 })])
  })

  test('concurrent attempts keep the best score and the first pass', async () => {
    const quiz = LESSON_LIBRARY.find((l) => l._id === 'drowning')!.quiz
    const right = Object.fromEntries(quiz.map((q) => [q.id, q.answer]))
    const wrong = Object.fromEntries(quiz.map((q) => [q.id, [(q.answer[0] + 1) % q.options.length]]))
    await Promise.all(Array.from({ length: 20 }, (_unused, i) => cloud.call('lesson', 'fa-race', { action: 'submitQuiz', lessonId: 'drowning', answers: i === 13 ? right : wrong })))
    const [progress] = cloud.store.find('lessonProgress', { openid: 'fa-race' })
    expect(progress.bestScore).toBe(100)
    expect(progress.passedAt).not.toBeNull()
  })
})
