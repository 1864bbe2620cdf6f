import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { shot, startE2E, type E2E } from './harness'

/**
 * The emergency screen for a bystander (issue 22): hands-only CPR unless they say they are trained
 * (AHA 2020/2025, ERC 2021: dispatchers coach untrained callers in compression-only CPR), AED已到
 * pausing the beat for the AED's voice, three short cards under the 120 button that need no
 * network, and the nearest usable AEDs from the list the phone last saw when the request fails
 * or is slow, with its age.
 */
let e2e: E2E
before(async () => {
  e2e = await startE2E()
})
after(() => e2e.close())

const BEAT = 545
// What the browser reports (WGS-84) near 大渡社区.
const NEAR_DADU = { latitude: 30.0694, longitude: 120.5037 }
const EMERGENCY = () => `${e2e.cloud.url}/#/pages/emergency/index`
const total = async (page: Page) => Number(/已按压 (\d+) 次/.exec(await page.locator('.metronome__meta').innerText())?.[1])

/** Lets the page load 找AED near 大渡, so the phone keeps that list; the names it showed. */
async function seeAedList(page: Page): Promise<string[]> {
  await page.goto(`${e2e.cloud.url}/#/packages/aed/pages/index/index`)
  await page.locator('[data-testid="aed-card"]').first().waitFor()
  return page.locator('.aed-card__name').allInnerTexts()
}

