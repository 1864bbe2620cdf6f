import fs from 'node:fs'
import path from 'node:path'
import * as v from 'valibot'
import { lessonInputs, type Lesson } from '@/domain/firstaid/lessons'
import { CHILD_STEPS, CPR_STEPS, QUICK_CARDS, SOURCE_NOTE } from '@/pages/emergency/steps'
import { GUIDELINES_VERSION, LESSON_LIBRARY } from './library'

/**
 * The shipped library states the facts of DESIGN.md §3 and issue 29, each from the AHA 2025
 * Guidelines for CPR and ECC (October 2025) or the AHA/American Red Cross 2024 Guidelines for
 * First Aid (November 2024), and none of the wording they superseded.
 */

/**
 * What a lesson tells the learner: summary, sections, key points, questions, correct options and
 * explanations, as sentences. Wrong options are left out: they are meant to be wrong.
 */
function statementsOf(lesson: Lesson): string[] {
  const texts = [lesson.summary, ...lesson.sections.flatMap((s) => [s.title, s.text]), ...lesson.keyPoints, ...lesson.quiz.flatMap((q) => [q.text, ...q.answer.map((i) => q.options[i]), q.explanation])]
  return texts.flatMap((text) => text.split(/[。；！？]/)).filter((sentence) => sentence.trim())
}
const lessonOf = (lessonId: string) => {
  const lesson = LESSON_LIBRARY.find((l) => l._id === lessonId)
  if (!lesson) throw new Error(`no lesson ${lessonId}`)
  return lesson
}
const sectionText = (lessonId: string, title: RegExp) => lessonOf(lessonId).sections.find((s) => title.test(s.title))?.text ?? ''
/** What the lesson itself teaches (sections only): a quiz must be answerable from it. */
const taught = (lessonId: string) => lessonOf(lessonId).sections.map((s) => s.text).join('\n')
const EMERGENCY = [...CPR_STEPS, ...CHILD_STEPS].map((s) => `${s.title}${s.text}`).join('\n') + SOURCE_NOTE
const EVERYTHING = [...LESSON_LIBRARY.flatMap(statementsOf), ...EMERGENCY.split(/[。；\n]/)]
const AHA_2025 = /美国心脏协会（AHA）2025心肺复苏与心血管急救指南（2025年10月发布）/
const FIRST_AID_2024 = /美国心脏协会（AHA）与美国红十字会2024急救指南（2024年11月发布）/

