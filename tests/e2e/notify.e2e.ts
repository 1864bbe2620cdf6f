import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { NOTIFY_KINDS } from '../../src/domain/notify/kinds'
import { MINUTE, passTime, startsIn } from './activity-time'
import { shot, startE2E, ui, type E2E } from './harness'

/** Notifications between people: what one does shows up, unread, for the other, and opens the right thing. */
let e2e: E2E
before(async () => {
  e2e = await startE2E()
})
after(() => e2e.close())

type OutboxItem = { openid: string; templateId: string; page?: string; errCode?: number }
const outbox = async () => ((await (await fetch(`${e2e.cloud.url}/api/dev/outbox`)).json()) as { items: OutboxItem[] }).items
const call = async <T>(fn: string, openid: string, event: Record<string, unknown>): Promise<T> => {
  const response = await fetch(`${e2e.cloud.url}/api/functions/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': openid }, body: JSON.stringify(event) })
  const envelope = (await response.json()) as { ok: boolean; data: T; message?: string }
  assert.ok(envelope.ok, envelope.message)
  return envelope.data
}
const mineTab = (page: Page) => page.locator('.weui-tabbar__item', { hasText: '我的' })

/**
 * The person opens the app (again) on 我的: the tab's badge and the 消息 entry say `count` unread;
 * the entry opens the inbox. (An app already open shows the count of its opening for a minute.)
 */
async function seeUnreadAndOpenInbox(page: Page, count: number) {
  await page.goto(`${e2e.cloud.url}/#/pages/mine/index`)
  await page.reload()
  await mineTab(page).locator('.weui-badge', { hasText: String(count) }).waitFor()
  await page.locator('[data-testid="inbox-unread"]', { hasText: `${count} 条未读` }).waitFor()
  await page.locator('.nut-cell', { hasText: '审核结果、心愿进度等通知' }).click()
  await page.locator('[data-testid="inbox-item"]').first().waitFor()
}

const TITLE = '帮忙修一下阳台晾衣架'
const WISH_PAGE = 'packages/wish/pages/detail/index'

describe('notifications', () => {
  let wishId = ''

  test('a volunteer claims a wish: its owner sees the unread badge, and the message opens that wish', async () => {
    const { page: owner, errors: ownerErrors } = await e2e.open('e2e-owner')
    await owner.goto(`${e2e.cloud.url}/#/pages/wish/index`)
    await ui.button(owner, '我要许愿')
    await owner.locator('[data-testid="title"]').waitFor()
    await ui.fill(owner, 'title', TITLE)
    await ui.fill(owner, 'content', '阳台的升降晾衣架摇不动了，钢丝好像卡住了，家里只有我和老伴，想请懂行的志愿者帮忙看看。')
    await ui.choose(owner, 'category', '生活帮扶')
    await ui.choose(owner, 'community', '玉兰社区')
    await ui.fill(owner, 'contactPhone', '13957500077')
    await ui.button(owner, '发布心愿')
    await owner.locator('[data-testid="wish-status"]', { hasText: '待认领' }).waitFor()
    wishId = new URL(owner.url().replace('/#/', '/')).searchParams.get('id') ?? ''
    assert.ok(wishId)

    const { page: volunteer, errors: volunteerErrors } = await e2e.open('demo-volunteer')
    await volunteer.goto(`${e2e.cloud.url}/#/${WISH_PAGE}?id=${wishId}`)
    await ui.button(volunteer, '我来认领')
    await ui.modal(volunteer, '确定')
    await volunteer.locator('[data-testid="wish-status"]', { hasText: '已认领' }).waitFor()

    await seeUnreadAndOpenInbox(owner, 1)
    await shot(owner, 'notify-inbox-claimed')
    await owner.locator('[data-testid="inbox-item"]', { hasText: TITLE }).click()
    await owner.locator('[data-testid="wish-detail"]', { hasText: TITLE }).waitFor()
    assert.match(owner.url(), new RegExp(`${WISH_PAGE}\\?id=${wishId}\\b`))
    // Read once opened: the badge is gone when 我的 shows again.
    await owner.goto(`${e2e.cloud.url}/#/pages/mine/index`)
    await owner.locator('.nut-cell', { hasText: '消息设置' }).waitFor()
    await mineTab(owner).locator('.weui-badge').waitFor({ state: 'detached' })
    assert.deepEqual([...ownerErrors, ...volunteerErrors], [])
  })

  test('the rest of the journey: every subscribe message WeChat was asked for was accepted and opens the wish', async () => {
    const { page: volunteer } = await e2e.open('demo-volunteer')
    await volunteer.goto(`${e2e.cloud.url}/#/${WISH_PAGE}?id=${wishId}`)
    await ui.button(volunteer, '标记已完成')
    await ui.fill(volunteer, 'wish-note', '换了晾衣架的钢丝绳，已经能正常升降了。')
    await ui.fill(volunteer, 'wish-minutes', '40')
    await ui.button(volunteer, '确定标记已完成')
    await volunteer.locator('[data-testid="wish-status"]', { hasText: '待确认' }).waitFor()

    const { page: owner } = await e2e.open('e2e-owner')
    await owner.goto(`${e2e.cloud.url}/#/${WISH_PAGE}?id=${wishId}`)
    await ui.button(owner, '确认心愿已完成')
    await ui.fill(owner, 'wish-note', '谢谢志愿者，晾衣架好用了！')
    await ui.button(owner, '确定心愿已完成')
    await ui.modal(owner, '确定')
    await owner.locator('[data-testid="wish-status"]', { hasText: '已完成' }).waitFor()

    const journey = (await outbox()).filter((m) => m.page?.endsWith(`?id=${wishId}`)).reverse()
    // Each side granted one message from their own tap (posting, claiming): the claim reached the
    // owner, the confirmation the claimer; the step in between went to the owner's inbox only.
    assert.deepEqual(
      journey.map((m) => [m.openid, m.templateId, m.page, m.errCode]),
      [
        ['e2e-owner', NOTIFY_KINDS.wish_update.templateId, `${WISH_PAGE}?id=${wishId}`, undefined],
        ['demo-volunteer', NOTIFY_KINDS.wish_update.templateId, `${WISH_PAGE}?id=${wishId}`, undefined],
      ],
    )
    const ownerInbox = e2e.cloud.store.find('inbox', { openid: 'e2e-owner' }).map((m) => [m.page, m.body])
    assert.equal(ownerInbox.length, 2)
    assert.ok(ownerInbox.every(([page]) => page === `${WISH_PAGE}?id=${wishId}`))
  })

  test('staff answer an AED report: the reporter sees the unread badge, and the message opens that AED', async () => {
    const [aed] = e2e.cloud.store.find('aeds', { verified: true }, { limit: 1 })
    const report = await call<{ _id: string }>('aed', 'e2e-reporter', { action: 'report', aedId: aed._id, kind: 'fault', note: '屏幕不亮' })
    await call('aed', 'demo-staff', { action: 'resolveReport', reportId: report._id, resolution: '已更换电池，设备自检正常' })

    const { page, errors } = await e2e.open('e2e-reporter')
    await seeUnreadAndOpenInbox(page, 2)
    await page.locator('[data-testid="inbox-item"]', { hasText: '已更换电池' }).click()
    await page.locator('[data-testid="aed-detail"]', { hasText: String(aed.name) }).waitFor()
    assert.match(page.url(), new RegExp(`packages/aed/pages/detail/index\\?id=${aed._id}\\b`))
    await page.goBack()
    await page.locator('[data-testid="inbox-unread-count"]', { hasText: '1 条未读' }).waitFor()
    // Measured, not trusted: the toolbar's buttons are full-size tap targets.
    for (const label of ['全部标为已读', '消息设置']) {
      const box = await page.locator('.inbox__action', { hasText: label }).boundingBox()
      assert.ok(box && box.height >= 44 && box.width >= 44, `${label}: ${JSON.stringify(box)}`)
    }
    await page.locator('[data-testid="mark-all-read"]').click()
    await page.locator('[data-testid="inbox-unread-count"]', { hasText: '没有未读消息' }).waitFor()
    assert.equal(e2e.cloud.store.count('inbox', { openid: 'e2e-reporter', read: false }), 0)
    assert.deepEqual(errors, [])
  })

  test('消息设置: an essential kind says it still reaches the inbox; a switch is saved', async () => {
    const { page, errors } = await e2e.open('demo-resident')
    await page.goto(`${e2e.cloud.url}/#/packages/notify/pages/settings/index`)
    const certificate = page.locator('[data-testid="setting-cert_reminder"]')
    await certificate.waitFor()
    assert.equal(await page.locator('[data-testid="setting-staff_todo"]').count(), 0)
    // The whole row is the tap target.
    const row = page.locator('[data-testid="setting-member_review"]')
    const box = await row.boundingBox()
    assert.ok(box && box.height >= 44, JSON.stringify(box))
    await row.locator('.nut-cell').click()
    await row.filter({ hasText: '仍会出现在“消息”里' }).waitFor()
    await page.locator('[data-testid="setting-cert_reminder"] .nut-switch').click()
    await certificate.filter({ hasText: '已关闭：不再通知您' }).waitFor()
    await shot(page, 'notify-settings')
    // Readable at 390 px: the explanation is body text (≥ 15 px), the smallest line ≥ 12 px.
    const px = (selector: string) => page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    assert.ok((await px('.notify-settings__intro')) >= 15)
    assert.ok((await px('[data-testid^="setting-"] .nut-cell-description')) >= 12)
    const { items } = await call<{ items: Array<{ kind: string; on: boolean }> }>('notify', 'demo-resident', { action: 'settings' })
    assert.deepEqual(items.filter((i) => !i.on).map((i) => i.kind).sort(), ['cert_reminder', 'member_review'])
    assert.deepEqual(errors, [])
  })
})

const ACTIVITY_PAGE = 'packages/activity/pages/detail/index'

describe('an activity journey', () => {
  test('sign-up, reminder, check-in and check-out: every subscribe message WeChat was asked for was accepted and opens the activity', async () => {
    const at = (minutes: number) => new Date(Date.now() + minutes * MINUTE).toISOString()
    const { _id: activityId } = await call<{ _id: string }>('activity', 'demo-staff', {
      action: 'create', title: '社区义诊量血压', type: 'clinic', description: '协助医生为老人量血压、登记。', communityId: 'dadu',
      location: { latitude: 30.0672, longitude: 120.5081, address: '大渡社区服务中心一楼' },
      startAt: at(90), endAt: at(150), signupDeadline: at(60), capacity: 5, hours: 1,
    })

    // The volunteer signs up from their own tap, which asks for the three activity messages.
    const { page, errors } = await e2e.open('demo-volunteer')
    await page.goto(`${e2e.cloud.url}/#/${ACTIVITY_PAGE}?id=${activityId}`)
    await ui.button(page, '我要报名')
    await page.locator('.activity-detail__fact', { hasText: '我的报名' }).waitFor()

    // The scheduler reminds about 2 hours before the start; the volunteer is there from start to end.
    await e2e.cloud.functions.invoke('scheduler', { Type: 'Timer', TriggerName: 'every5Minutes' }, '')
    const code = async () => (await call<{ code: string }>('activity', 'demo-staff', { action: 'code', activityId })).code
    startsIn(e2e.cloud, activityId, 0)
    await call('activity', 'demo-volunteer', { action: 'checkIn', activityId, code: await code() })
    passTime(e2e.cloud, activityId, 61)
    await call('activity', 'demo-volunteer', { action: 'checkOut', activityId, code: await code() })
    // The organiser confirms the roster: that credits the hours and tells the volunteer
    // (checkin_result). A roster is a fan-out: its WeChat messages go out with the scheduler's next run.
    await call('activity', 'demo-staff', { action: 'confirmAttendance', activityId, signupIds: [`${activityId}:demo-volunteer`] })
    await e2e.cloud.functions.invoke('scheduler', { Type: 'Timer', TriggerName: 'every5Minutes' }, '')

    // In the inbox too: tapping the reminder opens that activity.
    await page.goto(`${e2e.cloud.url}/#/packages/notify/pages/inbox/index`)
    await page.locator('[data-testid="inbox-item"]', { hasText: '社区义诊量血压' }).first().click()
    await page.locator('[data-testid="activity-detail"]', { hasText: '社区义诊量血压' }).waitFor()
    assert.match(page.url(), new RegExp(`${ACTIVITY_PAGE}\\?id=${activityId}\\b`))

    const journey = (await outbox()).filter((m) => m.page === `${ACTIVITY_PAGE}?id=${activityId}`).reverse()
    assert.deepEqual(
      journey.map((m) => [m.openid, m.templateId, m.errCode]),
      [
        ['demo-volunteer', NOTIFY_KINDS.activity_reminder.templateId, undefined],
        ['demo-volunteer', NOTIFY_KINDS.checkin_result.templateId, undefined],
      ],
    )
    assert.deepEqual(errors, [])
  })
})
