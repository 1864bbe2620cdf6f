import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { shot, startE2E, ui, type E2E } from './harness'

/** 工作台: every queue's count, each opening its queue; counts move as queues are worked. */
let e2e: E2E
before(async () => {
  e2e = await startE2E()
})
after(() => e2e.close())

const call = async <T>(fn: string, openid: string, event: Record<string, unknown>): Promise<T> => {
  const response = await fetch(`${e2e.cloud.url}/api/functions/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': openid }, body: JSON.stringify(event) })
  const body = (await response.json()) as { ok: boolean; data: T; message?: string }
  assert.ok(body.ok, body.message)
  return body.data
}

/** A queue's row of the 工作台 by its title. */
const row = (page: Page, title: string) => page.locator('.nut-cell', { hasText: title }).first()

/** The number shown on a queue's row of the 工作台, after opening it afresh. */
async function waiting(page: Page, title: string): Promise<number> {
  await page.goto(`${e2e.cloud.url}/#/packages/staff/pages/index/index`)
  await page.reload()
  await row(page, title).locator('.nut-cell-extra').waitFor()
  const text = (await row(page, title).locator('.nut-cell-extra').textContent()) ?? ''
  return Number(/(\d+)/.exec(text)?.[1])
}

describe('工作台', () => {
  test('AED reports, aid requests and volunteer registrations: each count moves as its queue gets and loses an item', async () => {
    const { page, errors } = await e2e.open('demo-staff')

    // AED 问题报告: a resident reports a fault; the guardian side resolves it.
    const reportsBefore = await waiting(page, 'AED问题报告')
    const report = await call<{ _id: string }>('aed', 'e2e-resident-1', { action: 'report', aedId: 'aed-dadu-2', kind: 'fault', note: '指示灯不亮' })
    assert.equal(await waiting(page, 'AED问题报告'), reportsBefore + 1)
    await shot(page, 'dashboard')
    // The row opens its queue.
    await row(page, 'AED问题报告').click()
    await page.waitForURL(/packages\/staff\/pages\/aeds\/index/)
    await call('aed', 'demo-staff', { action: 'resolveReport', reportId: report._id, resolution: '已到现场检查，设备正常' })
    assert.equal(await waiting(page, 'AED问题报告'), reportsBefore)

    // 互助金救助申请: a resident applies; staff decline it.
    const aidBefore = await waiting(page, '互助金救助申请')
    const aid = await call<{ _id: string }>('fund', 'e2e-resident-2', { action: 'apply', communityId: 'gangyue', name: '张建国', phone: '13957500011', category: '困难', amountFen: 100_000, reason: '家中老人住院，医药费一时难以承担，希望得到帮助。' })
    assert.equal(await waiting(page, '互助金救助申请'), aidBefore + 1)
    await call('fund', 'demo-staff', { action: 'review', aidId: aid._id, decision: 'reject', reason: '请先申请医保报销' })
    assert.equal(await waiting(page, '互助金救助申请'), aidBefore)

    // 志愿者审核: a resident registers in 港越社区 (which reviews its volunteers); staff approve.
    const volunteersBefore = await waiting(page, '志愿者审核')
    const profile = await call<{ _id: string }>('volunteer', 'e2e-resident-3', { action: 'register', name: '赵志明', phone: '13957500012', communityId: 'gangyue', birthYear: 1980, skills: ['陪伴聊天'], availability: ['sat-am'], intro: '' })
    assert.equal(await waiting(page, '志愿者审核'), volunteersBefore + 1)
    await row(page, '志愿者审核').click()
    await page.waitForURL(/packages\/staff\/pages\/volunteers\/index/)
    await call('volunteer', 'demo-staff', { action: 'review', volunteerId: profile._id, decision: 'approve' })
    assert.equal(await waiting(page, '志愿者审核'), volunteersBefore)
    assert.deepEqual(errors, [])
  })

  test('an admin invites; the invitee joins by the code and sees the 工作台', async () => {
    const { page: admin } = await e2e.open('demo-staff')
    await admin.goto(`${e2e.cloud.url}/#/packages/community/pages/team/index`)
    await admin.locator('.nut-cell', { hasText: '张敏' }).first().waitFor()
    await ui.pick(admin, 'community-picker', '玉兰社区')
    await ui.pick(admin, 'invite-role', '工作人员')
    await ui.button(admin, '生成邀请码')
    const code = ((await admin.locator('[data-testid="invite-code"]').textContent()) ?? '').trim()
    assert.match(code, /^[A-Z2-9]{8}$/)
    await shot(admin, 'team-invite')

    const { page: invitee, errors } = await e2e.open('e2e-new-staff')
    await invitee.goto(`${e2e.cloud.url}/#/packages/community/pages/join/index`)
    await ui.fill(invitee, 'join-code', code)
    await ui.button(invitee, '加入')
    await invitee.locator('[data-testid="join-done"]', { hasText: '玉兰社区的工作人员' }).waitFor()
    await ui.button(invitee, '打开工作台')
    await row(invitee, '入会审核').locator('.nut-cell-extra').waitFor()
    assert.deepEqual(errors, [])
  })

  test('an admin changes a setting on 社区设置', async () => {
    const { page, errors } = await e2e.open('demo-staff')
    await page.goto(`${e2e.cloud.url}/#/packages/community/pages/settings/index?id=dadu`)
    await page.locator('[data-testid="community-settings"]').waitFor()
    await ui.fill(page, 'setting-wishClaimDays', '5')
    await ui.button(page, '保存修改')
    await page.locator('.nut-button', { hasText: '没有修改' }).waitFor()
    await shot(page, 'community-settings')
    const settings = await call<{ wishClaimDays: number }>('community', 'demo-resident', { action: 'get', communityId: 'dadu' })
    assert.equal(settings.wishClaimDays, 5)
    assert.deepEqual(errors, [])
  })
})
