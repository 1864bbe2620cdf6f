import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Envelope } from '@/domain/envelope'
import { todayInChina } from '@/domain/dates'
import { shot, startE2E, ui, type E2E } from './harness'

/** 操作记录: what a staff member did shows on the admins' trail, in plain Chinese, newest first; 大字模式 enlarges it. */
let e2e: E2E
before(async () => {
  e2e = await startE2E()
})
after(() => e2e.close())

async function call(fn: string, openid: string, event: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${e2e.cloud.url}/api/functions/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': openid }, body: JSON.stringify(event) })
  const envelope = (await response.json()) as Envelope<unknown>
  assert.ok(envelope.ok, envelope.ok ? '' : envelope.message)
}

describe('操作记录', () => {
  test('a ledger entry and an AED cycle change by 刘建国 appear on 张敏\'s trail, per community, in 大字模式 too', async () => {
    await call('fund', 'demo-staff-2', { action: 'record', communityId: 'dadu', kind: 'income', amountFen: 8800, date: todayInChina(), category: '个人捐赠', party: '', channel: '银行转账', reference: 'E2E-AU-1', requestId: 'e2e-audit-0001' })
    await call('aed', 'demo-staff-2', { action: 'setInspectionCycle', communityId: 'yulan', cycle: 'weekly' })

    const { page, errors } = await e2e.open('demo-staff')
    await page.goto(`${e2e.cloud.url}/#/packages/staff/pages/index/index`)
    await page.locator('.nut-cell', { hasText: '操作记录' }).click()
    const entries = page.locator('[data-testid="audit-entry"]')
    await entries.first().waitFor()
    assert.match(await entries.nth(0).innerText(), /设置 AED 巡检周期：每周[\s\S]*刘建国[\s\S]*玉兰社区/)
    assert.match(await entries.nth(1).innerText(), /收入 88\.00 元（个人捐赠）[\s\S]*刘建国[\s\S]*大渡社区/)
    await shot(page, 'audit-trail')

    await ui.pick(page, 'audit-community', '大渡社区')
    await page.locator('[data-testid="audit-entry"]', { hasText: '巡检周期' }).waitFor({ state: 'detached' })
    assert.match(await entries.nth(0).innerText(), /收入 88\.00 元/)

    const size = async () => page.locator('.audit__summary').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    const normal = await size()
    await page.evaluate(() => localStorage.setItem('boai.largeText', JSON.stringify({ data: true })))
    await page.reload()
    await page.locator('.page-shell--large [data-testid="audit-entry"]').first().waitFor()
    assert.ok((await size()) >= normal * 1.25 - 0.01, `大字模式: ${await size()} vs ${normal}`)
    await shot(page, 'audit-trail-large')
    assert.deepEqual(errors, [])
  })
})
