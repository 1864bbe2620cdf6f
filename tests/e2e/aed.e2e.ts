import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { wgs84ToGcj02 } from '../../src/domain/geo'
import { shot, startE2E, ui, type E2E } from './harness'

/** AED lookup near 大渡社区: nearest first with its distance; a fault report flags it; inspection clears it. */
let e2e: E2E
before(async () => {
  e2e = await startE2E()
})
after(() => e2e.close())

// What the browser reports (WGS-84) near 大渡社区; the app turns it into GCJ-02 like the data.
const BROWSER_POSITION = { latitude: 30.0694, longitude: 120.5037 }
const NEAR_DADU = wgs84ToGcj02(BROWSER_POSITION)

describe('附近的AED', () => {
  test('nearest first with its distance; a fault report shows 待核实; staff inspection clears it', async () => {
    const { page, errors } = await e2e.open('demo-resident', { geolocation: BROWSER_POSITION })
    await page.goto(`${e2e.cloud.url}/#/packages/aed/pages/index/index`)
    await page.locator('[data-testid="location-consent"]').waitFor()
    await ui.button(page, '同意并使用我的位置')
    const first = page.locator('[data-testid="aed-card"]').first()
    await first.waitFor()
    await page.locator('[data-testid="aed-overview"]').waitFor()
    await shot(page, 'aed-nearby')

    // The nearest AED according to an independent computation over the seeded data.
    const aeds = e2e.cloud.store.find('aeds', { verified: true }) as unknown as Array<{ name: string; location: { coordinates: [number, number] } }>
    const meters = (lng: number, lat: number) => {
      const rad = Math.PI / 180
      const a = Math.sin(((lat - NEAR_DADU.latitude) * rad) / 2) ** 2 + Math.cos(NEAR_DADU.latitude * rad) * Math.cos(lat * rad) * Math.sin(((lng - NEAR_DADU.longitude) * rad) / 2) ** 2
      return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a))
    }
    const nearest = aeds.map((a) => ({ name: a.name, m: meters(...a.location.coordinates) })).sort((a, b) => a.m - b.m)[0]
    const text = await first.innerText()
    assert.match(text, new RegExp(nearest.name))
    assert.match(text, new RegExp(`${Math.round(nearest.m)}米`))

    await first.click()
    await page.locator('[data-testid="aed-detail"]').waitFor()
    assert.equal(await page.locator('[data-testid="aed-detail"] [data-testid="aed-warnings"]', { hasText: '待核实' }).count(), 0)
    await ui.button(page, '报告问题')
    await ui.choose(page, 'report-kind', '设备故障')
    await ui.button(page, '提交报告')
    await page.locator('[data-testid="aed-warnings"]', { hasText: '待核实' }).waitFor()
    await shot(page, 'aed-flagged')
    const detailUrl = page.url()

    const { page: staff } = await e2e.open('demo-staff')
    await staff.goto(detailUrl)
    await staff.locator('[data-testid="aed-keeper"]').waitFor()
    await ui.choose(staff, 'inspect-result', '设备完好')
    await ui.button(staff, '记录今天的巡检')
    await staff.getByText('巡检：设备完好').waitFor()

    await page.reload()
    await page.locator('[data-testid="aed-detail"]').waitFor()
    assert.equal(await page.locator('[data-testid="aed-warnings"]', { hasText: '待核实' }).count(), 0)
    assert.deepEqual(errors, [])
  })

  test('without a position the person picks a community and still gets AEDs', async () => {
    const { page, errors } = await e2e.open('demo-member')
    await page.goto(`${e2e.cloud.url}/#/packages/aed/pages/index/index`)
    await ui.button(page, '不用了，我选择社区')
    await ui.choose(page, 'community', '港越社区')
    await page.locator('[data-testid="aed-card"]', { hasText: '港越社区服务中心' }).first().waitFor()
    assert.deepEqual(errors, [])
  })
})
