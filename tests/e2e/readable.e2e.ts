import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import type { Lesson } from '../../src/domain/firstaid/lessons'
import { checkCharacter } from '../../src/domain/member/id-number'
import { shot, startE2E, type E2E } from './harness'
import { measurePage, type Measured } from './readable-measure'

/**
 * The size-and-contrast check (issue #14): every page registered in src/app.config.ts, for every
 * demo identity that may open it, at 390×844, in normal mode and in 大字模式, measured in Chromium.
 *
 * Floors (what is measured is described in readable-measure.ts):
 * - no visible text below 12 px; body text (a run of 12 or more characters: what people read, as
 *   opposed to tags, counters and labels) at least 15 px;
 * - every tappable control at least 44×44 px, primary buttons at least 48 px tall;
 * - text contrast against its effective background at least 4.5:1 (WCAG AA), disabled controls aside;
 * - 大字模式: every text at least 1.25× its normal font size and every control at least 1.25× its
 *   normal height (the same element, matched by its place in the page).
 *
 * A new page is covered as soon as it is in app.config.ts. If it needs an id in its address, add a
 * line to QUERIES; if only some identities may open it, add its prefix to ROLE_PAGES; if part of it
 * only shows after a tap, add the tap to REVEAL.
 */

type AppConfig = { pages: string[]; subPackages: { root: string; pages: string[] }[] }
type Ids = { wishId: string; ownWishId: string; lessonId: string; aedId: string; applicationId: string; activityId: string; lessonDraftId: string }

const IDENTITIES = ['demo-resident', 'demo-volunteer', 'demo-member', 'demo-staff', 'demo-district'] as const

/** Pages whose address needs an id from the seeded data. */
const QUERIES: Record<string, (ids: Ids) => string> = {
  'packages/wish/pages/detail/index': (ids) => `id=${ids.wishId}`,
  'packages/lessons/pages/lesson/index': (ids) => `id=${ids.lessonId}`,
  'packages/lessons/pages/quiz/index': (ids) => `id=${ids.lessonId}`,
  'packages/aed/pages/detail/index': (ids) => `id=${ids.aedId}`,
  'packages/staff/pages/application/index': (ids) => `id=${ids.applicationId}`,
  'packages/staff/pages/aed-edit/index': (ids) => `id=${ids.aedId}`,
  'packages/staff/pages/lesson-edit/index': (ids) => `id=${ids.lessonId}`,
  'packages/staff/pages/lesson-review/index': (ids) => `versionId=${ids.lessonDraftId}`,
  'packages/wish/pages/edit/index': (ids) => `id=${ids.ownWishId}`,
  'packages/activity/pages/detail/index': (ids) => `id=${ids.activityId}`,
  'packages/staff/pages/activity/index': (ids) => `id=${ids.activityId}`,
  'packages/staff/pages/activity-edit/index': (ids) => `id=${ids.activityId}`,
  'packages/staff/pages/activity-code/index': (ids) => `id=${ids.activityId}`,
  // The seeded aid request (localcloud/seed/demo-fund.ts): demo-resident's, decided by staff.
  'packages/fund/pages/aid/index': () => 'id=demo-aid-yulan-1',
}

/** Pages only some identities can open (the others are sent away or shown a refusal). */
const ROLE_PAGES: { prefix: string; identities: readonly string[] }[] = [
  { prefix: 'packages/staff/', identities: ['demo-staff'] },
  { prefix: 'packages/fund/pages/staff/', identities: ['demo-staff'] },
  { prefix: 'packages/fund/pages/aid/', identities: ['demo-resident', 'demo-staff'] },
  // 紧急呼 figures are for staff; an alert page needs a live alert: rescue.e2e.ts measures it for its raiser and a responder.
  { prefix: 'packages/rescue/pages/staff/', identities: ['demo-staff'] },
  { prefix: 'packages/rescue/pages/alert/', identities: [] },
  // 会员备案 belongs to the district Red Cross (a more specific prefix decides over a shorter one).
  { prefix: 'packages/staff/pages/filing/', identities: ['demo-district'] },
  // Only the owner edits a wish: demo-resident's own, filed in before().
  { prefix: 'packages/wish/pages/edit/', identities: ['demo-resident'] },
  // Opened by anyone from a community's 家园数据 (with the district named); measured as 区红十字会, who also sets targets there.
  { prefix: 'packages/stats/pages/district/', identities: ['demo-district'] },
]

/** Parts of a page that only show after a tap: the label of what to tap. */
const REVEAL: Record<string, string> = {
  'packages/staff/pages/trainings/index': '报名名单',
}

/**
 * Confirmations a page asks (Taro.showModal; every picker on a page is opened without being
 * listed): route → what to tap to open one and what closes it again without doing anything.
 * Only the identities that see the button open it.
 */
