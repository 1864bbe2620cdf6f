import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { todayInChina } from '@/domain/dates'
import { shot, startE2E, type E2E } from './harness'

/** 家园数据: the live home section opens the figures; the district sets a target and sees its completion. */
let e2e: E2E
before(async () => {
  e2e = await startE2E()
  // The hourly job derives the figures (a run on the hour).
  await fetch(`${e2e.cloud.url}/api/dev/timers/scheduler?at=2026-12-03T06:00:00Z`, { method: 'POST' })
})
after(() => e2e.close())

describe('家园数据', () => {
  test('the home page shows the community alive and taps through to its 家园数据', async () => {
    const { page, errors } = await e2e.open('demo-resident')
    await page.goto(`${e2e.cloud.url}/#/pages/home/index`)
    await page.locator('[data-testid="home-live"]').waitFor()
    assert.ok((await page.locator('[data-testid="home-wish"]').count()) > 0, 'wishes waiting for help are listed')
    await page.locator('[data-testid="home-figure"]').first().click()
    await page.locator('[data-testid="stats-figures"]').waitFor()
    await page.locator('[data-testid="stats-gauges"] [data-testid="stats-gauge"]').first().waitFor()
    await shot(page, 'stats-community')
    assert.deepEqual(errors, [])
  })

  test('the district sets a target; the table shows its completion', async () => {
    const response = await fetch(`${e2e.cloud.url}/api/functions/stats`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': 'e2e-anyone' }, body: JSON.stringify({ action: 'community', communityId: 'dadu', year: Number(todayInChina().slice(0, 4)) }) })
    const { data } = (await response.json()) as { data: { figures: { volunteers: number } } }
    const volunteers = data.figures.volunteers
    assert.ok(volunteers > 0, 'the demo data has volunteers in 大渡社区')
    const { page, errors } = await e2e.open('demo-district')
    await page.goto(`${e2e.cloud.url}/#/packages/stats/pages/district/index`)
    await page.locator('[data-testid="stats-district-table"]').waitFor()
    // 大渡社区 is chosen first in the form (the table is sorted by name); twice its volunteers as the target = 50%.
    await page.locator('[data-testid="stats-targets"] .form-field', { hasText: '志愿者目标' }).locator('input').fill(String(volunteers * 2))
    await page.locator('[data-testid="stats-targets-save"]').click()
    const volunteersCell = page.locator('[data-testid="stats-district-table"] .district-table__row', { hasText: '大渡社区' }).locator('.district-table__cell').nth(2)
    await volunteersCell.filter({ hasText: '50%' }).waitFor()
    await shot(page, 'stats-district')
    assert.deepEqual(errors, [])
  })
})
