import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { after, before, test } from 'node:test'
import type { Page } from 'playwright-core'
import { browserPositionAt, shot, startE2E, ui, type E2E } from './harness'

/**
 * Issue #26 items 3, 4 and 6 in the browser: 找AED puts a usable, open device first (the emergency
 * screen's ranking) with a toggle for distance alone and the photo of where it stands; the
 * membership consent row wraps inside the screen with a full-size target; the step bars mark the
 * current and finished steps.
 */
let e2e: E2E
before(async () => {
  e2e = await startE2E()
})
after(() => e2e.close())

/** A photo in the local cloud's storage, uploaded as staff would; its file id. */
async function uploadPhoto(openid: string): Promise<string> {
  const png = fs.readFileSync(path.resolve(__dirname, '..', '..', 'src', 'packages', 'lessons', 'assets', 'aed-pads.png'))
  const response = await fetch(`${e2e.cloud.url}/api/storage/upload?cloudPath=aeds/e2e-night.png`, { method: 'POST', headers: { 'content-type': 'image/png', 'x-wx-openid': openid }, body: png })
  assert.ok(response.ok)
  return ((await response.json()) as { fileID: string }).fileID
}

test("找AED at night: the first card is usable and open, with its photo; 只按距离 brings the nearest (closed, pads expired) first", async () => {
  // A spot far from the seeded AEDs; "night" is a device whose hours are never now, whatever the clock says.
  const spot = { latitude: 29.7, longitude: 120.9 }
  const north = (meters: number) => [spot.longitude, spot.latitude + meters / 111_195]
  const [template] = e2e.cloud.store.find('aeds', { _id: 'aed-dadu-3' })
  const closed = { always: false, weekly: {} }
  const fileID = await uploadPhoto('demo-staff')
  const devices = [
    { _id: 'e2e-night-expired', name: '夜间点甲（关门，电极片过期）', meters: 40, hours: closed, padsExpiry: '2001-01-01' },
    { _id: 'e2e-night-closed', name: '夜间点乙（关门）', meters: 90, hours: closed },
    { _id: 'e2e-night-ready', name: '夜间点丙（24小时）', meters: 160, hours: { always: true }, photo: { fileID, status: 'passed', openid: 'demo-staff', attempts: 1 } },
  ]
  e2e.cloud.store.insert('aeds', devices.map(({ meters, ...aed }) => ({ ...template, photo: null, ...aed, location: { type: 'Point', coordinates: north(meters) } })))

  const { page, errors } = await e2e.open('e2e-night-walker', { geolocation: browserPositionAt(spot) })
  await page.addInitScript(() => localStorage.setItem('boai.locationConsent', JSON.stringify({ data: true })))
  await page.goto(`${e2e.cloud.url}/#/packages/aed/pages/index/index`)
  const cards = page.locator('[data-testid="aed-card"]')
  await cards.first().waitFor()
  assert.match(await page.locator('[data-testid="aed-order"]').innerText(), /现在能用的排在前面/)
  const first = cards.first()
  assert.match(await first.innerText(), /夜间点丙（24小时）[\s\S]*/)
  assert.equal(await first.getAttribute('data-readiness'), 'ready')
  assert.equal(await first.locator('.open-tag').innerText(), '现在开放')
  // Its photo, loaded from storage.
  const photo = first.locator('[data-testid="aed-photo"] img')
  await page.waitForFunction((el) => !!el && (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await photo.elementHandle())
  assert.equal(await cards.nth(1).locator('[data-testid="aed-photo"]').count(), 0)
  assert.deepEqual((await page.locator('.aed-card__name').allInnerTexts()).slice(0, 3), ['夜间点丙（24小时）', '夜间点乙（关门）', '夜间点甲（关门，电极片过期）'])
  await first.scrollIntoViewIfNeeded()
  await shot(page, 'finish-aed-usable-first')

  await page.locator('[aria-label="只按距离排列"]').click()
  await page.locator('[data-testid="aed-order"]', { hasText: '按距离排列' }).waitFor()
  assert.deepEqual((await page.locator('.aed-card__name').allInnerTexts()).slice(0, 3), ['夜间点甲（关门，电极片过期）', '夜间点乙（关门）', '夜间点丙（24小时）'])
  assert.match(await cards.first().innerText(), /现在不开放[\s\S]*电极片已过期/)
  assert.deepEqual(errors, [])
})

/** Goes through the membership form's first two steps as a resident would. */
async function toConsentStep(page: Page) {
  await page.goto(`${e2e.cloud.url}/#/packages/member/pages/apply/index`)
  await page.locator('[data-testid="name"]').waitFor()
  await ui.fill(page, 'name', '王小红')
  await ui.fill(page, 'idNumber', '330602199001011231')
  await ui.fill(page, 'phone', '13857500011')
  await ui.button(page, '下一步')
  await ui.choose(page, 'community', '玉兰社区')
  await ui.fill(page, 'address', '玉兰花园3幢')
}

test('the membership step bar marks step 2 on step 2 (step 1 finished), then step 3; the labels line up', async () => {
  const { page, errors } = await e2e.open('e2e-step-applicant')
  await page.goto(`${e2e.cloud.url}/#/packages/member/pages/apply/index`)
  const bar = page.locator('[data-testid="apply-steps"]')
  await bar.waitFor()
  const states = () => bar.locator('.step-bar__step').evaluateAll((steps) => steps.map((s) => s.getAttribute('data-state')))
  assert.deepEqual(await states(), ['current', 'todo', 'todo', 'todo'])
  await toConsentStep(page)
  assert.deepEqual(await states(), ['done', 'current', 'todo', 'todo'])
  assert.equal(await bar.locator('[aria-current="step"]').innerText(), '2\n社区住址')
  // Drawn differently: the current circle red-ringed, the finished one filled, the next grey.
  const look = await bar.locator('.step-bar__mark').evaluateAll((marks) => marks.map((m) => ({ border: getComputedStyle(m).borderTopColor, fill: getComputedStyle(m).backgroundColor })))
  assert.equal(look[0].fill, 'rgb(200, 16, 46)')
  assert.equal(look[1].border, 'rgb(200, 16, 46)')
  assert.notEqual(look[1].fill, look[0].fill)
  assert.notEqual(look[2].border, look[1].border)
  // Labels on one line, each centred under its circle.
  const boxes = await bar.locator('.step-bar__step').evaluateAll((steps) =>
    steps.map((s) => {
      const mark = s.querySelector('.step-bar__mark')!.getBoundingClientRect()
      const label = s.querySelector('.step-bar__label')!.getBoundingClientRect()
      return { labelTop: label.top, labelCentre: label.left + label.width / 2, markCentre: mark.left + mark.width / 2, right: s.getBoundingClientRect().right }
    }),
  )
  for (const box of boxes) {
    assert.ok(Math.abs(box.labelTop - boxes[0].labelTop) < 1, 'labels on one line')
    assert.ok(Math.abs(box.labelCentre - box.markCentre) < 2, 'label centred under its circle')
    assert.ok(box.right <= 390, 'inside the screen')
  }
  await shot(page, 'finish-step-bar-step-2')
  await ui.button(page, '下一步')
  assert.deepEqual(await states(), ['done', 'done', 'current', 'todo'])
  assert.deepEqual(errors, [])
})

test('the consent row wraps inside the screen with a ≥ 44 px target at body size, and one tap on its words checks it', async () => {
  const { page, errors } = await e2e.open('e2e-consent-applicant')
  await toConsentStep(page)
  await ui.button(page, '下一步')
  const row = page.locator('[data-testid="consent"]')
  await row.scrollIntoViewIfNeeded()
  const box = await row.boundingBox()
  assert.ok(box, 'the consent row is drawn')
  assert.ok(box.x >= 0 && box.x + box.width <= 390, `inside the screen: ${box.x}–${box.x + box.width}`)
  assert.ok(box.height >= 44 && box.width >= 44, `tap target ${box.width}×${box.height}`)
  const label = row.locator('.consent-check__label')
  const text = await label.evaluate((el) => {
    const r = el.getBoundingClientRect()
    return { size: parseFloat(getComputedStyle(el).fontSize), right: r.right, scroll: el.scrollWidth - el.clientWidth, lines: Math.round(r.height / parseFloat(getComputedStyle(el).lineHeight)) }
  })
  assert.ok(text.size >= 15, `words ${text.size}px`)
  assert.ok(text.right <= 390 && text.scroll <= 0, 'nothing runs past the right edge')
  assert.ok(text.lines >= 2, 'the long sentence wraps')
  assert.equal(await row.getAttribute('aria-checked'), 'false')
  // A tap on the words, not only the box, checks it.
  await label.click()
  assert.equal(await row.getAttribute('aria-checked'), 'true')
  await shot(page, 'finish-consent-row')
  assert.deepEqual(errors, [])
})

test('a lesson marks the section being read and those read before', async () => {
  const { page, errors } = await e2e.open('e2e-lesson-reader')
  await page.goto(`${e2e.cloud.url}/#/packages/lessons/pages/lesson/index?id=cpr-adult`)
  const bar = page.locator('[data-testid="lesson-steps"]')
  await bar.waitFor()
  await ui.button(page, '下一节')
  await bar.locator('.step-bar__step').nth(1).and(page.locator('[aria-current="step"]')).waitFor()
  const states = await bar.locator('.step-bar__step').evaluateAll((steps) => steps.map((s) => s.getAttribute('data-state')))
  assert.deepEqual(states.slice(0, 3), ['done', 'current', 'todo'])
  await shot(page, 'finish-lesson-steps')
  assert.deepEqual(errors, [])
})