const MODALS: Record<string, { open: string; close: string }[]> = {
  'packages/member/pages/index/index': [{ open: '退会', close: '再想想' }],
  'packages/lessons/pages/training/index': [{ open: '取消报名', close: '再想想' }],
  'packages/staff/pages/application/index': [{ open: '通过', close: '再看看' }],
  'packages/staff/pages/filing/index': [{ open: '查看完整号码', close: '取消' }],
  'packages/activity/pages/detail/index': [{ open: '导航去这里', close: '知道了' }],
}

/** Screenshots for the record (tests/e2e/screenshots/readable-<name>-<mode>.png): who, which page. */
const SHOTS: Record<string, [string, string]> = {
  home: ['demo-resident', 'pages/home/index'],
  firstaid: ['demo-resident', 'pages/firstaid/index'],
  emergency: ['demo-resident', 'pages/emergency/index'],
  'wish-wall': ['demo-resident', 'pages/wish/index'],
  'wish-detail': ['demo-resident', 'packages/wish/pages/detail/index'],
  mine: ['demo-resident', 'pages/mine/index'],
  lesson: ['demo-resident', 'packages/lessons/pages/lesson/index'],
  'member-card': ['demo-member', 'packages/member/pages/index/index'],
  workbench: ['demo-staff', 'packages/staff/pages/index/index'],
  roster: ['demo-staff', 'packages/staff/pages/trainings/index'],
  'lesson-review': ['demo-staff', 'packages/staff/pages/lesson-review/index'],
  'activity-hall': ['demo-volunteer', 'packages/activity/pages/hall/index'],
  'activity-detail': ['demo-volunteer', 'packages/activity/pages/detail/index'],
  'my-service': ['demo-volunteer', 'packages/volunteer/pages/index/index'],
  profile: ['demo-resident', 'packages/profile/pages/index/index'],
}

/** The app's registered pages, read from the app's own config (defineAppConfig is a compile-time global). */
async function registeredPages(): Promise<string[]> {
  ;(globalThis as { defineAppConfig?: (c: AppConfig) => AppConfig }).defineAppConfig = (c) => c
  const config = ((await import('../../src/app.config')) as { default: AppConfig }).default
  return [...config.pages, ...config.subPackages.flatMap((sub) => sub.pages.map((p) => `${sub.root}/${p}`))]
}

let e2e: E2E
let ids: Ids

async function call<T>(name: string, openid: string, data: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${e2e.cloud.url}/api/functions/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Wx-Openid': openid },
    body: JSON.stringify(data),
  })
  const body = (await response.json()) as { ok: boolean; data: T; message?: string }
  assert.ok(body.ok, `${name}.${String(data.action)}: ${body.message}`)
  return body.data
}

type Item = { _id: string }

/** A membership application filed the way a person files one. */
function apply(openid: string, name: string, serial: number): Promise<Item> {
  const first17 = `33060219560312${serial}`
  return call<Item>('member', openid, {
    action: 'apply',
    name,
    gender: 'female',
    birthDate: '1956-03-12',
    idNumber: first17 + checkCharacter(first17),
    phone: '13857500321',
    communityId: 'gangyue',
    address: '柯桥街道港越新村5幢',
    consent: true,
    idConsent: true,
  })
}

/** The member card page shows its card only to a member with one: approve the demo member if the seed has not. */
async function ensureMemberCard() {
  const mine = await call<{ card: unknown }>('member', 'demo-member', { action: 'mine' })
  if (mine.card) return
  const application = await apply('demo-member', '陈美华', 202)
  await call('member', 'demo-staff', { action: 'review', applicationId: application._id, decision: 'approve' })
}

