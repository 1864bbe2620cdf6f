import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { LESSON_LIBRARY } from '../../cloudfunctions/lesson/library'
import { shot, startE2E, ui, type E2E } from './harness'

/** 急救课堂: read a lesson, pass its quiz, see the progress; editors publish changes by two people. */
let e2e: E2E

/** A screenshot once the page has slid in (Taro H5 animates each page opened). */
async function settledShot(page: Page, name: string) {
  await page.waitForTimeout(500)
  await shot(page, name)
}

/** The review page shows a part of the lesson as residents see it now beside the proposed text. */
async function sideBySide(page: Page, part: string, before: string, after: string) {
  const row = page.locator('[data-testid="diff-row"]', { hasText: part })
  await row.locator('.lesson-diff__side--before', { hasText: before }).waitFor()
  await row.locator('.lesson-diff__side--after', { hasText: after }).waitFor()
}
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

    // The last question left out: the page says which one, on the question itself.
    const [first, ...others] = lesson.quiz
    const last = lesson.quiz[lesson.quiz.length - 1]
    for (const question of lesson.quiz.slice(0, -1)) {
      for (const option of question.answer) await ui.pick(page, `question-${question.id}`, question.options[option])
    }
    await ui.button(page, '提交答案')
    await page.locator('[data-testid="question"]', { hasText: last.text }).getByText('这题还没有作答').waitFor()
    assert.equal(await page.getByText('这题还没有作答').count(), 1)
    for (const option of last.answer) await ui.pick(page, `question-${last.id}`, last.options[option])
    await page.getByText('这题还没有作答').waitFor({ state: 'detached' })
    await ui.button(page, '提交答案')
    await page.locator('[data-testid="quiz-score"]', { hasText: '100 分' }).waitFor()
    // Graded: chosen right answers are green with ✓, never red.
    assert.equal(await page.locator('.choice-group__option--wrong').count(), 0)
    assert.equal(await page.locator('.choice-group__option--right').count(), lesson.quiz.reduce((n, q) => n + q.answer.length, 0))
    // The 学习证明 is a picture drawn on a canvas and exported (a PNG data URL on H5).
    const certificate = page.locator('[data-testid="certificate-image"] img')
    await certificate.waitFor()
    assert.match((await certificate.getAttribute('src')) ?? '', /^data:image\/png/)
    assert.ok(await certificate.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
    // Sharp on this 2× screen: at least two picture pixels per displayed pixel.
    const { natural, shown } = await certificate.evaluate((img: HTMLImageElement) => ({ natural: img.naturalWidth, shown: img.getBoundingClientRect().width }))
    assert.ok(natural >= 2 * shown, `certificate ${natural}px wide shown at ${shown}px`)
    await shot(page, 'quiz-passed')

    // A second try with the first question wrong: that choice is red with ✗, the right answer green with ✓.
    await ui.button(page, '再做一次')
    const wrong = first.options.findIndex((_option, i) => !first.answer.includes(i))
    await ui.pick(page, `question-${first.id}`, first.options[wrong])
    for (const question of others) {
      for (const option of question.answer) await ui.pick(page, `question-${question.id}`, question.options[option])
    }
    await ui.button(page, '提交答案')
    await page.locator('[data-testid="quiz-score"]').waitFor()
    const firstCard = page.locator('[data-testid="question"]').first()
    await firstCard.locator('.choice-group__option--wrong', { hasText: `✗ ${first.options[wrong]}` }).waitFor()
    await firstCard.locator('.choice-group__option--right', { hasText: `✓ ${first.options[first.answer[0]]}` }).waitFor()
    await shot(page, 'quiz-graded-wrong')

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
    // 取消报名 asks first; 再想想 keeps the place.
    await card.locator('.nut-button', { hasText: '取消报名' }).click()
    await ui.modal(page, '再想想')
    await card.locator('.nut-tag', { hasText: '已报名' }).waitFor()
    assert.deepEqual(errors, [])
  })

  test('an editor proposes a lesson fix, a second editor approves it, a resident sees it (and the new lessons are listed)', async () => {
    // 张敏 proposes: a question without a correct answer cannot be proposed.
    const staff = await e2e.open('demo-staff')
    await staff.page.goto(`${e2e.cloud.url}/#/packages/staff/pages/lessons/index`)
    await staff.page.locator('[data-testid="admin-lesson"]', { hasText: '中暑' }).click()
    await staff.page.waitForFunction(() => Array.from(document.querySelectorAll('input')).some((i) => i.value === '中暑'))
    await staff.page.locator('.form-field', { hasText: '课程名称' }).locator('input').fill('中暑的识别与处理')
    // Changing the question type clears its correct answer: the shared schema then refuses.
    await staff.page.locator('.card', { hasText: '第1题' }).locator('.form-field', { hasText: '题型' }).locator('[role="radio"]', { hasText: '多选' }).click()
    await ui.button(staff.page, '提交审核')
    await staff.page.getByText('请标出正确答案').waitFor()
    await staff.page.locator('.card', { hasText: '第1题' }).locator('.form-field', { hasText: '正确答案' }).locator('[role="checkbox"]', { hasText: '移到阴凉处，马上降温' }).click()
    await ui.button(staff.page, '提交审核')
    await staff.page.getByText('另一位课程编辑审核通过后，居民才会看到').waitFor()
    await ui.modal(staff.page, '知道了')
    const pending = staff.page.locator('[data-testid="pending-draft"]', { hasText: '我提交的，等待审核' })
    await pending.waitFor()
    await pending.scrollIntoViewIfNeeded()
    await settledShot(staff.page, 'lesson-draft-pending')
    // Residents still read the published lesson.
    assert.equal((e2e.cloud.store.find('lessons', { _id: 'heatstroke' })[0] as unknown as { title: string }).title, '中暑')
    // Her own approval is not offered.
    await pending.click()
    await staff.page.locator('[data-testid="review-draft"]').waitFor()
    assert.equal(await staff.page.locator('.nut-button', { hasText: '审核通过并发布' }).count(), 0)

    // 周建华, the second editor, reaches 课程管理 from 我的, compares and publishes.
    const editor = await e2e.open('demo-editor')
    await editor.page.goto(`${e2e.cloud.url}/#/pages/mine/index`)
    await editor.page.locator('.nut-cell', { hasText: '课程管理' }).click()
    await editor.page.locator('[data-testid="pending-draft"]', { hasText: '待您审核' }).click()
    await sideBySide(editor.page, '课程名称', '中暑', '中暑的识别与处理')
    await settledShot(editor.page, 'lesson-draft-review')
    await ui.button(editor.page, '审核通过并发布')
    await ui.modal(editor.page, '发布')
    await editor.page.locator('[data-testid="review-draft"] .nut-tag', { hasText: '已发布' }).waitFor()

    // A resident sees the fixed lesson, and the new lessons, in 急救课堂.
    const resident = await e2e.open('e2e-reader')
    await resident.page.goto(`${e2e.cloud.url}/#/packages/lessons/pages/index/index`)
    for (const title of ['中暑的识别与处理', '中风识别：中风120和BE FAST', '胸痛：心脏病发作的急救', '癫痫发作（抽搐）', '低血糖']) {
      await resident.page.locator('[data-testid="lesson-card"]', { hasText: title }).waitFor()
    }
    await settledShot(resident.page, 'lessons-catalogue')
    await resident.page.locator('[data-testid="lesson-card"]', { hasText: '中风识别' }).click()
    await resident.page.locator('[data-testid="lesson-section"]', { hasText: '中风120' }).locator('img').waitFor()
    await settledShot(resident.page, 'lesson-stroke')
    assert.deepEqual([...staff.errors, ...editor.errors, ...resident.errors], [])
  })

  test('a station with the old library sees 有更新 with the difference side by side, and two editors publish it', async () => {
    // As a database seeded before library edition 2 stores the burns lesson.
    const store = e2e.cloud.store
    const { libraryVersion: _version, ...burns } = store.find('lessons', { _id: 'burns' })[0]
    const sections = burns.sections as Array<{ title: string; text: string; image?: string }>
    store.remove('lessons', { _id: 'burns' })
    store.insert('lessons', [{ ...burns, sections: [{ ...sections[0], text: '立即用流动的凉水（不是冰水）冲洗烫伤处至少10–20分钟，直到疼痛明显减轻。' }, ...sections.slice(1)] }])

    const staff = await e2e.open('demo-staff')
    await staff.page.goto(`${e2e.cloud.url}/#/packages/staff/pages/lessons/index`)
    await staff.page.locator('[data-testid="admin-lesson"]', { hasText: '烧烫伤处理' }).locator('.nut-tag', { hasText: '有更新' }).waitFor()
    await staff.page.locator('[data-testid="library-update"]', { hasText: '烧烫伤处理' }).click()
    await sideBySide(staff.page, '第1节', '至少10–20分钟', '冲洗烫伤处20分钟，最少也要冲10分钟')
    await settledShot(staff.page, 'lesson-library-update')
    await ui.button(staff.page, '采用更新，提交审核')
    await ui.modal(staff.page, '提交')
    await staff.page.getByText('已提交，等待另一位课程编辑审核').waitFor()

    const editor = await e2e.open('demo-editor')
    await editor.page.goto(`${e2e.cloud.url}/#/packages/staff/pages/lessons/index`)
    await editor.page.locator('[data-testid="pending-draft"]', { hasText: '烧烫伤处理' }).click()
    await ui.button(editor.page, '审核通过并发布')
    await ui.modal(editor.page, '发布')
    await editor.page.locator('[data-testid="review-draft"] .nut-tag', { hasText: '已发布' }).waitFor()
    const published = store.find('lessons', { _id: 'burns' })[0] as unknown as { libraryVersion: number; sections: Array<{ text: string }> }
    assert.equal(published.libraryVersion, 2)
    assert.match(published.sections[0].text, /20分钟，最少也要冲10分钟/)
    assert.deepEqual([...staff.errors, ...editor.errors], [])
  })
})
