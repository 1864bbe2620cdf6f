import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { shot, startE2E, ui, type E2E } from './harness'

/** 红心愿 with two volunteers: post, claim (one wins), fulfil, confirm with thanks. */
let e2e: E2E
before(async () => {
  e2e = await startE2E()
  e2e.cloud.store.insert('users', [{ _id: 'e2e-volunteer-b', displayName: '赵小兵', roles: ['volunteer'], homeCommunityId: 'yulan', staffCommunityIds: [], createdAt: new Date() }])
})
after(() => e2e.close())

const TITLE = '帮忙搬一下旧衣柜'
const PHONE = '13957500066'
const status = (page: Page, label: string) => page.locator('[data-testid="wish-status"]', { hasText: label }).waitFor()

async function openWish(page: Page) {
  await page.goto(`${e2e.cloud.url}/#/pages/wish/index`)
  // The wall opens on the person's own community; the wish is 玉兰's.
  await ui.choose(page, 'wall-community', '玉兰社区')
  await page.locator('[data-testid="wish-card"]', { hasText: TITLE }).click()
  await page.locator('[data-testid="wish-detail"]').waitFor()
}

describe('红心愿', () => {
  test('post, claim, fulfil, confirm; a second volunteer sees it taken', async () => {
    const { page: owner, errors: ownerErrors } = await e2e.open('demo-resident')
    await owner.goto(`${e2e.cloud.url}/#/pages/wish/index`)
    await ui.button(owner, '我要许愿')
    await owner.locator('[data-testid="title"]').waitFor()
    await ui.fill(owner, 'title', TITLE)
    await ui.fill(owner, 'content', '家里要换新衣柜，旧衣柜太重，我和老伴搬不动，想请两位志愿者帮忙抬到楼下。')
    await ui.choose(owner, 'category', '生活帮扶')
    await ui.choose(owner, 'community', '玉兰社区')
    await ui.fill(owner, 'contactPhone', PHONE)
    await ui.button(owner, '发布心愿')
    await status(owner, '待认领')
    await shot(owner, 'wish-posted')

    // Both volunteers open the wish while it is still open.
    const { page: first, errors: firstErrors } = await e2e.open('demo-volunteer')
    const { page: second, errors: secondErrors } = await e2e.open('e2e-volunteer-b')
    await openWish(first)
    await openWish(second)
    assert.equal(await first.locator('[data-testid="wish-contact"]').count(), 0)

    await ui.button(first, '我来认领')
    await ui.modal(first, '确定')
    await status(first, '已认领')
    await first.locator('[data-testid="wish-contact"]', { hasText: PHONE }).waitFor()
    await shot(first, 'wish-claimed')

    // The second one was a moment late: told it is taken, shown how it stands, never an error page.
    await ui.button(second, '我来认领')
    await ui.modal(second, '确定')
    await second.getByText('这个心愿已被认领').waitFor()
    await status(second, '已认领')
    assert.equal(await second.locator('[data-testid="wish-contact"]').count(), 0)
    assert.equal(await second.locator('.nut-button', { hasText: '我来认领' }).count(), 0)

    await ui.button(first, '标记已完成')
    await ui.fill(first, 'wish-note', '已经帮忙把旧衣柜抬到楼下回收点了。')
    await ui.fill(first, 'wish-minutes', '50')
    // Looking at 放弃认领 and coming back keeps what was typed.
    await ui.button(first, '放弃认领')
    assert.equal(await first.locator('[data-testid="wish-note"] textarea').inputValue(), '')
    await ui.button(first, '标记已完成')
    assert.equal(await first.locator('[data-testid="wish-note"] textarea').inputValue(), '已经帮忙把旧衣柜抬到楼下回收点了。')
    await ui.button(first, '确定标记已完成')
    await status(first, '待确认')

    await owner.reload()
    await status(owner, '待确认')
    await ui.button(owner, '确认心愿已完成')
    await ui.fill(owner, 'wish-note', '谢谢李师傅，帮了大忙！')
    await ui.button(owner, '确定心愿已完成')
    await ui.modal(owner, '确定')
    await status(owner, '已完成')
    await owner.getByText('感谢信：谢谢李师傅，帮了大忙！').waitFor()
    await shot(owner, 'wish-completed')

    for (const page of [owner, first]) {
      await page.reload()
      const timeline = await page.locator('[data-testid="timeline"]').innerText()
      for (const step of ['发布心愿', '志愿者认领', '志愿者已完成', '心愿主人确认完成']) assert.match(timeline, new RegExp(step))
    }
    // The owner's confirmation completes the wish, not the hours (民政部令第67号 2020: 谁记录谁证明).
    const hoursOf = () => Number(e2e.cloud.store.find('volunteers', { openid: 'demo-volunteer' })[0].hours)
    assert.equal(hoursOf(), 36)
    await first.locator('[data-testid="wish-service-hours"]', { hasText: '服务时长 0.5 小时 · 时长待工作人员核定' }).waitFor()

    // Staff of the wish's community approve the reported time with one tap in 工作台.
    const { page: staff, errors: staffErrors } = await e2e.open('demo-staff')
    await staff.goto(`${e2e.cloud.url}/#/packages/staff/pages/index/index`)
    await staff.locator('.nut-cell', { hasText: '心愿时长核定' }).getByText('1 个待核定').waitFor()
    await staff.locator('.nut-cell', { hasText: '心愿时长核定' }).click()
    const item = staff.locator('[data-testid="hours-wish"]', { hasText: TITLE })
    await item.getByText('报告服务 50 分钟').waitFor()
    await shot(staff, 'wish-hours-queue')
    await item.locator('.nut-button', { hasText: '核定 0.5 小时' }).click()
    await staff.getByText('没有待核定时长的心愿').waitFor()
    assert.equal(hoursOf(), 36.5)
    await first.reload()
    await first.locator('[data-testid="wish-service-hours"]', { hasText: '时长已核定记入' }).waitFor()
    assert.deepEqual([...ownerErrors, ...firstErrors, ...secondErrors, ...staffErrors], [])
  })
})
