import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { shot, startE2E, type E2E } from './harness'

/**
 * The H5 CPR metronome on the emergency page, on a paused fake clock (only runFor moves time, so
 * every count is exact). Clicks are counted where Web Audio makes them (createOscillator) and the
 * wake lock where the browser grants it.
 */
let e2e: E2E
before(async () => {
  e2e = await startE2E()
})
after(() => e2e.close())

const BEAT = 545

declare global {
  interface Window {
    __clicks: number
    __wakeLocks: number
  }
}

async function openMetronome(): Promise<Page> {
  const { page } = await e2e.open('demo-resident')
  await page.addInitScript(() => {
    window.__clicks = 0
    window.__wakeLocks = 0
    const createOscillator = AudioContext.prototype.createOscillator
    AudioContext.prototype.createOscillator = function (this: AudioContext) {
      window.__clicks++
      return createOscillator.call(this)
    }
    if ('wakeLock' in navigator) {
      const request = WakeLock.prototype.request
      WakeLock.prototype.request = function (this: WakeLock, type?: WakeLockType) {
        window.__wakeLocks++
        return request.call(this, type)
      }
    }
  })
  await page.clock.install({ time: new Date('2026-11-23T10:00:00+08:00') })
  await page.goto(`${e2e.cloud.url}/#/pages/emergency/index`)
  await page.getByText('开始按压节拍').waitFor()
  await page.clock.pauseAt(new Date('2026-11-23T10:01:00+08:00'))
  return page
}

/** The opt-in to 30:2 (hands-only is the default on the emergency screen). */
const trained = async (page: Page) => {
  await page.locator('[aria-label="我受过培训，做30:2"]').scrollIntoViewIfNeeded()
  await page.locator('[aria-label="我受过培训，做30:2"]').click()
  await page.locator('[data-testid="cpr-mode"]', { hasText: '按压30次，人工呼吸2次' }).waitFor()
}

const start = async (page: Page) => {
  await page.getByText('开始按压节拍').click()
  // The first compression is due at once.
  await page.clock.runFor(0)
}
const clicks = (page: Page) => page.evaluate(() => window.__clicks)
const count = (page: Page) => page.locator('.metronome__count').innerText()
const total = async (page: Page) => Number(/已按压 (\d+) 次/.exec(await page.locator('.metronome__meta').innerText())?.[1])

describe('CPR metronome (H5)', () => {
  test('clicks on every beat at 110 a minute and keeps the screen on', async () => {
    const page = await openMetronome()
    // Hands-only is the default for a bystander.
    await start(page)
    await page.clock.runFor(110 * BEAT)
    assert.equal(await total(page), 111)
    assert.equal(await clicks(page), 111)
    assert.ok((await page.evaluate(() => window.__wakeLocks)) >= 1, 'the screen wake lock is requested')
    await page.getByText('停止节拍').click()
    await page.clock.runFor(5_000)
    assert.equal(await clicks(page), 111)
  })

  test('after 30 compressions the beat stops for 2 breaths with a 5 s countdown, then resumes at 1', async () => {
    const page = await openMetronome()
    await trained(page)
    await page.locator('.metronome').scrollIntoViewIfNeeded()
    await start(page)
    await page.clock.runFor(11 * BEAT)
    assert.equal(await count(page), '12')
    await shot(page, 'metronome-running')

    await page.clock.runFor(18 * BEAT)
    await page.locator('.metronome__prompt', { hasText: '给予2次人工呼吸' }).waitFor()
    assert.equal(await page.locator('.metronome__countdown').innerText(), '5')
    assert.equal(await clicks(page), 30)
    await page.clock.runFor(2_000)
    assert.equal(await page.locator('.metronome__countdown').innerText(), '3')
    await shot(page, 'metronome-breaths')

    // No beat and no click through the whole pause.
    await page.clock.runFor(2_999)
    assert.equal(await total(page), 30)
    assert.equal(await clicks(page), 30)
    await page.clock.runFor(1)
    assert.equal(await count(page), '1')
    assert.equal(await total(page), 31)
    assert.equal(await clicks(page), 31)
    assert.equal(await page.locator('.metronome__prompt').innerText(), '用力按压，快速按压')
    assert.equal(await page.getByText('继续按压', { exact: true }).count(), 0)
  })

  test('a tap on 继续按压 ends the breath pause at once', async () => {
    const page = await openMetronome()
    await trained(page)
    await start(page)
    await page.clock.runFor(29 * BEAT + 1_500)
    assert.equal(await clicks(page), 30)
    await page.getByText('继续按压', { exact: true }).click()
    await page.locator('.metronome__count', { hasText: /^1$/ }).waitFor()
    assert.equal(await clicks(page), 31)
    await page.clock.runFor(BEAT)
    assert.equal(await count(page), '2')
  })

  test('hands-only CPR, the default, never pauses', async () => {
    const page = await openMetronome()
    assert.equal(await page.locator('[data-testid="cpr-mode"]').innerText(), '只做胸外按压，不用吹气')
    await start(page)
    for (let beat = 2; beat <= 65; beat++) {
      await page.clock.runFor(BEAT)
      assert.equal(await page.locator('.metronome__countdown').count(), 0, `no breath pause at beat ${beat}`)
    }
    assert.equal(await total(page), 65)
    assert.equal(await clicks(page), 65)
    assert.equal(await count(page), '5')
  })

  test('静音 silences the click, not the beat', async () => {
    const page = await openMetronome()
    await start(page)
    const mute = page.getByRole('switch', { name: '静音' })
    await mute.click()
    assert.equal(await mute.getAttribute('aria-checked'), 'true')
    await page.clock.runFor(10 * BEAT)
    assert.equal(await total(page), 11)
    assert.equal(await clicks(page), 1)
    await mute.click()
    await page.clock.runFor(BEAT)
    assert.equal(await clicks(page), 2)
  })

  test('sized for older eyes and hands at 390 px: text ≥ 15 px, buttons ≥ 48 px tall, the mute switch ≥ 44×44', async () => {
    const page = await openMetronome()
    await trained(page)
    await start(page)
    await page.clock.runFor(29 * BEAT)
    await page.locator('.metronome__countdown').waitFor()
    const sizes: Record<string, { font: number; width: number; height: number }> = {}
    for (const selector of ['.metronome__countdown', '.metronome__prompt', '.metronome__hint', '.metronome__meta', '.metronome__resume', '.metronome__aed-arrived', '.metronome__toggle', '.metronome__mute', '.metronome__mute-label']) {
      sizes[selector] = await page.locator(selector).evaluate((element) => {
        const { width, height } = element.getBoundingClientRect()
        return { font: parseFloat(getComputedStyle(element).fontSize), width, height }
      })
    }
    console.log(JSON.stringify(sizes))
    for (const [selector, { font }] of Object.entries(sizes)) assert.ok(font >= 15, `${selector} text is ${font}px`)
    assert.ok(sizes['.metronome__countdown'].font >= 60, 'the count is large')
    for (const button of ['.metronome__resume', '.metronome__aed-arrived', '.metronome__toggle']) assert.ok(sizes[button].height >= 48, `${button} is ${sizes[button].height}px tall`)
    assert.ok(sizes['.metronome__mute'].height >= 44 && sizes['.metronome__mute'].width >= 44)
  })
})
