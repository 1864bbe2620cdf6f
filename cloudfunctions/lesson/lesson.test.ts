import fs from 'node:fs'
import path from 'node:path'
import * as v from 'valibot'
import { lessonInputs, type Lesson, type LessonApi, type QuizResult } from '@/domain/firstaid/lessons'
import { CHILD_STEPS, CPR_STEPS, SOURCE_NOTE } from '@/pages/emergency/steps'
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

/**
 * What a lesson tells the learner: summary, sections, key points, questions, correct options and
 * explanations, as sentences. Wrong options are left out: they are meant to be wrong.
 */
function statementsOf(lesson: Lesson): string[] {
  const texts = [lesson.summary, ...lesson.sections.flatMap((s) => [s.title, s.text]), ...lesson.keyPoints, ...lesson.quiz.flatMap((q) => [q.text, ...q.answer.map((i) => q.options[i]), q.explanation])]
  return texts.flatMap((text) => text.split(/[。；！？]/)).filter((sentence) => sentence.trim())
}
const lessonOf = (lessonId: string) => LESSON_LIBRARY.find((l) => l._id === lessonId)!
const sectionText = (lessonId: string, title: RegExp) => lessonOf(lessonId).sections.find((s) => title.test(s.title))?.text ?? ''
const EMERGENCY = [...CPR_STEPS, ...CHILD_STEPS].map((s) => `${s.title}${s.text}`).join('\n') + SOURCE_NOTE
const EVERYTHING = [...LESSON_LIBRARY.flatMap(statementsOf), ...EMERGENCY.split(/[。；\n]/)]

