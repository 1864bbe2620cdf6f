import dayjs from 'dayjs'
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { todayInChina } from '../../src/domain/dates'
import { NOTIFY_KIND_NAMES, NOTIFY_KINDS, type NotifyKind } from '../../src/domain/notify/kinds'
import { PROMPT_TAPS } from '../../src/domain/notify/prompt-taps'
import { shot, startE2E, ui, type E2E } from './harness'

/**
 * The kinds no screen asked for before issue #19 (staff_todo, aed_alert, cert_reminder): each is
 * asked for by the tap of PROMPT_TAPS, in the browser, and the grant reaches WeChat's side (the
 * H5 stand-in of wx.requestSubscribeMessage, POST /api/dev/subscribe) and the server's count.
 */
let e2e: E2E
before(async () => {
  e2e = await startE2E()
})
after(() => e2e.close())

const kindOf = (templateId: string) => NOTIFY_KIND_NAMES.find((kind) => NOTIFY_KINDS[kind].templateId === templateId)

/** Taps `control` and answers the kinds the tap asked WeChat for (the stand-in's request). */
async function kindsAskedBy(page: Page, control: string): Promise<NotifyKind[]> {
  const asked = page.waitForRequest((request) => request.url().endsWith('/api/dev/subscribe') && request.method() === 'POST')
  await ui.button(page, control)
  const { results } = JSON.parse((await asked).postData() ?? '{}') as { results: Record<string, string> }
  return Object.keys(results).map((id) => kindOf(id) ?? (id as NotifyKind))
}

const grantsOf = (openid: string) => (e2e.cloud.store.find('subscriptions', { _id: openid })[0]?.grants ?? {}) as Partial<Record<NotifyKind, number>>

