import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Locator, Page } from 'playwright-core'
import { wgs84ToGcj02 } from '../../src/domain/geo'
import { NO_AED_NEARBY } from '../../src/pages/emergency/steps'
import { browserPositionAt, shot, startE2E, ui, type E2E } from './harness'

/**
 * 紧急求助: one tap from every tab; the 120 button first, big, and there at once with no network;
 * below it the nearest usable AEDs (broken and closed ones left out), or plain advice when none is near.
 */
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

/** Taro's storage format in localStorage, set before the app starts. */
const remember = (page: Page, key: string, value: unknown) =>
  page.addInitScript(([k, v]) => localStorage.setItem(k as string, JSON.stringify({ data: v })), [key, value] as const)

const callButton = (page: Page) => page.locator('[data-testid="sos"] .nut-button', { hasText: '拨打 120' }).filter({ visible: true })

/** The 120 button as drawn: its box, the size of its text, and whether any text comes before it. */
const measure = (call: Locator) =>
  call.evaluate((button) => {
    const shell = button.closest('.page-shell')
    const withText = Array.from(shell?.querySelectorAll('*') ?? []).filter((el) => Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim()))
    const label = withText.find((el) => button.contains(el))
    const box = button.getBoundingClientRect()
    return { top: box.top, width: box.width, height: box.height, fontSize: label ? parseFloat(getComputedStyle(label).fontSize) : 0, first: !!withText[0] && button.contains(withText[0]) }
  })

