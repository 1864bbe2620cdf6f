import fs from 'node:fs'
import path from 'node:path'
import type { LessonApi, QuizResult } from '@/domain/firstaid/lessons'
import { startTestCloud, unwrap, type TestCloud } from '../../localcloud/testing'
import { LESSON_LIBRARY } from './library'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())

type Out<K extends keyof LessonApi> = LessonApi[K]['output']
/** Everything a lesson says, from the store as seeded. */
const textOf = (lessonId: string) => JSON.stringify(cloud.store.find('lessons', { _id: lessonId })[0])

describe('the seeded content states the facts of DESIGN.md §3', () => {
  test('at least 8 lessons, each with a source and at least 5 questions whose answers are among their options', () => {
    const lessons = cloud.docs('lessons') as unknown as typeof LESSON_LIBRARY
    expect(lessons.length).toBeGreaterThanOrEqual(8)
    for (const lesson of lessons) {
      expect(lesson.source.length).toBeGreaterThan(4)
      expect(lesson.quiz.length).toBeGreaterThanOrEqual(5)
      for (const q of lesson.quiz) expect(q.answer.every((i) => i >= 0 && i < q.options.length)).toBe(true)
    }
  })

  test('every lesson is illustrated with pictures shipped in the app (nothing fetched at run time)', () => {
    for (const lesson of LESSON_LIBRARY) {
      const images = lesson.sections.map((s) => s.image).filter((image): image is string => !!image)
      expect(images.length).toBeGreaterThan(0)
      for (const image of images) {
        expect(image).toMatch(/^\/packages\/lessons\/assets\/[\w-]+\.png$/)
        expect(fs.existsSync(path.join(__dirname, '..', '..', 'src', image))).toBe(true)
      }
    }
  })

  test('CPR: 120 first, 100–120 a minute, 5–6 cm, 30:2, AED as soon as it arrives', () => {
    const cpr = textOf('cpr-adult')
    for (const fact of ['120', '100–120', '5–6厘米', '30次后给予2次', 'AED一到立即使用', '不超过10秒']) expect(cpr).toContain(fact)
  })

  test('choking: 5 back blows and 5 abdominal thrusts; infants chest thrusts and no abdominal thrusts', () => {
    const choking = textOf('choking')
    for (const fact of ['叩击5次', '冲击5次', '肚脐上方两横指', '婴儿不做腹部冲击', '按压胸部5次']) expect(choking).toContain(fact)
  })

  test('AED pads: below the right collarbone and at the left mid-armpit line; nobody touches during analysis', () => {
    const aed = textOf('aed')
    for (const fact of ['开、贴、插、电', '右侧锁骨下方', '腋中线', '任何人不要接触患者', '电击后立即继续胸外按压']) expect(aed).toContain(fact)
  })
})