describe('the library as a whole', () => {
  test('14 lessons, the common community emergencies among them, each with at least 5 questions whose answers are among their options', () => {
    expect(LESSON_LIBRARY.map((l) => l._id)).toEqual(expect.arrayContaining(['stroke', 'chest-pain', 'seizure', 'hypoglycemia']))
    expect(LESSON_LIBRARY).toHaveLength(14)
    expect(new Set(LESSON_LIBRARY.map((l) => l.order)).size).toBe(LESSON_LIBRARY.length)
    for (const lesson of LESSON_LIBRARY) {
      expect(lesson.quiz.length).toBeGreaterThanOrEqual(5)
      for (const q of lesson.quiz) expect(q.answer.every((i) => i >= 0 && i < q.options.length)).toBe(true)
    }
  })

  test('every lesson passes the schema editors are checked by (lesson.save)', () => {
    for (const { _id: lessonId, ...lesson } of LESSON_LIBRARY) {
      const result = v.safeParse(lessonInputs.save, { lessonId, ...lesson })
      expect({ lessonId, issues: result.issues?.map((i) => i.message) ?? [] }).toEqual({ lessonId, issues: [] })
    }
  })

  test('every lesson carries its library version, at least the edition of the current guidelines', () => {
    for (const lesson of LESSON_LIBRARY) expect({ id: lesson._id, version: lesson.libraryVersion >= GUIDELINES_VERSION }).toEqual({ id: lesson._id, version: true })
  })

  test('every lesson cites its source by name, edition and year; the Red Cross Society of China material (edition unconfirmed) is not cited', () => {
    for (const lessonId of ['cpr-adult', 'cpr-child', 'aed', 'choking', 'drowning']) expect(lessonOf(lessonId).source).toMatch(AHA_2025)
    for (const lessonId of ['stroke', 'chest-pain', 'seizure', 'hypoglycemia', 'bleeding', 'fracture', 'burns', 'heatstroke', 'drowning']) expect(lessonOf(lessonId).source).toMatch(FIRST_AID_2024)
    expect(lessonOf('stroke').source).toMatch(/“中风120”.*2016年/)
    expect(lessonOf('psychological').source).toBe('世界卫生组织《心理急救：现场工作者指南》（2011年版）')
    for (const lesson of LESSON_LIBRARY) {
      expect(lesson.source).toMatch(/（\d{4}年(\d{1,2}月发布|版|提出)）|，\d{4}年提出）/)
      expect(lesson.source).not.toMatch(/中国红十字会/)
    }
    expect(JSON.stringify(LESSON_LIBRARY) + EMERGENCY).not.toMatch(/2020|培训教材/)
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

  // Each new question, and the phrase of its lesson's sections that answers it.
  test.each([
    ['stroke', 'q1', '“1”看一张脸'],
    ['stroke', 'q2', '“2”查两只手臂'],
    ['stroke', 'q3', '“0”（聆）听说话'],
    ['stroke', 'q4', '立即拨打120'],
    ['stroke', 'q5', '记下发病时间'],
    ['stroke', 'q6', 'B（平衡）突然失去平衡、走路不稳；E（眼睛）突然看不清或看东西重影'],
    ['stroke', 'q7', '几分钟后自己好了，也要拨打120或马上就医'],
    ['chest-pain', 'q1', '立即拨打120'],
    ['chest-pain', 'q2', '阿司匹林162–325毫克'],
    ['chest-pain', 'q3', '对阿司匹林过敏、医生嘱咐过不要服用阿司匹林，或者是外伤引起的胸痛，不要吃'],
    ['chest-pain', 'q4', '嚼碎后咽下'],
    ['chest-pain', 'q5', '立即开始心肺复苏，并请旁人取AED'],
    ['chest-pain', 'q6', '老人、女性和糖尿病患者可能只感到胸闷、乏力'],
    ['seizure', 'q1', '保护头部'],
    ['seizure', 'q2', '塞东西会弄伤牙齿或堵住气道'],
    ['seizure', 'q3', '抽搐超过5分钟'],
    ['seizure', 'q4', '让患者侧卧'],
    ['seizure', 'q5', '第一次发作、在水中发作'],
    ['seizure', 'q6', '看表记下发作开始的时间'],
    ['hypoglycemia', 'q1', '能自己吞咽，马上给糖'],
    ['hypoglycemia', 'q2', '不要往嘴里喂任何东西'],
    ['hypoglycemia', 'q3', '10分钟内没有好转'],
    ['hypoglycemia', 'q4', '最好是葡萄糖片'],
    ['hypoglycemia', 'q5', '好转后再吃些饼干、面包等主食'],
    ['cpr-adult', 'q7', '就在患者倒下的地方立即开始按压'],
    ['aed', 'q7', '全自动AED不需要按键'],
    ['aed', 'q8', '擦干胸部再贴电极片'],
    ['choking', 'q8', '立即让旁人拨打120'],
    ['choking', 'q9', '也要去医院检查'],
    ['bleeding', 'q6', '扎上后不要定时放松'],
    ['bleeding', 'q7', '扎紧至出血停止'],
    ['bleeding', 'q8', '不要扎在关节上'],
    ['fracture', 'q6', '除非现场有危险'],
    ['fracture', 'q7', '或者需要做心肺复苏'],
    ['burns', 'q2', '冲洗烫伤处20分钟，最少也要冲10分钟'],
    ['heatstroke', 'q4', '颈部以下的身体浸入冷水中'],
    ['heatstroke', 'q5', '同时神志改变'],
    ['drowning', 'q6', '也一定要送医院观察'],
    ['drowning', 'q7', '先把患者胸部擦干，再贴电极片'],
  ])('%s %s is answerable from the lesson: "%s"', (lessonId, questionId, phrase) => {
    expect(lessonOf(lessonId).quiz.some((q) => q.id === questionId)).toBe(true)
    expect(taught(lessonId)).toContain(phrase)
  })
})

describe('CPR and AED (AHA 2025 guidelines)', () => {
  test('adult CPR: 120 first, 100–120 a minute, 5–6 cm, full recoil, 30:2, pauses under 10 s, AED as soon as it arrives', () => {
    const cpr = JSON.stringify(lessonOf('cpr-adult'))
    for (const fact of ['120', '100–120', '5–6厘米', '完全回弹', '30次后给予2次', 'AED一到立即使用', '不超过10秒', '只做持续胸外按压']) expect(cpr).toContain(fact)
    expect(lessonOf('cpr-adult').sections[0].text).toContain('立即拨打120')
  })

  test('AHA 2025: CPR starts at once where the person lies; moving them only when it costs no time', () => {
    expect(sectionText('cpr-adult', /胸外按压/)).toMatch(/^就在患者倒下的地方立即开始按压，不要先花时间搬动。只有现场不安全，或者不耽误时间就能做到时/)
    expect(sectionText('cpr-child', /儿童胸外按压/)).toMatch(/^就地立即开始按压/)
  })

  test('superseded: nothing moves the patient to a hard surface first (any mention says it must not cost time)', () => {
    const movesFirst = (sentence: string) => /坚实(的)?平面|硬地面|硬板/.test(sentence) && !/不耽误|不要先/.test(sentence)
    // The wording this replaces is caught.
    expect(movesFirst('让患者仰卧在坚实平面上')).toBe(true)
    const cpr = [...statementsOf(lessonOf('cpr-adult')), ...statementsOf(lessonOf('cpr-child')), ...EMERGENCY.split(/[。；\n]/)]
    expect(cpr.filter(movesFirst)).toEqual([])
  })

  test('the emergency screen: 120 first, the same CPR numbers, AED at once, nobody touches during analysis', () => {
    expect(CPR_STEPS[1].text).toMatch(/^请旁人拨打120/)
    for (const fact of ['不超过10秒', '5–6厘米', '每分钟100–120次', '完全回弹', '每按压30次给予2次人工呼吸', '只做持续按压', 'AED一到马上用', '开、贴、插、电', '右侧锁骨下方', '腋中线', '任何人不要接触患者', '电击后立即继续按压']) expect(EMERGENCY).toContain(fact)
    for (const fact of ['一只手的掌根', '双拇指环抱法', '儿童电极片或能量衰减器', '没有就用成人电极片', '背部两肩胛骨之间']) expect(EMERGENCY).toContain(fact)
  })

  // The three cards under the 120 button (issue 22) say what the lessons say, in fewer words.
  test('the emergency screen\'s cards: 气道梗阻 (AHA 2025), 大出血 (AHA/ARC 2024), 中风120 (2016), each fact as the lesson has it', () => {
    const facts: Record<string, string[]> = {
      choking: ['立即让旁人拨打120', '肚脐上方两横指', '向内、向上冲击5次', '5次背部叩击与5次腹部冲击交替进行，直到异物排出或患者失去反应', '胸部冲击代替腹部冲击', '不做腹部冲击', '不要盲目用手指掏'],
      bleeding: ['拨打120', '持续用力压迫', '至少压迫10分钟不要松手查看', '在上面再加一层继续压迫', '（近心端）5–7.5厘米处', '不要定时放松'],
      stroke: ['“1”看一张脸', '“2”查两只手臂', '“0”（聆）听说话', '立即拨打120', '疑似中风', '不要喂水、喂饭、喂药（包括降压药和阿司匹林）', '侧卧'],
    }
    expect(QUICK_CARDS.map((card) => card.title)).toEqual(['气道梗阻', '大出血', '中风120'])
    for (const card of QUICK_CARDS) {
      const said = card.steps.join('')
      const lesson = JSON.stringify(lessonOf(card.lessonId))
      expect(card.steps.length).toBeGreaterThanOrEqual(3)
      expect(card.steps.length).toBeLessThanOrEqual(5)
      for (const fact of facts[card.id]) {
        expect(said).toContain(fact)
        expect(lesson).toContain(fact)
      }
    }
  })

  test('AED: 开贴插电, adult pads below the right collarbone and at the left mid-armpit line, nobody touches during analysis', () => {
    const aed = JSON.stringify(lessonOf('aed'))
    for (const fact of ['开、贴、插、电', '右侧锁骨下方', '腋中线', '任何人不要接触患者', '电击后立即继续胸外按压']) expect(aed).toContain(fact)
  })

  test('AED: fully automatic devices shock by themselves; water, medicine patches and implanted devices', () => {
    expect(sectionText('aed', /^电/)).toMatch(/全自动AED不需要按键：它提示“将要电击”后会自己放电，所有人离开、不要接触患者/)
    const special = sectionText('aed', /特殊情况/)
    expect(special).toMatch(/移出水面，擦干胸部再贴电极片/)
    expect(special).toMatch(/撕掉贴片、擦净皮肤，电极片不要贴在药物贴片上/)
    expect(special).toMatch(/起搏器或植入式除颤器：电极片避开凸起，不要直接贴在上面，但不要因此耽误除颤/)
  })

  test('AED for children under 8: paediatric pads or an attenuator, otherwise adult pads, front and back if they would touch', () => {
    const pads = sectionText('aed', /^贴/)
    expect(pads).toMatch(/8岁以下儿童：有儿童电极片或能量衰减器（儿童模式）就用；没有时使用成人电极片/)
    expect(pads).toMatch(/会相互接触时，一定要这样前后贴/)
    expect(pads).toContain('胸前正中')
    expect(pads).toContain('背部两肩胛骨之间')
    expect(sectionText('cpr-child', /AED/)).toMatch(/有儿童电极片或能量衰减器就用，没有就用成人电极片/)
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
    expect(mentionsTwoFingers('再把婴儿翻转为仰卧，头低位，用两根手指在两乳头连线中点下方按压胸部5次')).toBe(true)
    expect(EVERYTHING.filter(mentionsTwoFingers)).toEqual([])
  })
})

describe('choking (AHA 2025 guidelines)', () => {
  test('adults and children: 5 back blows alternating with 5 abdominal thrusts, fist two finger-widths above the navel, inward and upward', () => {
    const conscious = sectionText('choking', /成人和儿童/)
    expect(conscious).toMatch(/成人和1岁以上儿童做法相同/)
    for (const fact of ['叩击5次', '肚脐上方两横指', '向内、向上冲击5次', '5次背部叩击与5次腹部冲击交替进行，直到异物排出或患者失去反应']) expect(conscious).toContain(fact)
    expect(lessonOf('choking').summary).toMatch(/成人和儿童：5次背部叩击与5次腹部冲击交替/)
  })

  test('severe obstruction: someone calls 120 at once, while the rescuer acts', () => {
    expect(sectionText('choking', /识别/)).toMatch(/不能说话、咳不出声或不能呼吸，就是严重梗阻：立即让旁人拨打120.*同时马上施救，不要等患者倒下才打电话/)
    expect(lessonOf('choking').summary).toMatch(/^严重梗阻立即拨打120/)
  })

  test('superseded: 120 only once the person collapses', () => {
    // Every sentence that mentions 120 ties it to unresponsiveness: the wording this replaces.
    const callsOnlyOnCollapse = (sentences: string[]) => sentences.filter((s) => s.includes('120')).every((s) => s.includes('失去反应'))
    expect(callsOnlyOnCollapse(['如果还能用力咳嗽，鼓励他继续咳嗽，并密切观察', '患者失去反应，立即拨打120，把患者放平在坚实平面上，开始心肺复苏'])).toBe(true)
    expect(callsOnlyOnCollapse(statementsOf(lessonOf('choking')))).toBe(false)
  })

  test('everyone who received abdominal thrusts sees a doctor afterwards', () => {
    expect(sectionText('choking', /就医/)).toMatch(/^凡是接受过腹部冲击或胸部冲击的人，即使异物已经排出、自己觉得没事，也要去医院检查/)
  })

  test('pregnant or obese people get chest thrusts instead of abdominal thrusts', () => {
    expect(sectionText('choking', /孕妇/)).toMatch(/孕妇.*肥胖.*用胸部冲击代替腹部冲击/)
  })

  test('infants: 5 back blows and 5 chest thrusts with the heel of one hand, never abdominal thrusts', () => {
    const infant = sectionText('choking', /婴儿/)
    for (const fact of ['叩击5次', '用一只手的掌根', '按压胸部5次', '婴儿不做腹部冲击']) expect(infant).toContain(fact)
  })

  test('unresponsive means CPR, look in the mouth before breaths, no blind finger sweep', () => {
    expect(sectionText('choking', /失去反应/)).toMatch(/心肺复苏.*拨打.*人工呼吸前先查看口中，看到异物才取出，不要盲目用手指掏/)
  })

  test('superseded: nothing says abdominal thrusts are only for adults, or not for children', () => {
    const adultsOnly = (sentence: string) =>
      /(只|仅)(对|用于|适用于|限于?)?成人.{0,8}腹部冲击|腹部冲击.{0,10}(只|仅)(对|用于|适用于|限于?)?成人|儿童.{0,4}不(能|要|可|宜)?(做)?腹部冲击|成人.{0,6}(只|仅)做腹部冲击/.test(sentence)
    for (const superseded of ['腹部冲击只适用于成人', '仅对成人做腹部冲击', '儿童不做腹部冲击', '成人只做腹部冲击，不拍背']) expect(adultsOnly(superseded)).toBe(true)
    expect(EVERYTHING.filter(adultsOnly)).toEqual([])
  })
})

describe('the common community emergencies (AHA/ARC 2024 First Aid; 中风120)', () => {
  test('stroke: 中风120 — 1 look at the face, 2 check both arms, 0 listen to the speech — and BE FAST, then 120 at once', () => {
    const stroke = sectionText('stroke', /中风120/)
    expect(stroke).toMatch(/“1”看一张脸.*不对称.*“2”查两只手臂.*一侧无力.*“0”（聆）听说话.*口齿不清.*立即拨打120/)
    expect(sectionText('stroke', /BE FAST/)).toMatch(/B（平衡）.*E（眼睛）.*F（脸）.*A（手臂）.*S（说话）.*T（时间）记下时间，立即拨打120/)
    expect(sectionText('stroke', /等待/)).toMatch(/记下发病时间.*不要喂水、喂饭、喂药（包括降压药和阿司匹林）/)
  })

  test('chest pain: 120, and aspirin 162–325 mg chewed unless allergic or told not to', () => {
    expect(sectionText('chest-pain', /120/)).toMatch(/^怀疑心脏病发作，立即拨打120/)
    expect(sectionText('chest-pain', /阿司匹林/)).toMatch(/清醒的成人可以嚼碎后咽下阿司匹林162–325毫克.*对阿司匹林过敏、医生嘱咐过不要服用阿司匹林.*不要吃/)
    // 100 mg tablets, 2–3 of them: 200–300 mg, inside the guideline's range.
    expect(sectionText('chest-pain', /阿司匹林/)).toContain('常见的100毫克一片，嚼服2–3片')
  })

  test('seizure: no pinching 人中, nothing in the mouth, protect the head, recovery position, timed; 120 over 5 minutes', () => {
    const lesson = taught('seizure')
    for (const fact of ['不要掐人中', '不要往嘴里塞', '保护头部', '让患者侧卧', '看表记下发作开始的时间', '抽搐超过5分钟', '不要强行按住手脚']) expect(lesson).toContain(fact)
    expect(sectionText('seizure', /计时/)).toMatch(/超过5分钟.*立即拨打120/)
  })

  test('superseded folk practice: nothing tells anyone to pinch 人中 or put something between the teeth', () => {
    const folk = (sentence: string) => /掐人中|塞.{0,6}(毛巾|筷子|勺子)|咬舌/.test(sentence) && !/不要|不掐|不塞|不对/.test(sentence)
    expect(folk('立即掐人中，并往嘴里塞毛巾防止咬舌')).toBe(true)
    expect(EVERYTHING.filter(folk)).toEqual([])
  })

  test('low blood sugar: sugar for someone who can swallow; nothing by mouth for someone who cannot', () => {
    expect(sectionText('hypoglycemia', /给糖/)).toMatch(/能自己吞咽，马上给糖：最好是葡萄糖片/)
    expect(sectionText('hypoglycemia', /不能吞咽/)).toMatch(/不能吞咽.*不要往嘴里喂任何东西.*立即拨打120/)
  })
})

describe('injuries and the environment (AHA/ARC 2024 First Aid)', () => {
  test('heat stroke: changed mental state is the key sign; cold-water immersion below the neck where possible', () => {
    expect(sectionText('heatstroke', /识别/)).toMatch(/同时神志改变.*是重症中暑（热射病）.*可能仍在出汗，不能因为有汗就排除/)
    expect(sectionText('heatstroke', /降温/)).toMatch(/条件允许时，把患者颈部以下的身体浸入冷水中.*不能浸泡时，用冷水浇湿全身并扇风/)
    expect(lessonOf('heatstroke').keyPoints[0]).toBe('神志改变是热射病的关键表现')
  })

  test('superseded: hot dry skin as the sign, and cooling by wiping and fanning only', () => {
    const drySkinSign = (sentence: string) => /皮肤干热|干热无汗/.test(sentence) && !/不一定|不能因为/.test(sentence)
    expect(drySkinSign('体温很高、皮肤干热、意识模糊或抽搐，是重症中暑（热射病）')).toBe(true)
    expect(EVERYTHING.filter(drySkinSign)).toEqual([])
    const wipingOnly = (text: string) => /擦拭|扇风/.test(text) && !/浸入冷水/.test(text)
    expect(wipingOnly('立即把患者移到阴凉通风处，解开衣扣，用凉水擦拭或喷洒身体并扇风降温')).toBe(true)
    expect(wipingOnly(taught('heatstroke'))).toBe(false)
  })

  test('burns: 冲、脱、泡、盖、送, cool running water 20 minutes (at least 10), and the quiz answers the same', () => {
    expect(lessonOf('burns').sections.map((s) => s.title[0])).toEqual(['冲', '脱', '泡', '盖', '送'])
    expect(sectionText('burns', /^冲/)).toMatch(/流动的凉水（不是冰水）冲洗烫伤处20分钟，最少也要冲10分钟/)
    expect(sectionText('burns', /^泡/)).toMatch(/不要用冰水.*婴幼儿不要长时间浸泡/)
    expect(lessonOf('burns').summary).toMatch(/^冲、脱、泡、盖、送：立即用流动的凉水冲洗20分钟（最少10分钟）/)
    const q2 = lessonOf('burns').quiz.find((q) => q.id === 'q2')!
    expect(q2.options[q2.answer[0]]).toBe('20分钟，最少10分钟')
  })

  test('superseded: "at least 10–20 minutes" (a range that contradicts itself) is nowhere', () => {
    const range = (text: string) => /10[–-]20分钟|10–20 分钟/.test(text)
    expect(range('立即用流动的凉水冲洗至少10–20分钟')).toBe(true)
    expect(EVERYTHING.filter(range)).toEqual([])
  })

  test('tourniquet: tightened until the bleeding stops, not over a joint, never loosened on a schedule, time noted', () => {
    expect(sectionText('bleeding', /止血带/)).toMatch(/伤口上方（近心端）5–7.5厘米处，不要扎在关节上；扎紧至出血停止。记下扎上的时间.*扎上后不要定时放松/)
  })

  test('superseded: loosening a tourniquet every so often', () => {
    const loosens = (sentence: string) => /放松|松开/.test(sentence) && !/不要/.test(sentence)
    expect(loosens('每隔40–60分钟放松一次止血带')).toBe(true)
    expect(statementsOf(lessonOf('bleeding')).filter(loosens)).toEqual([])
  })

  test('spinal injury: not moved unless the place is dangerous or CPR is needed', () => {
    expect(sectionText('fracture', /脊柱/)).toMatch(/除非现场有危险（如起火、车流）或者需要做心肺复苏，不要移动患者/)
  })

  test('superseded: "never move" without the exceptions', () => {
    const neverMove = (sentence: string) => /不要(移动|搬动)|不随意搬动/.test(sentence) && !sentence.includes('除非')
    expect(neverMove('怀疑颈部或背部受伤时，不要移动患者，保持头颈和躯干在一条直线上，等待专业人员')).toBe(true)
    expect(statementsOf(lessonOf('fracture')).filter(neverMove)).toEqual([])
  })

  test('drowning: breaths first; everyone who needed any resuscitation goes to hospital; dry the chest before the AED pads', () => {
    expect(sectionText('drowning', /上岸后/)).toMatch(/先开放气道，给予2次人工呼吸.*AED到达后，先把患者胸部擦干，再贴电极片/)
    expect(sectionText('drowning', /医院/)).toMatch(/^凡是做过人工呼吸或心肺复苏的溺水者，哪怕已经醒来、看起来没事，也一定要送医院观察/)
  })
})