const callFunction = async (name: string, openid: string, data: Record<string, unknown>) => {
  const response = await fetch(`${e2e.cloud.url}/api/functions/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Wx-Openid': openid }, body: JSON.stringify(data) })
  return (await response.json()) as { ok: boolean; data?: { items?: Array<{ name: string; readiness: string; openNow: boolean; roundTripMinutes: number }> } }
}

describe('紧急求助', () => {
  test('from each tab, the 120 button comes first, ≥ 64 px tall with ≥ 24 px text, within 1 s, with the cloud unreachable', async () => {
    for (const [tab, path] of TABS) {
      const { page, errors } = await e2e.open('demo-resident')
      // Every cloud call fails, as with no signal; the app itself is already on the phone.
      await page.route('**/api/**', (route) => route.abort())
      await page.goto(`${e2e.cloud.url}/#/pages/${path}/index`)
      const entry = page.locator('[data-testid="emergency-entry"]').filter({ visible: true })
      await entry.waitFor()
      assert.ok(((await entry.boundingBox())?.height ?? 0) >= 48, `紧急求助 entry is a primary action (${tab})`)
      const tapped = Date.now()
      await entry.click()
      await callButton(page).waitFor({ timeout: 1000 })
      const shownAfter = Date.now() - tapped
      assert.ok(shownAfter <= 1000, `120 button from ${tab} after ${shownAfter} ms`)
      const size = await measure(callButton(page))
      assert.ok(size.first, `nothing comes before the 120 button (${tab})`)
      assert.ok(size.height >= 64, `120 button ${size.height} px tall (${tab})`)
      assert.ok(size.fontSize >= 24, `120 button text ${size.fontSize} px (${tab})`)
      assert.ok(size.width >= 320, `120 button full width: ${size.width} px (${tab})`)
      // The page starts below the title bar (WeChat's own on weapp, Taro's on H5).
      const pageTop = (await page.locator('#taro-navigation-bar').boundingBox())?.height ?? 0
      assert.ok(size.top - pageTop < 60, `120 button at the top of the page: ${size.top - pageTop} px (${tab})`)
      await page.getByText('垂直向下按压5–6厘米，每分钟100–120次').filter({ visible: true }).waitFor()
      if (tab === '急救') await shot(page, 'emergency')
      // Only the aborted cloud calls of the tab page may complain.
      assert.deepEqual(errors.filter((e) => !/Failed to load resource|ERR_FAILED/.test(e)), [])
    }
  })

  test('大字模式 makes the 120 button and its text at least 1.25× bigger', async () => {
    const sizes = []
    for (const large of [false, true]) {
      const { page } = await e2e.open('demo-resident')
      if (large) await remember(page, 'boai.largeText', true)
      await page.route('**/api/**', (route) => route.abort())
      await page.goto(`${e2e.cloud.url}/#/pages/emergency/index`)
      await callButton(page).waitFor()
      sizes.push(await measure(callButton(page)))
      if (large) await shot(page, 'emergency-large-text')
    }
    const [normal, large] = sizes
    // Chromium lays boxes out in 1/64 px steps: 1.25 × 70.72 px comes out as 88.39 px.
    assert.ok(large.height >= normal.height * 1.25 - 1 / 32, `height ${normal.height} → ${large.height}`)
    assert.ok(large.fontSize >= normal.fontSize * 1.25, `text ${normal.fontSize} → ${large.fontSize}`)
  })

  test('with the location allowed, the usable AEDs near 大渡社区 are listed on the screen itself', async () => {
    const near = { latitude: 30.0694, longitude: 120.5037 }
    const { page, errors } = await e2e.open('demo-resident', { geolocation: near })
    await remember(page, 'boai.locationConsent', true)
    await page.goto(`${e2e.cloud.url}/#/pages/emergency/index`)
    const items = page.locator('[data-testid="emergency-aed"]')
    await items.first().waitFor()
    // What the cloud answers for this spot, asked independently: usable means not out of service and open.
    const here = wgs84ToGcj02(near)
    const answer = await callFunction('aed', 'e2e-check', { action: 'nearby', ...here, emergency: true, radiusMeters: 1500, limit: 20 })
    const usable = (answer.data?.items ?? []).filter((aed) => aed.readiness !== 'out_of_service' && aed.openNow)
    assert.ok(usable.length > 0)
    const shown = await items.allInnerTexts()
    assert.equal(shown.length, Math.min(3, usable.length))
    for (const text of shown) {
      const name = text.split('\n')[0]
      assert.ok(usable.some((aed) => aed.name === name), `${name} is usable now`)
      assert.match(text, /\d+(米|\.\d公里) · 取来并送回约\d+分钟\n现在开放 · [\s\S]*导航/)
    }
    // One that can be fetched and brought back within 5 minutes is listed first, and then there is no "none nearby" advice.
    const reachable = usable.filter((aed) => aed.roundTripMinutes <= 5).map((aed) => aed.name)
    assert.equal(reachable.includes(shown[0].split('\n')[0]), reachable.length > 0)
    assert.equal(await page.locator('[data-testid="no-aed-nearby"]').count(), reachable.length > 0 ? 0 : 1)
    await shot(page, 'emergency-aeds')
    assert.deepEqual(errors, [])
  })

  // Issue 29: a report from an account without standing only warns; the device stays in the list after the ready ones.
  test('ready AEDs come first, then warned ones (a stranger\'s report only warns); out of service and closed ones are left out; 导航 opens the AED', async () => {
    // A spot with no seeded AED within 1.5 km, and seven AEDs north of it, in metres.
    const spot = { latitude: 29.98, longitude: 120.62 }
    const north = (meters: number) => [spot.longitude, spot.latitude + meters / 111_195]
    const [template] = e2e.cloud.store.find('aeds', { _id: 'aed-dadu-3' })
    const expired = '2001-01-01'
    const aeds = [
      { _id: 'e2e-stranger', name: '测试点甲（陌生人报告故障）', meters: 30 },
      { _id: 'e2e-broken', name: '测试点庚（会员报告故障）', meters: 45 },
      { _id: 'e2e-closed', name: '测试点乙（关门）', meters: 60, hours: { always: false, weekly: {} } },
      { _id: 'e2e-expired', name: '测试点丙（电极片过期）', meters: 100, padsExpiry: expired },
      { _id: 'e2e-ready-1', name: '测试点丁', meters: 140 },
      { _id: 'e2e-ready-2', name: '测试点戊', meters: 170 },
      // Ready but a 22-minute round trip: the warned ones within reach come before it.
      { _id: 'e2e-ready-far', name: '测试点己', meters: 800 },
    ]
    e2e.cloud.store.insert('aeds', aeds.map(({ meters, ...aed }) => ({ ...template, ...aed, location: { type: 'Point', coordinates: north(meters) } })))
    for (const openid of ['e2e-fresh-1', 'e2e-fresh-2', 'e2e-fresh-3']) assert.ok((await callFunction('aed', openid, { action: 'report', aedId: 'e2e-stranger', kind: 'fault', note: '屏幕不亮' })).ok)
    assert.ok((await callFunction('aed', 'demo-member', { action: 'report', aedId: 'e2e-broken', kind: 'fault', note: '屏幕不亮' })).ok)

    const { page, errors } = await e2e.open('demo-resident', { geolocation: browserPositionAt(spot) })
    await remember(page, 'boai.locationConsent', true)
    await page.goto(`${e2e.cloud.url}/#/pages/emergency/index`)
    const items = page.locator('[data-testid="emergency-aed"]')
    await items.first().waitFor()
    const shown = await items.allInnerTexts()
    assert.deepEqual(shown.map((text) => /测试点./.exec(text)?.[0]), ['测试点丁', '测试点戊', '测试点甲'])
    assert.match(shown[0], /140米 · 取来并送回约4分钟\n现在开放 · 24小时开放\n设备正常/)
    assert.match(shown[2], /注意：有人报告可能无法使用，待核实/)
    assert.equal(await page.locator('[data-testid="no-aed-nearby"]').count(), 0)
    await shot(page, 'emergency-aeds-ranked')

    await items.first().locator('.nut-button', { hasText: '导航' }).click()
    await page.locator('[data-testid="aed-detail"]', { hasText: '测试点丁' }).waitFor()
    assert.deepEqual(errors, [])
  })

  test('far from any AED it says so plainly and the metronome is one tap away', async () => {
    const { page, errors } = await e2e.open('demo-resident', { geolocation: { latitude: 31.2, longitude: 121.5 } })
    await page.goto(`${e2e.cloud.url}/#/pages/emergency/index`)
    // Asked here, once, before the position is used.
    await ui.button(page, '用我的位置找AED')
    const none = page.locator('[data-testid="no-aed-nearby"]')
    await none.waitFor()
    assert.equal(await none.locator('.nearest-aeds__none-text').innerText(), NO_AED_NEARBY)
    assert.equal(await page.locator('[data-testid="emergency-aed"]').count(), 0)
    await shot(page, 'emergency-no-aed')
    await none.locator('.nut-button', { hasText: '跟着节拍器按压' }).click()
    // Scrolled to the metronome: its start button is on the screen.
    await page.waitForFunction(() => {
      const start = Array.from(document.querySelectorAll('[data-testid="metronome"] [role="button"]')).find((b) => b.textContent?.includes('开始按压节拍'))
      const box = start?.getBoundingClientRect()
      return !!box && box.top >= 0 && box.bottom <= window.innerHeight
    })
    assert.deepEqual(errors, [])
  })
})