before(async () => {
  e2e = await startE2E()
  const wishes = await call<{ items: Item[] }>('wish', 'demo-resident', { action: 'list', page: 1, pageSize: 10 })
  const lessons = await call<{ items: Item[] }>('lesson', 'demo-resident', { action: 'list' })
  const aeds = await call<{ items: Item[] }>('aed', 'demo-resident', { action: 'nearby', latitude: 30.0815, longitude: 120.4862 })
  // The staff review page needs an application waiting; a new resident files one if the seed has none.
  const application =
    (await call<{ items: Item[] }>('member', 'demo-staff', { action: 'list', status: 'pending', page: 1, pageSize: 20 })).items[0] ??
    (await apply('readable-applicant', '周桂芳', 201))
  await ensureMemberCard()
  assert.ok(wishes.items[0] && lessons.items[0] && aeds.items[0] && application, 'the demo seed has a wish, a lesson, an AED and an application')
  const ownWish = await call<Item>('wish', 'demo-resident', {
    action: 'create',
    title: '想请人帮忙换灯泡',
    content: '厨房的灯泡坏了，家里没有梯子，想请志愿者帮忙换一下。',
    category: '生活帮扶',
    communityId: 'gangyue',
    contactPhone: '13857500001',
  })
  const activities = await call<{ items: Item[] }>('activity', 'demo-volunteer', { action: 'list', page: 1, pageSize: 10 })
  assert.ok(activities.items[0], 'the demo seed has an upcoming activity')
  // The lesson review page shows a change the other editor proposed, waiting for demo-staff.
  const { _id: lessonId, publishedVersionId: _published, libraryVersion: _version, ...lesson } = await call<Lesson>('lesson', 'demo-staff', { action: 'full', lessonId: lessons.items[0]._id })
  const { draft } = await call<{ draft: Item }>('lesson', 'demo-editor', { action: 'save', lessonId, ...lesson, summary: `${lesson.summary}（修订）` })
  ids = {
    wishId: wishes.items[0]._id,
    ownWishId: ownWish._id,
    lessonId: lessons.items[0]._id,
    aedId: aeds.items[0]._id,
    applicationId: application._id,
    activityId: activities.items[0]._id,
    lessonDraftId: draft._id,
  }
  // The staff roster's row buttons only show for a session someone signed up to.
  const sessions = await call<{ items: Item[] }>('training', 'demo-resident', { action: 'sessions' })
  for (const session of sessions.items) await call('training', 'demo-resident', { action: 'signup', sessionId: session._id, name: '王秀英', phone: '13857500001' })
})
after(() => e2e.close())

/** Waits until the page has drawn its data: no loading indicator and no request in flight for a moment. */
async function settle(page: Page) {
  await page.locator('.page-shell').first().waitFor({ timeout: 10_000 })
  await page.waitForLoadState('networkidle')
  await page.locator('.load-state--loading').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined)
}

/** A page as measured: the page itself, then each picker and modal it offers, opened one at a time. */
type Visit = { page: Measured; overlays: Map<string, Measured> }

/** Waits for an opened overlay to finish sliding or fading in (Taro's are 0.2–0.3 s). */
const ANIMATION_MS = 400

/** Opens every date and time picker of the page in turn, measures it, and closes it with 取消. */
async function measurePickers(page: Page, overlays: Map<string, Measured>, shotName?: string) {
  const pickers = page.locator('taro-picker-core')
  const count = await pickers.count()
  for (let i = 0; i < count; i++) {
    const opener = pickers.nth(i).locator('> div').first()
    if (!(await opener.isVisible())) continue
    await opener.click()
    const sheet = page.locator('.weui-picker').filter({ visible: true })
    await sheet.waitFor()
    await page.waitForTimeout(ANIMATION_MS)
    if (shotName && i === 0) await shot(page, `${shotName}-picker`)
    overlays.set(`picker ${i + 1}`, await measurePage(page, '.weui-picker'))
    await sheet.locator('.weui-picker__action').first().click()
    await sheet.waitFor({ state: 'hidden' })
  }
}

/** Opens the page's listed confirmations in turn, measures each, and closes it without acting. */
async function measureModals(page: Page, route: string, overlays: Map<string, Measured>, shotName?: string) {
  for (const { open, close } of MODALS[route] ?? []) {
    const opener = page.locator('.nut-button').filter({ hasText: new RegExp(`^\\s*${open}\\s*$`) }).filter({ visible: true }).first()
    if (!(await opener.count())) continue
    await opener.click()
    // Taro's modal wrapper holds only fixed-position children (no box of its own): its content shows it.
    const modal = page.locator('.taro-modal__content').filter({ visible: true })
    await modal.waitFor({ timeout: 5_000 }).catch(() => {
      throw new Error(`${route}: tapping ${open} opened no modal`)
    })
    await page.waitForTimeout(ANIMATION_MS)
    if (shotName) await shot(page, `${shotName}-modal`)
    overlays.set(`modal ${open}`, await measurePage(page, '.taro__modal'))
    await modal.locator('.taro-modal__foot div', { hasText: close }).click()
    await modal.waitFor({ state: 'hidden' })
  }
}

let visits = 0
async function visit(page: Page, route: string, query: string, shotName?: string): Promise<Visit> {
  // A fresh document each time (the visit number changes the address): no page left in Taro's history.
  await page.goto(`${e2e.cloud.url}/?visit=${++visits}#/${route}${query ? `?${query}` : ''}`)
  await settle(page).catch((error: Error) => {
    throw new Error(`${route}: ${error.message}`)
  })
  const reveal = REVEAL[route]
  if (reveal) {
    const target = page.locator('.nut-button, [role=button]', { hasText: reveal }).first()
    if (await target.count()) {
      await target.click()
      await settle(page)
    }
  }
  const measured = await measurePage(page)
  const overlays = new Map<string, Measured>()
  await measurePickers(page, overlays, shotName)
  await measureModals(page, route, overlays, shotName)
  return { page: measured, overlays }
}