describe('紧急求助 for a bystander', () => {
  test('hands-only by default; AED已到 stops the beat and says 按AED语音提示操作; 继续按压 resumes at 1; all with no network', async () => {
    const { page, errors } = await e2e.open('demo-resident')
    await page.route('**/api/**', (route) => route.abort())
    await page.clock.install({ time: new Date('2026-11-23T10:00:00+08:00') })
    await page.goto(EMERGENCY())
    await page.getByText('开始按压节拍').waitFor()
    await page.clock.pauseAt(new Date('2026-11-23T10:01:00+08:00'))

    assert.equal(await page.locator('[data-testid="cpr-mode"]').innerText(), '只做胸外按压，不用吹气')
    const optIn = page.locator('[aria-label="我受过培训，做30:2"]')
    assert.equal(await optIn.getAttribute('aria-checked'), 'false')
    assert.equal(await page.locator('.metronome__unit').innerText(), '次')

    await page.locator('.metronome').scrollIntoViewIfNeeded()
    await page.getByText('开始按压节拍').click()
    await page.clock.runFor(0)
    // Past 30 with no breath pause: hands-only.
    await page.clock.runFor(39 * BEAT)
    assert.equal(await total(page), 40)
    assert.equal(await page.locator('.metronome__countdown').count(), 0)

    await page.locator('.metronome__aed-arrived').click()
    await page.locator('[data-testid="metronome-prompt"]', { hasText: '按AED语音提示操作' }).waitFor()
    assert.match(await page.locator('.metronome__hint').innerText(), /分析和电击时任何人不要接触患者/)
    await shot(page, 'emergency-aed-arrived')
    await page.clock.runFor(30_000)
    assert.equal(await total(page), 40, 'no beat while the AED talks')

    await page.getByText('继续按压', { exact: true }).click()
    await page.locator('.metronome__count', { hasText: /^1$/ }).waitFor()
    assert.equal(await total(page), 41)
    await page.clock.runFor(BEAT)
    assert.equal(await page.locator('.metronome__count').innerText(), '2')
    assert.equal(await page.locator('.metronome__aed-arrived').count(), 1)

    // The opt-in to 30:2 is one tap, and says so.
    await page.getByText('停止节拍').click()
    await optIn.click()
    await page.locator('[data-testid="cpr-mode"]', { hasText: '按压30次，人工呼吸2次' }).waitFor()
    assert.equal(await page.locator('.metronome__unit').innerText(), '/ 30')
    assert.deepEqual(errors.filter((e) => !/Failed to load resource|ERR_FAILED/.test(e)), [])
  })

  test('气道梗阻, 大出血, 中风120 sit under the 120 button and open with no network', async () => {
    const { page, errors } = await e2e.open('demo-resident')
    await page.route('**/api/**', (route) => route.abort())
    await page.goto(EMERGENCY())
    const cards = page.locator('[data-testid="quick-cards"]')
    await cards.waitFor()
    const call = await page.locator('[data-testid="sos"] .nut-button', { hasText: '拨打 120' }).boundingBox()
    const top = await cards.boundingBox()
    assert.ok(call && top && top.y > call.y + call.height, 'the cards come under the 120 button')
    assert.deepEqual(await page.locator('.quick-card__name').allInnerTexts(), ['气道梗阻', '大出血', '中风120'])
    // Closed until tapped, each head a full-size target.
    assert.equal(await page.locator('.quick-card__step').count(), 0)
    for (const head of await page.locator('.quick-card__head').all()) assert.ok(((await head.boundingBox())?.height ?? 0) >= 48)

    await page.locator('[data-testid="quick-card-choking"] .quick-card__head').click()
    const choking = await page.locator('[data-testid="quick-card-choking"]').innerText()
    assert.match(choking, /肚脐上方两横指/)
    assert.match(choking, /5次背部叩击与5次腹部冲击交替进行/)
    await page.locator('[data-testid="quick-card-choking"]').scrollIntoViewIfNeeded()
    await shot(page, 'emergency-card-choking')

    // One open at a time.
    await page.locator('[data-testid="quick-card-stroke"] .quick-card__head').click()
    assert.equal(await page.locator('[data-testid="quick-card-choking"] .quick-card__step').count(), 0)
    assert.match(await page.locator('[data-testid="quick-card-stroke"]').innerText(), /“1”看一张脸[\s\S]*立即拨打120/)
    await page.locator('[data-testid="quick-card-bleeding"] .quick-card__head').click()
    assert.match(await page.locator('[data-testid="quick-card-bleeding"]').innerText(), /持续用力压迫，至少压迫10分钟/)
    const size = await page.locator('.quick-card__text').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    assert.ok(size >= 15, `card text ${size}px`)
    assert.deepEqual(errors.filter((e) => !/Failed to load resource|ERR_FAILED/.test(e)), [])
  })

  test('with the AED request blocked, the nearest usable AEDs come from the list the phone last saw, with its age', async () => {
    const { page, errors } = await e2e.open('demo-resident', { geolocation: NEAR_DADU })
    await page.addInitScript(() => localStorage.setItem('boai.locationConsent', JSON.stringify({ data: true })))
    const seen = await seeAedList(page)

    // Two hours later, no signal for the AED function.
    const later = await page.context().newPage()
    later.on('pageerror', (error) => errors.push(error.message))
    await later.clock.install({ time: new Date(Date.now() + 2 * 60 * 60 * 1000 + 60_000) })
    await later.route('**/api/functions/aed', (route) => route.abort())
    await later.goto(EMERGENCY())
    const kept = later.locator('[data-testid="kept-aeds"]')
    await kept.waitFor()
    assert.match(await kept.innerText(), /^离线数据，更新于2小时前（\d+月\d+日 \d\d:\d\d）/)
    const items = later.locator('[data-testid="emergency-aed"]')
    assert.ok((await items.count()) >= 1)
    for (const text of await items.allInnerTexts()) {
      assert.ok(seen.includes(text.split('\n')[0]), `${text.split('\n')[0]} was in the list the phone saw`)
      assert.match(text, /(\d+米|\d+\.\d公里) · 取来并送回约\d+分钟\n现在开放/)
    }
    await shot(later, 'emergency-offline-kept-aeds')
    assert.deepEqual(errors, [])
  })

  test('a request slower than 2 s: the kept list at once, then the live answer replaces it', async () => {
    const { page } = await e2e.open('demo-resident', { geolocation: NEAR_DADU })
    await page.addInitScript(() => localStorage.setItem('boai.locationConsent', JSON.stringify({ data: true })))
    await seeAedList(page)
    await page.route('**/api/functions/aed', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 5_000))
      await route.continue()
    })
    const opened = Date.now()
    await page.goto(EMERGENCY())
    await page.locator('[data-testid="kept-aeds"]').waitFor({ timeout: 4_000 })
    assert.ok(Date.now() - opened < 4_500, `kept list after ${Date.now() - opened} ms`)
    assert.match(await page.locator('[data-testid="kept-aeds"]').innerText(), /离线数据，更新于刚刚/)
    await page.locator('[data-testid="kept-aeds"]').waitFor({ state: 'detached', timeout: 10_000 })
    assert.ok((await page.locator('[data-testid="emergency-aed"]').count()) >= 1)
  })

  test('nothing kept near here and no network: the plain advice, 120 and the metronome still there', async () => {
    const { page } = await e2e.open('e2e-bystander-fresh', { geolocation: NEAR_DADU })
    await page.addInitScript(() => localStorage.setItem('boai.locationConsent', JSON.stringify({ data: true })))
    await page.route('**/api/**', (route) => route.abort())
    await page.goto(EMERGENCY())
    await page.getByText('网络不通，暂时查不到AED').waitFor()
    assert.equal(await page.locator('[data-testid="sos"] .nut-button', { hasText: '拨打 120' }).count(), 1)
    assert.equal(await page.locator('[data-testid="kept-aeds"]').count(), 0)
    assert.equal(await page.getByText('开始按压节拍').count(), 1)
  })
})