describe('lesson actions', () => {
  test('get never sends the answers or explanations', async () => {
    const lesson = unwrap(await cloud.call<Out<'get'>>('lesson', 'fa-reader', { action: 'get', lessonId: 'cpr-adult' }))
    expect(lesson.quiz.length).toBeGreaterThanOrEqual(5)
    expect(JSON.stringify(lesson.quiz)).not.toMatch(/"answer"|"explanation"/)
  })

  test('reading progress is kept per person', async () => {
    unwrap(await cloud.call('lesson', 'fa-reader', { action: 'progress', lessonId: 'cpr-adult', section: 0 }))
    const after = unwrap(await cloud.call<Out<'progress'>>('lesson', 'fa-reader', { action: 'progress', lessonId: 'cpr-adult', section: 2 }))
    expect(after).toMatchObject({ sectionsRead: [0, 2], lastSection: 2 })
    const other = unwrap(await cloud.call<Out<'get'>>('lesson', 'fa-other', { action: 'get', lessonId: 'cpr-adult' }))
    expect(other.progress.sectionsRead).toEqual([])
  })

  test('the quiz is graded on the server: 80% passes and is recorded; the catalogue shows it', async () => {
    const quiz = LESSON_LIBRARY.find((l) => l._id === 'choking')!.quiz
    const allRight = Object.fromEntries(quiz.map((q) => [q.id, q.answer]))
    const oneWrong = { ...allRight, [quiz[0].id]: [(quiz[0].answer[0] + 1) % quiz[0].options.length] }
    const twoWrong = { ...oneWrong, [quiz[1].id]: [(quiz[1].answer[0] + 1) % quiz[1].options.length] }

    const failed = unwrap(await cloud.call<QuizResult>('lesson', 'fa-learner', { action: 'submitQuiz', lessonId: 'choking', answers: twoWrong }))
    expect(failed).toMatchObject({ score: 60, passed: false })
    expect(failed.results[0]).toMatchObject({ correct: false, answer: quiz[0].answer })

    const passed = unwrap(await cloud.call<Out<'submitQuiz'>>('lesson', 'fa-learner', { action: 'submitQuiz', lessonId: 'choking', answers: oneWrong }))
    expect(passed).toMatchObject({ score: 80, passed: true })
    expect(passed.progress.passedAt).not.toBeNull()

    const catalogue = unwrap(await cloud.call<Out<'list'>>('lesson', 'fa-learner', { action: 'list' }))
    expect(catalogue.passed).toBe(1)
    expect(catalogue.items.find((i) => i._id === 'choking')?.progress.bestScore).toBe(80)
  })

  test('a multiple-choice question counts only with exactly the right options', async () => {
    const quiz = LESSON_LIBRARY.find((l) => l._id === 'cpr-adult')!.quiz
    const multi = quiz.find((q) => q.kind === 'multiple')!
    const result = unwrap(await cloud.call<QuizResult>('lesson', 'fa-multi', { action: 'submitQuiz', lessonId: 'cpr-adult', answers: { [multi.id]: multi.answer.slice(1) } }))
    expect(result.results.find((r) => r.questionId === multi.id)?.correct).toBe(false)
  })

  test('staff save a lesson; a question whose answer is not an option is refused; others are FORBIDDEN', async () => {
    const lesson = { ...LESSON_LIBRARY[4], lessonId: 'fracture', title: '骨折固定（修订）' }
    const { _id: _unused, ...rest } = lesson
    expect(unwrap(await cloud.call<Out<'save'>>('lesson', 'demo-staff', { action: 'save', ...rest })).title).toBe('骨折固定（修订）')
    const broken = { ...rest, quiz: [{ ...rest.quiz[0], answer: [9] }, ...rest.quiz.slice(1)] }
    expect(await cloud.call('lesson', 'demo-staff', { action: 'save', ...broken })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await cloud.call('lesson', 'demo-volunteer', { action: 'save', ...rest })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    // Staff read the answers back to edit them; nobody else can.
    expect(unwrap(await cloud.call<Out<'full'>>('lesson', 'demo-staff', { action: 'full', lessonId: 'fracture' })).quiz[0].answer).toEqual(rest.quiz[0].answer)
    expect(await cloud.call('lesson', 'demo-resident', { action: 'full', lessonId: 'fracture' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  test('saving a lesson unchanged succeeds, and a removed section is really gone (updated counts changes, as on CloudBase)', async () => {
    const { _id: lessonId, ...rest } = LESSON_LIBRARY.find((l) => l._id === 'bleeding')!
    unwrap(await cloud.call('lesson', 'demo-staff', { action: 'save', lessonId, ...rest }))
    unwrap(await cloud.call('lesson', 'demo-staff', { action: 'save', lessonId, ...rest }))
    const shorter = { ...rest, sections: rest.sections.slice(0, 2) }
    unwrap(await cloud.call('lesson', 'demo-staff', { action: 'save', lessonId, ...shorter }))
    expect((cloud.store.find('lessons', { _id: lessonId })[0].sections as unknown[]).length).toBe(2)
  })

  test('reading the same section twice keeps the progress (an unchanged update is not "missing")', async () => {
    for (const section of [1, 1, 1]) unwrap(await cloud.call('lesson', 'fa-again', { action: 'progress', lessonId: 'heatstroke', section }))
    expect(cloud.store.find('lessonProgress', { openid: 'fa-again' })).toEqual([expect.objectContaining({ sectionsRead: [1], lastSection: 1 })])
  })

  test('concurrent attempts keep the best score and the first pass', async () => {
    const quiz = LESSON_LIBRARY.find((l) => l._id === 'drowning')!.quiz
    const right = Object.fromEntries(quiz.map((q) => [q.id, q.answer]))
    const wrong = Object.fromEntries(quiz.map((q) => [q.id, [(q.answer[0] + 1) % q.options.length]]))
    await Promise.all(Array.from({ length: 10 }, (_unused, i) => cloud.call('lesson', 'fa-race', { action: 'submitQuiz', lessonId: 'drowning', answers: i === 3 ? right : wrong })))
    const [progress] = cloud.store.find('lessonProgress', { openid: 'fa-race' })
    expect(progress.bestScore).toBe(100)
    expect(progress.passedAt).not.toBeNull()
  })

  test('a new deployment imports the starting catalogue once (staff only)', async () => {
    cloud.store.remove('lessons', { _id: 'drowning' })
    expect(await cloud.call('lesson', 'demo-resident', { action: 'importLibrary' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(unwrap(await cloud.call('lesson', 'demo-staff', { action: 'importLibrary' }))).toEqual({ added: 1 })
    expect(unwrap(await cloud.call('lesson', 'demo-staff', { action: 'importLibrary' }))).toEqual({ added: 0 })
  })
})