const describeElement = (m: { selector: string; text: string }) => `${m.selector} · "${m.text.slice(0, 24)}"`
const px = (n: number) => `${Math.round(n * 10) / 10}px`

type Tally = { violations: string[]; texts: number; controls: number; compared: number }

/** One page (or one picker or modal on it) as measured in both modes: the floors in each, and 大字模式 against normal. */
function judge(where: string, n: Measured, l: Measured, tally: Tally) {
  for (const [mode, measured] of [['normal', n], ['大字', l]] as const) {
    tally.texts += measured.texts.length
    tally.controls += measured.controls.length
    for (const v of measured.violations) tally.violations.push(`${where} [${mode}] · ${v}`)
  }
  // 大字模式: the same element, found by its place in the page, is at least 1.25× as big.
  const largeTexts = new Map(l.texts.map((t) => [t.path, t]))
  for (const t of n.texts) {
    const big = largeTexts.get(t.path)
    if (!big || big.text !== t.text) continue
    tally.compared++
    if (big.fontSize < t.fontSize * 1.25 - 0.05) tally.violations.push(`${where} [大字] · ${describeElement(t)} · font ${px(big.fontSize)} < 1.25 × ${px(t.fontSize)}`)
  }
  // Borders keep their width in 大字模式, hence the pixel of slack. The tab bar is left out: its
  // height is fixed by the platform (Taro's H5 tab bar like weapp's native one); its labels do grow.
  const largeControls = new Map(l.controls.map((c) => [c.path, c]))
  for (const c of n.controls) {
    const big = largeControls.get(c.path)
    if (!big || c.selector.includes('weui-tabbar')) continue
    tally.compared++
    if (big.height < c.height * 1.25 - 1.5) tally.violations.push(`${where} [大字] · ${describeElement(c)} · height ${px(big.height)} < 1.25 × ${px(c.height)}`)
  }
}

describe('readable sizes and contrast on every page', () => {
  test('every page, every identity, normal mode and 大字模式, holds the floors', { timeout: 600_000 }, async () => {
    const pages = await registeredPages()
    const tally: Tally = { violations: [], texts: 0, controls: 0, compared: 0 }
    let overlays = 0

    for (const openid of IDENTITIES) {
      const routes = pages.filter((route) => {
        const rule = ROLE_PAGES.filter((r) => route.startsWith(r.prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0]
        return !rule || rule.identities.includes(openid)
      })
      const normal = await e2e.open(openid)
      const large = await e2e.open(openid)
      await large.page.context().addInitScript(() => localStorage.setItem('boai.largeText', JSON.stringify({ data: true })))
      for (const route of routes) {
        const query = QUERIES[route]?.(ids) ?? ''
        const where = `${openid} ${route}`
        const name = Object.keys(SHOTS).find((key) => SHOTS[key][0] === openid && SHOTS[key][1] === route)
        const [visitN, visitL] = await Promise.all([
          visit(normal.page, route, query, name && `readable-${name}-normal`),
          visit(large.page, route, query, name && `readable-${name}-large`),
        ])
        if (name) await Promise.all([shot(normal.page, `readable-${name}-normal`), shot(large.page, `readable-${name}-large`)])
        // The page, then each picker and modal it opened, compared between the modes under the same name.
        const parts: [string, Measured, Measured | undefined][] = [['', visitN.page, visitL.page], ...[...visitN.overlays].map(([part, m]): [string, Measured, Measured | undefined] => [` (${part})`, m, visitL.overlays.get(part)])]
        overlays += visitN.overlays.size + visitL.overlays.size
        for (const [part, n, l] of parts) {
          if (l) judge(`${where}${part}`, n, l, tally)
          else tally.violations.push(`${where}${part} opened in normal mode but not in 大字模式`)
        }
      }
      const errors = [...normal.errors, ...large.errors].filter((e) => !/Failed to load resource/.test(e))
      assert.deepEqual(errors, [], `console errors as ${openid}`)
      await normal.page.context().close()
      await large.page.context().close()
    }

    console.log(`readable: ${pages.length} registered pages, ${visits} page visits, ${overlays} pickers and modals opened, ${tally.texts} texts and ${tally.controls} controls measured, ${tally.compared} compared in 大字模式, ${tally.violations.length} violations`)
    assert.equal(tally.violations.length, 0, `${tally.violations.length} violations:\n${tally.violations.join('\n')}`)
  })
})
