import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { shot, startE2E, type E2E } from './harness'

/** 紧急求助: one tap from every tab; the 120 button and the guide show at once, with no network. */
let e2e: E2E
before(async () => {
  e2e = await startE2E()
})
after(() => e2e.close())

const TABS = [
  ['首页', 'home'],
  ['红心愿', 'wish'],
  ['急救', 'firstaid'],
  ['我的', 'mine'],
] as const

describe('紧急求助', () => {
  test('from each tab, the 120 button is there at once, even with the cloud unreachable', async () => {
    for (const [tab, path] of TABS) {
      const { page, errors } = await e2e.open('demo-resident')
      // Every cloud call fails, as with no signal; the app itself is already on the phone.
      await page.route('**/api/**', (route) => route.abort())
      await page.goto(`${e2e.cloud.url}/#/pages/${path}/index`)
      await page.locator('[data-testid="emergency-entry"]').filter({ visible: true }).click()
      const call = page.locator('[data-testid="sos"] .nut-button', { hasText: '拨打 120' }).filter({ visible: true })
      await call.waitFor({ timeout: 3000 })
      await page.getByText('每分钟100–120次').filter({ visible: true }).waitFor()
      assert.ok(await call.isVisible(), `120 button from ${tab}`)
      if (tab === '急救') await shot(page, 'emergency')
      // Only the aborted cloud calls of the tab page may complain.
      assert.deepEqual(errors.filter((e) => !/Failed to load resource|ERR_FAILED/.test(e)), [])
    }
  })
})
