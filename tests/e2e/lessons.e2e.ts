import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { LESSON_LIBRARY } from '../../cloudfunctions/lesson/library'
import { shot, startE2E, ui, type E2E } from './harness'

/** 急救课堂: read a lesson, pass its quiz, see the progress. */
let e2e: E2E
before(async () => {
  e2e = await startE2E()
})
after(() => e2e.close())

describe('急救课堂', () => {
  test('read the CPR lesson, pass its quiz, see the 学习证明 and the progress', async () => {
    const { page, errors } = await e2e.open('e2e-learner')
    await page.goto(`${e2e.cloud.url}/#/packages/lessons/pages/index/index`)
    await page.locator('[data-testid="lesson-card"]', { hasText: '成人心肺复苏' }).click()
    const lesson = LESSON_LIBRARY.find((l) => l._id === 'cpr-adult')!
    for (const section of lesson.sections.slice(0, -1)) {
      const shown = page.locator('[data-testid="lesson-section"]', { hasText: section.title })
      await shown.waitFor()
      if (section.image) {
        // The illustration ships with the app and loads (no network beyond the app itself).
        await shown.locator('img').waitFor()
        assert.ok(await shown.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
        await shot(page, 'lesson-illustration')
      }
      await ui.button(page, '下一节')
    }
    await page.getByText('内容来源：').waitFor()
    await ui.button(page, '开始测验')

    for (const question of lesson.quiz) {
      for (const option of question.answer) await ui.pick(page, `question-${question.id}`, question.options[option])
    }
    await ui.button(page, '提交答案')
    await page.locator('[data-testid="quiz-score"]', { hasText: '100 分' }).waitFor()
    // The 学习证明 is a picture drawn on a canvas and exported (a PNG data URL on H5).
    const certificate = page.locator('[data-testid="certificate-image"] img')
    await certificate.waitFor()
    assert.match((await certificate.getAttribute('src')) ?? '', /^data:image\/png/)
    assert.ok(await certificate.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
    // Sharp on this 2× screen: at least two picture pixels per displayed pixel.
    const { natural, shown } = await certificate.evaluate((img: HTMLImageElement) => ({ natural: img.naturalWidth, shown: img.getBoundingClientRect().width }))
    assert.ok(natural >= 2 * shown, `certificate ${natural}px wide shown at ${shown}px`)
    await shot(page, 'quiz-passed')

    await page.goto(`${e2e.cloud.url}/#/pages/firstaid/index`)
    await page.locator('[data-testid="lesson-progress"]', { hasText: `已学完 1 / ${LESSON_LIBRARY.length} 课` }).waitFor()
    const progress = e2e.cloud.store.find('lessonProgress', { openid: 'e2e-learner' })[0] as unknown as { sectionsRead: number[] }
    assert.deepEqual([...progress.sectionsRead].sort(), lesson.sections.map((_s, i) => i))
    assert.deepEqual(errors, [])
  })

  test('sign up for a training session and see the place taken', async () => {
    const { page, errors } = await e2e.open('e2e-trainee')
    await page.goto(`${e2e.cloud.url}/#/packages/lessons/pages/training/index`)
    const card = page.locator('[data-testid="training-card"]', { hasText: '普及培训：心肺复苏与AED' })
    await card.waitFor()
    await card.locator('.nut-button', { hasText: '我要报名' }).click()
    await ui.fill(page, 'trainee-name', '孙丽')
    await ui.fill(page, 'trainee-phone', '13857500077')
    await ui.button(page, '确认报名')
    await card.locator('.nut-tag', { hasText: '已报名' }).waitFor()
    await card.getByText('剩余 39').waitFor()
    await shot(page, 'training-signed')
    assert.deepEqual(errors, [])
  })

  test('staff edit a lesson; a question without a correct answer cannot be saved', async () => {
    const { page, errors } = await e2e.open('demo-staff')
    await page.goto(`${e2e.cloud.url}/#/packages/staff/pages/lessons/index`)
    await page.locator('[data-testid="admin-lesson"]', { hasText: '中暑' }).click()
    const title = page.locator('.form-field', { hasText: '课程名称' }).locator('input')
    await page.waitForFunction(() => Array.from(document.querySelectorAll('input')).some((i) => i.value === '中暑'))
    await title.fill('中暑的识别与处理')
    // Changing the question type clears its correct answer: the shared schema then refuses to save.
    await page.locator('.card', { hasText: '第1题' }).locator('.form-field', { hasText: '题型' }).locator('[role="radio"]', { hasText: '多选' }).click()
    await ui.button(page, '保存课程')
    await page.getByText('请标出正确答案').waitFor()
    await page.locator('.card', { hasText: '第1题' }).locator('.form-field', { hasText: '正确答案' }).locator('[role="checkbox"]', { hasText: '移到阴凉处，马上降温' }).click()
    await ui.button(page, '保存课程')
    await page.locator('[data-testid="admin-lesson"]', { hasText: '中暑的识别与处理' }).waitFor()
    assert.equal((e2e.cloud.store.find('lessons', { _id: 'heatstroke' })[0] as unknown as { title: string }).title, '中暑的识别与处理')
    assert.deepEqual(errors, [])
  })
})
