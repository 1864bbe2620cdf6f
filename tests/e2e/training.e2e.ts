import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import dayjs from 'dayjs'
import type { Page } from 'playwright-core'
import { todayInChina } from '../../src/domain/dates'
import { shot, startE2E, ui, type E2E } from './harness'

/**
 * Issue 29, training records: a two-day course gets its exam result only on day 2; staff record
 * the 救护员证 the Red Cross issued (number, issuer, dates), checked in shape; the trainee sees it.
 * The app generates no number.
 */
let e2e: E2E
before(async () => {
  e2e = await startE2E()
})
after(() => e2e.close())

const call = async (name: string, openid: string, event: Record<string, unknown>) => {
  const response = await fetch(`${e2e.cloud.url}/api/functions/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': openid }, body: JSON.stringify(event) })
  const envelope = (await response.json()) as { ok: boolean; data?: unknown; message?: string }
  assert.ok(envelope.ok, envelope.message)
  return envelope.data
}

const day = (offset: number) => dayjs(todayInChina()).add(offset, 'day').format('YYYY-MM-DD')

/** Opens a date picker field and confirms the date it offers. */
async function pickOffered(page: Page, field: string) {
  await page.locator('.form-field', { hasText: field }).locator('.form-field__picker').click()
  await page.locator('.weui-picker__action:visible', { hasText: '确定' }).first().click()
}

describe('training records', () => {
  test('staff record attendance, the result after the last day, then the 救护员证 the Red Cross issued; the trainee sees it', async () => {
    const twoDays = (await call('training', 'demo-staff', { action: 'create', kind: 'rescuer', title: '救护员培训（两天班）', communityId: 'dadu', dates: [day(0), day(1)], time: '09:00-16:00', place: '大渡社区博爱家园', capacity: 10 })) as { _id: string }
    const endsToday = (await call('training', 'demo-staff', { action: 'create', kind: 'rescuer', title: '救护员培训（今日结业班）', communityId: 'dadu', dates: [day(-1), day(0)], time: '09:00-16:00', place: '大渡社区博爱家园', capacity: 10 })) as { _id: string }
    for (const sessionId of [twoDays._id, endsToday._id]) await call('training', 'demo-volunteer', { action: 'signup', sessionId, name: '李志强', phone: '13857500002' })

    const { page: staff, errors } = await e2e.open('demo-staff')
    await staff.goto(`${e2e.cloud.url}/#/packages/staff/pages/trainings/index`)
    // Day 1 of a two-day course: attendance yes, the exam result not yet.
    const first = staff.locator('[data-testid="managed-training"]', { hasText: '救护员培训（两天班）' })
    await first.getByText(`${day(0)}、${day(1)}`).waitFor()
    await first.locator('.nut-button', { hasText: '报名名单' }).click()
    const early = first.locator('[data-testid="roster-entry"]', { hasText: '李志强' })
    await early.locator('.nut-button', { hasText: '记出勤' }).click()
    await ui.modal(staff, '确认')
    await early.getByText(`最后一天（${day(1)}）培训结束后可记录考核结果`).waitFor()
    assert.equal(await early.locator('.nut-button', { hasText: '考核通过' }).count(), 0)

    // Day 2 of the other: the result, then the certificate.
    const card = staff.locator('[data-testid="managed-training"]', { hasText: '救护员培训（今日结业班）' })
    await card.locator('.nut-button', { hasText: '报名名单' }).click()
    const entry = card.locator('[data-testid="roster-entry"]', { hasText: '李志强' })
    await entry.locator('.nut-button', { hasText: '记出勤' }).click()
    await ui.modal(staff, '确认')
    await entry.locator('.nut-button', { hasText: '考核通过' }).click()
    await staff.getByText('救护员证由红十字会颁发').waitFor()
    await ui.modal(staff, '确认')
    await entry.getByText('救护员证：待补录').waitFor()
    // None from these courses yet (the one demo-volunteer holds for 紧急呼 is from an earlier course).
    assert.equal(e2e.cloud.store.find('certificates', { openid: 'demo-volunteer' }).filter((c) => c.sessionId === twoDays._id || c.sessionId === endsToday._id).length, 0)

    await entry.locator('[data-testid="record-certificate"]').click()
    const form = entry.locator('[data-testid="certificate-form"]')
    await form.locator('[data-testid="cert-number"] input').fill('救护员证')
    await form.locator('[data-testid="cert-issuer"] input').fill('柯桥区卫生局')
    await form.locator('[data-testid="cert-save"]').click()
    await form.locator('.form-field__error', { hasText: '证书编号应为6–30位字母' }).waitFor()
    await form.locator('.form-field__error', { hasText: '发证单位应为红十字会' }).waitFor()
    await shot(staff, 'training-certificate-errors')
    await form.locator('[data-testid="cert-number"] input').fill('ZJKQ-2026-00123')
    await form.locator('[data-testid="cert-issuer"] input').fill('绍兴市柯桥区红十字会')
    await pickOffered(staff, '发证日期')
    await pickOffered(staff, '有效期至')
    await shot(staff, 'training-certificate-form')
    await form.locator('[data-testid="cert-save"]').click()
    await ui.modal(staff, '登记')
    const validUntil = dayjs(day(0)).add(3, 'year').subtract(1, 'day').format('YYYY-MM-DD')
    await entry.locator('[data-testid="recorded-certificate"]', { hasText: `ZJKQ-2026-00123 · 绍兴市柯桥区红十字会 · ${day(0)} 发证，有效期至 ${validUntil}` }).waitFor()
    await shot(staff, 'training-certificate-recorded')
    assert.deepEqual(errors, [])

    const { page: trainee, errors: traineeErrors } = await e2e.open('demo-volunteer')
    await trainee.goto(`${e2e.cloud.url}/#/packages/lessons/pages/training/index`)
    await trainee.locator('[data-testid="certificates"]', { hasText: 'ZJKQ-2026-00123 · 李志强 · 绍兴市柯桥区红十字会' }).waitFor()
    await shot(trainee, 'training-certificate-holder')
    assert.deepEqual(traineeErrors, [])
  })
})