/** The server counts a grant once the app has told `notify.subscribed`, just after the prompt. */
async function grantCounted(openid: string, kind: NotifyKind, count: number): Promise<void> {
  for (let waited = 0; (grantsOf(openid)[kind] ?? 0) < count; waited += 50) {
    assert.ok(waited < 10_000, `${openid} holds ${grantsOf(openid)[kind] ?? 0} grants of ${kind}, not ${count}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  assert.equal(grantsOf(openid)[kind], count)
}

const call = async <T>(fn: string, openid: string, event: Record<string, unknown>): Promise<T> => {
  const response = await fetch(`${e2e.cloud.url}/api/functions/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': openid }, body: JSON.stringify(event) })
  const envelope = (await response.json()) as { ok: boolean; data: T; message?: string }
  assert.ok(envelope.ok, envelope.message)
  return envelope.data
}

describe('every subscribe kind can be granted from a tap', () => {
  test('工作台: a staff member taps 开启待办提醒 and grants 工作台待办 (staff_todo)', async () => {
    const { page, errors } = await e2e.open('demo-staff')
    await page.goto(`${e2e.cloud.url}/#/${PROMPT_TAPS.staffTodo.page}`)
    await page.locator('.nut-cell', { hasText: '入会审核' }).waitFor()
    assert.deepEqual(await kindsAskedBy(page, PROMPT_TAPS.staffTodo.control), ['staff_todo'])
    await page.getByText('有新待办时会通知您').first().waitFor()
    await grantCounted('demo-staff', 'staff_todo', 1)
    // Every template is configured locally: no warning.
    assert.equal(await page.locator('[data-testid="template-warning"]').count(), 0)
    await shot(page, 'subscribe-staff-todo')
    assert.deepEqual(errors, [])
  })

  test('工作台 tells staff which templates are not configured, and nothing is asked for them', async () => {
    const saved = process.env.NOTIFY_TEMPLATES
    const { staff_todo: _none, aed_alert: _none2, ...rest } = JSON.parse(saved ?? '{}') as Record<string, string>
    // The functions run in this process and read their environment at each call, as on CloudBase after 函数配置 changes.
    process.env.NOTIFY_TEMPLATES = JSON.stringify(rest)
    try {
      const { page, errors } = await e2e.open('demo-staff')
      await page.goto(`${e2e.cloud.url}/#/${PROMPT_TAPS.staffTodo.page}`)
      await page.locator('[data-testid="template-warning"]', { hasText: '订阅消息模板未配置：AED设备提醒、工作台待办' }).waitFor()
      let asked = false
      page.on('request', (request) => {
        if (request.url().endsWith('/api/dev/subscribe')) asked = true
      })
      await ui.button(page, PROMPT_TAPS.staffTodo.control)
      await page.getByText('新待办会显示在消息中').first().waitFor()
      assert.equal(asked, false)
      await shot(page, 'subscribe-template-warning')
      assert.deepEqual(errors, [])
    } finally {
      process.env.NOTIFY_TEMPLATES = saved
    }
  })

  test('AED: its keeper records an inspection, or saves the device, and grants AED设备提醒 (aed_alert)', async () => {
    const aed = e2e.cloud.store.find('aeds', { verified: true, communityId: 'yulan' })[0] as { _id: string }
    assert.ok(aed)
    const { page, errors } = await e2e.open('demo-staff')
    await page.goto(`${e2e.cloud.url}/#/${PROMPT_TAPS.aedInspect.page}?id=${aed._id}`)
    await page.locator('[data-testid="aed-keeper"]').waitFor()
    assert.deepEqual(await kindsAskedBy(page, PROMPT_TAPS.aedInspect.control), ['aed_alert'])
    await shot(page, 'subscribe-aed-inspect')

    await page.goto(`${e2e.cloud.url}/#/${PROMPT_TAPS.aedSave.page}?id=${aed._id}`)
    await page.locator('.nut-button', { hasText: PROMPT_TAPS.aedSave.control }).waitFor()
    assert.deepEqual(await kindsAskedBy(page, PROMPT_TAPS.aedSave.control), ['aed_alert'])
    await grantCounted('demo-staff', 'aed_alert', 2)
    assert.deepEqual(errors, [])
  })

  test('救护员证: once it is recorded, its holder taps 到期前提醒我 and grants 救护员证到期提醒 (cert_reminder)', async () => {
    const today = todayInChina()
    const session = await call<{ _id: string }>('training', 'demo-staff', {
      action: 'create', kind: 'rescuer', title: '救护员培训（订阅测试）', communityId: 'yulan', dates: [today], time: '00:00-23:59', place: '玉兰社区服务中心', capacity: 10,
    })
    await call('training', 'e2e-rescuer', { action: 'signup', sessionId: session._id, name: '陈立', phone: '13957500088' })
    const roster = await call<{ items: Array<{ _id: string }> }>('training', 'demo-staff', { action: 'roster', sessionId: session._id })
    await call('training', 'demo-staff', { action: 'record', signupId: roster.items[0]._id, status: 'attended' })
    await call('training', 'demo-staff', { action: 'record', signupId: roster.items[0]._id, status: 'passed' })
    // The certificate the Red Cross issued, recorded by staff (the app generates no number).
    await call('training', 'demo-staff', { action: 'recordCertificate', signupId: roster.items[0]._id, number: 'ZJKQ-2026-00088', issuer: '绍兴市柯桥区红十字会', issuedOn: today, validUntil: dayjs(today).add(3, 'year').subtract(1, 'day').format('YYYY-MM-DD') })

    const { page, errors } = await e2e.open('e2e-rescuer')
    await page.goto(`${e2e.cloud.url}/#/${PROMPT_TAPS.certReminder.page}`)
    await page.locator('[data-testid="certificates"]', { hasText: '我的救护员证' }).waitFor()
    assert.deepEqual(await kindsAskedBy(page, PROMPT_TAPS.certReminder.control), ['cert_reminder'])
    await page.getByText('到期前会通知您').first().waitFor()
    await grantCounted('e2e-rescuer', 'cert_reminder', 1)
    await shot(page, 'subscribe-cert-reminder')
    assert.deepEqual(errors, [])
  })
})