describe('the seeded content states the facts of DESIGN.md §3 (AHA 2025 guidelines)', () => {
  test('at least 8 lessons, each with a source and at least 5 questions whose answers are among their options', () => {
    const lessons = cloud.docs('lessons') as unknown as typeof LESSON_LIBRARY
    expect(lessons.length).toBeGreaterThanOrEqual(8)
    for (const lesson of lessons) {
      expect(lesson.source.length).toBeGreaterThan(4)
      expect(lesson.quiz.length).toBeGreaterThanOrEqual(5)
      for (const q of lesson.quiz) expect(q.answer.every((i) => i >= 0 && i < q.options.length)).toBe(true)
    }
  })

  test('every seeded lesson passes the schema staff edits are checked by (lesson.save)', () => {
    for (const { _id: lessonId, ...lesson } of LESSON_LIBRARY) {
      const result = v.safeParse(lessonInputs.save, { lessonId, ...lesson })
      expect({ lessonId, issues: result.issues?.map((i) => i.message) ?? [] }).toEqual({ lessonId, issues: [] })
    }
  })

  test('the guideline lessons cite the AHA 2025 guidelines by name and year; nothing cites 2020 any more', () => {
    for (const lessonId of ['cpr-adult', 'cpr-child', 'aed', 'choking', 'drowning']) expect(lessonOf(lessonId).source).toMatch(/美国心脏协会（AHA）2025心肺复苏与心血管急救指南/)
    for (const lesson of LESSON_LIBRARY) expect(lesson.source).toMatch(/2025|中国红十字会|世界卫生组织/)
    expect(JSON.stringify(LESSON_LIBRARY) + EMERGENCY).not.toMatch(/2020/)
    expect(SOURCE_NOTE).toMatch(/AHA）2025.*不能代替正规/)
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

  test('adult CPR: 120 first, 100–120 a minute, 5–6 cm, full recoil, 30:2, pauses under 10 s, AED as soon as it arrives', () => {
    const cpr = textOf('cpr-adult')
    for (const fact of ['120', '100–120', '5–6厘米', '完全回弹', '30次后给予2次', 'AED一到立即使用', '不超过10秒', '只做持续胸外按压']) expect(cpr).toContain(fact)
    expect(lessonOf('cpr-adult').sections[0].text).toContain('立即拨打120')
  })

  test('the emergency screen: 120 first, the same CPR numbers, AED at once, nobody touches during analysis', () => {
    expect(CPR_STEPS[1].text).toMatch(/^请旁人拨打120/)
    for (const fact of ['不超过10秒', '5–6厘米', '每分钟100–120次', '完全回弹', '每按压30次给予2次人工呼吸', '只做持续按压', 'AED一到马上用', '开、贴、插、电', '右侧锁骨下方', '腋中线', '任何人不要接触患者', '电击后立即继续按压']) expect(EMERGENCY).toContain(fact)
    for (const fact of ['一只手的掌根', '双拇指环抱法', '儿童电极片或能量衰减器', '没有就用成人电极片', '背部两肩胛骨之间']) expect(EMERGENCY).toContain(fact)
  })

  test('AED: 开贴插电, adult pads below the right collarbone and at the left mid-armpit line, nobody touches during analysis', () => {
    const aed = textOf('aed')
    for (const fact of ['开、贴、插、电', '右侧锁骨下方', '腋中线', '任何人不要接触患者', '电击后立即继续胸外按压']) expect(aed).toContain(fact)
  })

  test('AED for children under 8: paediatric pads or an attenuator, otherwise adult pads, front and back if they would touch', () => {
    const pads = sectionText('aed', /^贴/)
    expect(pads).toMatch(/8岁以下儿童：有儿童电极片或能量衰减器（儿童模式）就用；没有时使用成人电极片/)
    expect(pads).toMatch(/会相互接触时，一定要这样前后贴/)
    expect(pads).toContain('胸前正中')
    expect(pads).toContain('背部两肩胛骨之间')
    expect(sectionText('cpr-child', /AED/)).toMatch(/有儿童电极片或能量衰减器就用，没有就用成人电极片/)
  })

  test('choking, adults and children: 5 back blows alternating with 5 abdominal thrusts, fist two finger-widths above the navel, inward and upward', () => {
    const conscious = sectionText('choking', /成人和儿童/)
    expect(conscious).toMatch(/成人和1岁以上儿童做法相同/)
    for (const fact of ['叩击5次', '肚脐上方两横指', '向内、向上冲击5次', '5次背部叩击与5次腹部冲击交替进行，直到异物排出或患者失去反应']) expect(conscious).toContain(fact)
    expect(lessonOf('choking').summary).toMatch(/^成人和儿童：5次背部叩击与5次腹部冲击交替/)
  })

  test('choking: pregnant or obese people get chest thrusts instead of abdominal thrusts', () => {
    expect(sectionText('choking', /孕妇/)).toMatch(/孕妇.*肥胖.*用胸部冲击代替腹部冲击/)
  })

  test('choking, infants: 5 back blows and 5 chest thrusts with the heel of one hand, never abdominal thrusts', () => {
    const infant = sectionText('choking', /婴儿/)
    for (const fact of ['叩击5次', '用一只手的掌根', '按压胸部5次', '婴儿不做腹部冲击']) expect(infant).toContain(fact)
  })

  test('choking: unresponsive means 120 and CPR, look in the mouth before breaths, no blind finger sweep', () => {
    expect(sectionText('choking', /失去反应/)).toMatch(/拨打120.*心肺复苏.*人工呼吸前先查看口中，看到异物才取出，不要盲目用手指掏/)
  })

  test('infant CPR: heel of one hand or two-thumb encircling; children and infants about a third of the chest depth', () => {
    const infant = sectionText('cpr-child', /婴儿/)
    expect(infant).toMatch(/一只手的掌根按压，或用双拇指环抱法/)
    expect(infant).toContain('约4厘米')
    expect(sectionText('cpr-child', /儿童胸外按压/)).toMatch(/1\/3（约5厘米）.*100–120次.*完全回弹/)
    expect(sectionText('cpr-child', /通气/)).toMatch(/单人施救按压30次、人工呼吸2次；两名受过培训的施救者按压15次、人工呼吸2次/)
  })

  test('superseded: nothing recommends two-finger infant compressions (any mention says it is no longer recommended)', () => {
    const mentionsTwoFingers = (sentence: string) => /两指|双指|两根手指|两个手指|二指/.test(sentence) && !sentence.includes('不再推荐')
    // The 2020-era wording this replaces is caught.
    expect(mentionsTwoFingers('再把婴儿翻转为仰卧，头低位，用两根手指在两乳头连线中点下方按压胸部5次')).toBe(true)
    expect(EVERYTHING.filter(mentionsTwoFingers)).toEqual([])
  })

  test('superseded: nothing says abdominal thrusts are only for adults, or not for children', () => {
    const adultsOnly = (sentence: string) =>
      /(只|仅)(对|用于|适用于|限于?)?成人.{0,8}腹部冲击|腹部冲击.{0,10}(只|仅)(对|用于|适用于|限于?)?成人|儿童.{0,4}不(能|要|可|宜)?(做)?腹部冲击|成人.{0,6}(只|仅)做腹部冲击/.test(sentence)
    for (const superseded of ['腹部冲击只适用于成人', '仅对成人做腹部冲击', '儿童不做腹部冲击', '成人只做腹部冲击，不拍背']) expect(adultsOnly(superseded)).toBe(true)
    expect(EVERYTHING.filter(adultsOnly)).toEqual([])
  })

  test('burns: 冲、脱、泡、盖、送, in that order, with the 泡 step', () => {
    expect(lessonOf('burns').sections.map((s) => s.title[0])).toEqual(['冲', '脱', '泡', '盖', '送'])
    expect(sectionText('burns', /^泡/)).toMatch(/浸泡在凉水中10–30分钟.*不要用冰水.*婴幼儿不要长时间浸泡/)
    expect(lessonOf('burns').summary).toMatch(/^冲、脱、泡、盖、送/)
  })
})

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

  test('reading progress is kept per person', async () => {
    unwrap(await cloud.call('lesson', 'fa-reader', { action: 'progress', lessonId: 'cpr-adult', section: 0 }))
    const after = unwrap(await cloud.call<Out<'progress'>>('lesson', 'fa-reader', { action: 'progress', lessonId: 'cpr-adult', section: 2 }))
    expect(after).toMatchObject({ sectionsRead: [0, 2], lastSection: 2 })
    const other = unwrap(await cloud.call<Out<'get'>>('lesson', 'fa-other', { action: 'get', lessonId: 'cpr-adult' }))
    expect(other.progress.sectionsRead).toEqual([])
  })

  test('the quiz is graded on the server: 80% passes and is recorded; the catalogue shows it', async () => {
    // Five questions: one wrong is 80 (passes), two wrong 60.
    const quiz = LESSON_LIBRARY.find((l) => l._id === 'heatstroke')!.quiz
    expect(quiz).toHaveLength(5)
    const allRight = Object.fromEntries(quiz.map((q) => [q.id, q.answer]))
    const oneWrong = { ...allRight, [quiz[0].id]: [(quiz[0].answer[0] + 1) % quiz[0].options.length] }
    const twoWrong = { ...oneWrong, [quiz[1].id]: [(quiz[1].answer[0] + 1) % quiz[1].options.length] }

    const failed = unwrap(await cloud.call<QuizResult>('lesson', 'fa-learner', { action: 'submitQuiz', lessonId: 'heatstroke', answers: twoWrong }))
    expect(failed).toMatchObject({ score: 60, passed: false })
    expect(failed.results[0]).toMatchObject({ correct: false, answer: quiz[0].answer })

    const passed = unwrap(await cloud.call<Out<'submitQuiz'>>('lesson', 'fa-learner', { action: 'submitQuiz', lessonId: 'heatstroke', answers: oneWrong }))
    expect(passed).toMatchObject({ score: 80, passed: true })
    expect(passed.progress.passedAt).not.toBeNull()

    const catalogue = unwrap(await cloud.call<Out<'list'>>('lesson', 'fa-learner', { action: 'list' }))
    expect(catalogue.passed).toBe(1)
    expect(catalogue.items.find((i) => i._id === 'heatstroke')?.progress.bestScore).toBe(80)
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
    await Promise.all(Array.from({ length: 20 }, (_unused, i) => cloud.call('lesson', 'fa-race', { action: 'submitQuiz', lessonId: 'drowning', answers: i === 13 ? right : wrong })))
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
