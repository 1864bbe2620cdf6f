import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { wgs84ToGcj02 } from '../../src/domain/geo'
import { periodKeys } from '../../src/domain/volunteer/ledger'
import { shot, startE2E, ui, type E2E } from './harness'
import { MINUTE, passTime, startsIn } from './activity-time'

/**
 * 志愿活动 from start to finish in Chromium: staff publish an activity; a volunteer signs up in
 * 任务大厅, checks in and out with the code the organiser's phone shows; the hours appear in 我的志愿
 * and on the 光荣榜; a 志愿服务证明 is drawn as a picture and its code verifies. The clock of the
 * server is real: "time passes" by moving the activity's stored moments back, as the function
 * tests do.
 */
let e2e: E2E
before(async () => {
  e2e = await startE2E()
})
after(() => e2e.close())

const TITLE = '大渡社区敬老探访'
type Audit = { small: string[]; body: string[]; targets: string[]; primary: string[]; least: { font: number; body: number; target: number; primary: number } }

/**
 * Every visible text and control of the page at 390 px: no text under 12 px, body text (the
 * selectors given) at least 15 px, tappable controls at least 44×44, primary buttons at least 48
 * tall. Plain JavaScript text: the test runner's transform would add helpers the page lacks.
 */
const AUDIT = `(bodySelectors) => {
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' && el.getBoundingClientRect().right > 0
  const page = [...document.querySelectorAll('.taro_page')].filter(visible).pop() || document.body
  const texts = [...page.querySelectorAll('*')].filter((el) => visible(el) && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
  const fontOf = (el) => parseFloat(getComputedStyle(el).fontSize)
  const label = (el) => (String(el.className).split(' ')[0] + ' ' + (el.textContent || '').trim().slice(0, 20))
  const small = texts.filter((el) => fontOf(el) < 12).map((el) => label(el) + ' ' + fontOf(el))
  const bodies = bodySelectors.flatMap((s) => [...page.querySelectorAll(s)]).filter(visible)
  const body = bodies.filter((el) => fontOf(el) < 15).map((el) => label(el) + ' ' + fontOf(el))
  const controls = [...page.querySelectorAll('.nut-button, .choice-group__option, .nut-tabs-titles-item, .nut-cell-clickable, .form-field__picker, .nut-input, .nut-textarea')].filter(visible)
  const box = (el) => el.getBoundingClientRect()
  const targets = controls.filter((el) => box(el).height < 44 || box(el).width < 44).map((el) => label(el) + ' ' + Math.round(box(el).width) + 'x' + Math.round(box(el).height))
  const primaries = [...page.querySelectorAll('.nut-button-primary')].filter(visible)
  const primary = primaries.filter((el) => box(el).height < 48).map((el) => label(el) + ' ' + Math.round(box(el).height))
  const min = (values) => (values.length ? Math.min(...values) : 0)
  return {
    small, body, targets, primary,
    least: { font: min(texts.map(fontOf)), body: min(bodies.map(fontOf)), target: min(controls.map((el) => Math.min(box(el).width, box(el).height))), primary: min(primaries.map((el) => box(el).height)) },
  }
}`

/** What fell below the floors on each page audited; every test ends by asserting it is empty. */
let unreadable: string[] = []

/** Audits the page and notes what falls short, so one run reports every page's shortfalls. */
async function expectReadable(page: Page, name: string, bodySelectors: string[]) {
  const audit = (await page.evaluate(`(${AUDIT})(${JSON.stringify(bodySelectors)})`)) as Audit
  console.log(`measured ${name}: smallest text ${audit.least.font}px, body ≥ ${audit.least.body}px, controls ≥ ${audit.least.target}px, primary buttons ≥ ${audit.least.primary}px tall`)
  const short = (what: string, found: string[]) => found.map((item) => `${name}: ${what}: ${item}`)
  unreadable.push(...short('text under 12 px', audit.small), ...short('body text under 15 px', audit.body), ...short('control under 44×44 px', audit.targets), ...short('primary button under 48 px', audit.primary))
}

function assertAllReadable() {
  const found = unreadable
  unreadable = []
  assert.deepEqual(found, [], 'every audited page meets the floors')
}

/** A call to the local cloud as `openid`, for the steps a test only sets up. */
async function api<T>(openid: string, name: string, data: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${e2e.cloud.url}/api/functions/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Wx-Openid': openid }, body: JSON.stringify(data) })
  const envelope = (await response.json()) as { ok: boolean; data: T; message?: string }
  assert.ok(envelope.ok, `${name}.${String(data.action)}: ${envelope.message}`)
  return envelope.data
}

async function readCode(staff: Page): Promise<string> {
  await staff.reload()
  const digits = staff.locator('[data-testid="activity-code-digits"]')
  await staff.waitForFunction(() => /^\d{6}$/.test(document.querySelector('[data-testid="activity-code-digits"]')?.textContent?.trim() ?? ''))
  return (await digits.innerText()).trim()
}

describe('志愿活动', () => {
  test('publish, sign up, check in and out by code, hours in 我的志愿 and on the 光荣榜, certificate', async () => {
    const url = e2e.cloud.url
    const { page: staff, errors: staffErrors } = await e2e.open('demo-staff')
    await staff.goto(`${url}/#/packages/staff/pages/activity-edit/index`)
    await staff.locator('[data-testid="activity-form"]').waitFor()
    // Tapping 发布 on an empty form shows what is missing beside each field, and sends nothing.
    await ui.button(staff, '发布活动')
    await staff.locator('[data-testid="activity-title"] [role="alert"]', { hasText: '请填写活动名称' }).waitFor()
    const published = () => e2e.cloud.store.find('activities', { communityId: 'dadu' }).filter((a) => a.title === TITLE)
    assert.equal(published().length, 0)
    await ui.fill(staff, 'activity-title', TITLE)
    await ui.pick(staff, 'activity-type', '敬老探访')
    await ui.pick(staff, 'activity-community', '大渡社区')
    await ui.fill(staff, 'activity-description', '陪独居老人聊聊天，帮忙打扫卫生、检查家里的水电煤气。')
    await ui.fill(staff, 'activity-address', '大渡社区博爱家园一楼活动室')
    await ui.fill(staff, 'activity-latitude', '30.0672')
    await ui.fill(staff, 'activity-longitude', '120.5081')
    await ui.fill(staff, 'activity-capacity', '8')
    await shot(staff, 'activity-edit')
    await expectReadable(staff, 'staff activity form', ['.form-field__label'])
    await ui.button(staff, '发布活动')
    await staff.locator('[data-testid="staff-activity"]', { hasText: TITLE }).waitFor()
    const [created] = published()
    const activityId = String(created._id)

    // The volunteer finds it in 任务大厅 (from 首页) among open wishes, and signs up.
    const { page: volunteer, errors: volunteerErrors } = await e2e.open('demo-volunteer')
    await volunteer.goto(`${url}/#/pages/home/index`)
    await volunteer.locator('.entry-grid__item', { hasText: '任务大厅' }).first().click()
    await volunteer.locator('[data-testid="activity-card"]').first().waitFor()
    await volunteer.locator('[data-testid="wish-card"]').first().waitFor()
    await shot(volunteer, 'activity-hall')
    await expectReadable(volunteer, 'task hall', ['.activity-card__when', '.activity-card__place', '.activity-card__title'])
    // Words search wishes too: the volunteer's own community's open wish about a tap.
    await ui.fill(volunteer, 'hall-search', '水龙头')
    await ui.button(volunteer, '搜索')
    await volunteer.locator('[data-testid="wish-card"]', { hasText: '帮忙修一下漏水的水龙头' }).waitFor()
    await volunteer.waitForFunction(() => document.querySelectorAll('[data-testid="wish-card"]').length === 1 && document.querySelectorAll('[data-testid="activity-card"]').length === 0)
    await ui.fill(volunteer, 'hall-search', '敬老')
    await ui.button(volunteer, '搜索')
    await volunteer.waitForFunction(() => document.querySelectorAll('[data-testid="wish-card"]').length === 0)
    await volunteer.locator('[data-testid="activity-card"]', { hasText: TITLE }).click()
    await volunteer.locator('[data-testid="activity-detail"]', { hasText: TITLE }).waitFor()
    await volunteer.locator('[data-testid="coverage-rule"]', { hasText: '最多 2 小时；从签到到签退至少要参加活动时长的60%（约1小时12分钟）才记。组织者确认名单后记入' }).waitFor()
    await volunteer.locator('[data-testid="activity-places"]', { hasText: '还剩 8 个' }).waitFor()
    await ui.button(volunteer, '我要报名')
    await volunteer.locator('[data-testid="my-signup"]', { hasText: '已报名' }).waitFor()
    await volunteer.locator('[data-testid="activity-places"]', { hasText: '还剩 7 个' }).waitFor()
    await shot(volunteer, 'activity-signed-up')
    await expectReadable(volunteer, 'activity detail', ['.activity-detail__fact', '.activity-detail__text', '.presence__text'])

    // Check-in opens 30 minutes before the start.
    startsIn(e2e.cloud, activityId, 10)
    await staff.goto(`${url}/#/packages/staff/pages/activity-code/index?id=${activityId}`)
    const inCode = await readCode(staff)
    await shot(staff, 'activity-code')
    await expectReadable(staff, 'code screen', ['.activity-code__hint', '.activity-code__countdown'])
    const digitSize = await staff.locator('[data-testid="activity-code-digits"]').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    console.log(`measured code digits: ${digitSize}px`)
    assert.ok(digitSize >= 60, `code digits ${digitSize}px`)

    await volunteer.reload()
    await volunteer.locator('[data-testid="presence-checkIn"]').waitFor()
    // A wrong code is refused in words, and nothing changes.
    await ui.fill(volunteer, 'presence-code', inCode === '000000' ? '111111' : '000000')
    await ui.button(volunteer, '用签到码签到')
    await volunteer.locator('[data-testid="presence-problem"]', { hasText: '签到码不对或已过期' }).waitFor()
    await ui.fill(volunteer, 'presence-code', await readCode(staff))
    await ui.button(volunteer, '用签到码签到')
    await volunteer.locator('[data-testid="my-signup"]', { hasText: '已签到' }).waitFor()
    await volunteer.locator('[data-testid="presence-checkOut"]').waitFor()

    const myMonthRow = () => e2e.cloud.store.find('honourTotals', { communityId: 'dadu', key: periodKeys(new Date()).month }).find((r) => r.openid === 'demo-volunteer')
    const monthTotal = () => Number(myMonthRow()?.hours ?? 0)
    const monthBefore = monthTotal()
    const hoursOf = () => Number(e2e.cloud.store.find('volunteers', { openid: 'demo-volunteer' })[0].hours)
    const hoursBefore = hoursOf()

    // Two hours later, at the end, the volunteer checks out with the code shown then.
    passTime(e2e.cloud, activityId, 130)
    await ui.fill(volunteer, 'presence-code', await readCode(staff))
    await ui.button(volunteer, '用签退码签退')
    await volunteer.locator('[data-testid="coverage-result"]', { hasText: '核定服务时长 2 小时，组织者确认名单后记入' }).waitFor()
    await shot(volunteer, 'activity-checked-out')
    // Checking out credits nothing by itself (民政部令第67号 2020: 谁记录谁证明).
    assert.equal(hoursOf(), hoursBefore)

    // The organiser's attendance sheet: they confirm who was there, which credits the hours.
    await staff.goto(`${url}/#/packages/staff/pages/activity/index?id=${activityId}`)
    await staff.locator('[data-testid="attendance-row"]', { hasText: '李志强' }).locator('[data-testid="attendance-hours"]', { hasText: '实际服务 2 小时，待您确认' }).waitFor()
    await shot(staff, 'activity-roster-to-confirm')
    await expectReadable(staff, 'roster to confirm', ['.staff-activity__line'])
    await ui.button(staff, '确认全部出勤')
    await ui.modal(staff, '全部确认')
    await staff.locator('[data-testid="attendance-row"]', { hasText: '李志强' }).locator('[data-testid="attendance-hours"]', { hasText: '已记 2 小时' }).waitFor()
    await shot(staff, 'activity-attendance')
    await expectReadable(staff, 'staff activity', ['.attendance-row__line', '.staff-activity__line'])

    // 我的志愿: the credit with its source; totals went up by 2 hours and 20 points.
    assert.equal(hoursOf(), hoursBefore + 2)
    await volunteer.goto(`${url}/#/packages/volunteer/pages/index/index`)
    await volunteer.locator('[data-testid="volunteer-hours"]', { hasText: String(hoursBefore + 2) }).waitFor()
    const credit = volunteer.locator('[data-testid="ledger-row"]', { hasText: TITLE })
    await credit.waitFor()
    assert.match(await credit.innerText(), /志愿活动[\s\S]*\+2 小时[\s\S]*\+20 积分/)
    await volunteer.locator('[data-testid="ledger-row"]', { hasText: '导入线下志愿服务台账' }).waitFor()
    await shot(volunteer, 'volunteer-mine')
    await expectReadable(volunteer, '我的志愿', ['.ledger-row__title', '.ledger-row__reason'])

    // 光荣榜 of 大渡社区, this month: display names only, with the hours.
    await volunteer.goto(`${url}/#/packages/volunteer/pages/honour/index?communityId=dadu`)
    const board = volunteer.locator('[data-testid="honour-board"]')
    await board.waitFor()
    const row = myMonthRow()
    assert.ok(row)
    assert.equal(monthTotal(), monthBefore + 2)
    await board.locator('[data-testid="honour-row"]', { hasText: String(row.displayName) }).filter({ hasText: `${monthTotal()} 小时` }).waitFor()
    assert.doesNotMatch(await board.innerText(), /李志强|1[3-9]\d{9}/, 'real names and phone numbers stay off the board')
    await shot(volunteer, 'honour-board')
    await expectReadable(volunteer, 'honour board', ['.honour__name', '.honour__hours'])

    // 志愿服务证明 (民政部令第67号 2020 谁记录谁证明; 民发〔2015〕149号): the volunteer requests it…
    await volunteer.goto(`${url}/#/packages/volunteer/pages/certificate/index`)
    await ui.fill(volunteer, 'certificate-id-number', '11010519491231002x')
    await ui.button(volunteer, '申请证明')
    await volunteer.locator('[data-testid="certificate-request"]', { hasText: '待社区出具' }).waitFor()
    // …staff of the community issue it from 工作台 in the name of its Red Cross organisation…
    await staff.goto(`${url}/#/packages/staff/pages/index/index`)
    await staff.locator('.nut-cell', { hasText: '志愿服务证明' }).getByText('1 份待出具').waitFor()
    await staff.locator('.nut-cell', { hasText: '志愿服务证明' }).click()
    const asked = staff.locator('[data-testid="certificate-request"]', { hasText: '李志强' })
    await asked.waitFor()
    await shot(staff, 'staff-certificates')
    await expectReadable(staff, 'staff certificates', ['.hint'])
    await asked.locator('.nut-button', { hasText: '出具证明' }).click()
    await ui.modal(staff, '出具')
    await staff.getByText('没有待出具的证明申请').waitFor()
    // …and it is drawn on a canvas sized by the pixel ratio, shown as a picture, with every item.
    await volunteer.reload()
    await volunteer.locator('[data-testid="drawn-image-picture"]').waitFor()
    const details = await volunteer.locator('[data-testid="certificate-details"]').innerText()
    for (const field of ['李志强', '居民身份证 1101**********002X', '志愿者编号：DD-V', '出具单位：柯桥区大渡社区红十字会', '负责人：王建明', '经办人：张敏', TITLE]) assert.ok(details.includes(field), `certificate shows ${field}`)
    const canvas = await volunteer.evaluate(() => {
      const element = document.querySelector<HTMLCanvasElement>('canvas[canvas-id="service-certificate"]')
      if (!element) return null
      const pixels = element.getContext('2d')?.getImageData(0, 0, element.width, element.height).data ?? new Uint8ClampedArray()
      let inked = 0
      // Anything darker than the paper colour counts as drawn.
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i] + pixels[i + 1] + pixels[i + 2] < 600) inked++
      return { width: element.width, height: element.height, cssWidth: element.getBoundingClientRect().width, inked }
    })
    assert.ok(canvas, 'certificate canvas')
    console.log(`measured certificate canvas: ${canvas.width}×${canvas.height} px for ${canvas.cssWidth} CSS px, ${canvas.inked} inked pixels`)
    assert.equal(canvas.width, Math.round(canvas.cssWidth * 2), 'canvas holds 2× pixels on a 2× screen')
    assert.ok(canvas.inked > 10_000, 'the certificate is drawn, not blank')
    const code = ((await volunteer.locator('[data-testid="certificate-code"]').innerText()).match(/[A-Z2-7]{12}/) ?? [''])[0]
    assert.match(code, /^[A-Z2-7]{12}$/)
    await shot(volunteer, 'volunteer-certificate')
    await expectReadable(volunteer, 'certificate', ['.certificate__text', '.certificate__code', '.certificate-details__line'])

    const { page: stranger, errors: strangerErrors } = await e2e.open('e2e-employer')
    await stranger.goto(`${url}/#/packages/volunteer/pages/verify/index`)
    // Typed as a reader might: lower case, an O read as 0, an I as 1.
    await ui.fill(stranger, 'verify-code', code.toLowerCase().replace(/o/g, '0').replace(/i/g, '1'))
    await ui.button(stranger, '验证')
    await stranger.locator('[data-testid="verify-result"]', { hasText: '证明真实有效' }).waitFor()
    // The holder shared the code: the full name and each item, so the reader can match the person.
    const verified = await stranger.locator('[data-testid="verify-result"]').innerText()
    for (const field of ['李志强', TITLE, '柯桥区大渡社区红十字会']) assert.ok(verified.includes(field), `verification shows ${field}`)
    await shot(stranger, 'volunteer-verify-genuine')
    await ui.fill(stranger, 'verify-code', 'AAAAAAAAAAAA')
    await ui.button(stranger, '验证')
    await stranger.locator('[data-testid="verify-result"]', { hasText: '没有找到这份证明' }).waitFor()
    await shot(stranger, 'volunteer-verify')
    await expectReadable(stranger, 'verify', ['.verify__text', '.verify__line'])

    assertAllReadable()
    for (const [who, errors] of [['staff', staffErrors], ['volunteer', volunteerErrors], ['stranger', strangerErrors]] as const) assert.deepEqual(errors, [], `${who} console errors`)
  })

  test('a missed check-out: 补签 asked with a reason, approved by the organiser; a correction shows with its reason', async () => {
    const url = e2e.cloud.url
    const inDays = (days: number, hour: number) => new Date(Date.now() + days * 24 * 60 * MINUTE + hour * 60 * MINUTE).toISOString()
    const chinaDay = (iso: string) => new Date(new Date(iso).getTime() + 8 * 60 * MINUTE).toISOString().slice(0, 10)
    const { _id: activityId } = await api<{ _id: string }>('demo-staff', 'activity', {
      action: 'create', title: '防汛沙袋搬运', type: 'flood_watch', description: '在河道边搬运、码放防汛沙袋。', communityId: 'dadu',
      location: { latitude: 30.0672, longitude: 120.5081, address: '大渡社区河埠头' },
      startAt: inDays(2, 0), endAt: inDays(2, 2), signupDeadline: inDays(1, 0), capacity: 5, hours: 2,
      // 条例 2017 第十七条: a risky kind is published with the volunteers' insurance.
      insurance: { insurer: '某保险公司', policyNo: 'PA-2026-003', from: chinaDay(inDays(1, 0)), to: chinaDay(inDays(3, 0)) },
    })
    await api('demo-volunteer', 'activity', { action: 'signup', activityId })
    startsIn(e2e.cloud, activityId, 10)
    const { code } = await api<{ code: string }>('demo-staff', 'activity', { action: 'code', activityId })
    await api('demo-volunteer', 'activity', { action: 'checkIn', activityId, code })
    // The volunteer forgot to check out; check-out closed two hours after the end.
    passTime(e2e.cloud, activityId, 10 + 120 + 125)

    const { page: volunteer, errors: volunteerErrors } = await e2e.open('demo-volunteer')
    await volunteer.goto(`${url}/#/packages/activity/pages/detail/index?id=${activityId}`)
    await volunteer.locator('[data-testid="makeup-request"]').waitFor()
    assert.equal(await volunteer.locator('[data-testid="presence-checkOut"]').count(), 0)
    await ui.button(volunteer, '申请补签')
    await ui.button(volunteer, '提交补签申请')
    await volunteer.locator('[data-testid="makeup-request"] [role="alert"]', { hasText: '请写一下补签的原因' }).waitFor()
    await ui.fill(volunteer, 'makeup-reason', '手机没电了，没能签退')
    await ui.button(volunteer, '提交补签申请')
    await volunteer.locator('[data-testid="makeup-state"]', { hasText: '补签申请审核中' }).waitFor()
    await shot(volunteer, 'activity-makeup')
    await expectReadable(volunteer, 'makeup', ['.activity-detail__fact', '.activity-detail__text', '.makeup__text'])

    const { page: staff, errors: staffErrors } = await e2e.open('demo-staff')
    await staff.goto(`${url}/#/packages/staff/pages/activity/index?id=${activityId}`)
    const row = staff.locator('[data-testid="attendance-row"]', { hasText: '李志强' })
    await row.locator('[data-testid="makeup-pending"]', { hasText: '手机没电了，没能签退' }).waitFor()
    await ui.button(staff, '通过补签')
    await ui.modal(staff, '通过')
    await row.locator('[data-testid="attendance-hours"]', { hasText: '已记 2 小时' }).waitFor()

    // A correction needs a reason; it then shows in 我的志愿 with that reason.
    const hoursBefore = Number(e2e.cloud.store.find('volunteers', { openid: 'demo-volunteer' })[0].hours)
    await ui.button(staff, '更正时长')
    await ui.fill(staff, 'attendance-reason', '提前半小时离开，按实际时间更正')
    // The page applies the server's limits before asking: 9999 and 0.3 are refused where they are typed.
    await ui.fill(staff, 'correct-hours', '9999')
    await ui.button(staff, '确定更正')
    await staff.getByText('一次最多增加100小时').waitFor()
    await ui.fill(staff, 'correct-hours', '0.3')
    await ui.button(staff, '确定更正')
    await staff.getByText('时长以半小时为单位').waitFor()
    await ui.fill(staff, 'correct-hours', '-0.5')
    await shot(staff, 'activity-correction')
    await expectReadable(staff, 'correction form', ['.attendance-row__line'])
    await ui.button(staff, '确定更正')
    await ui.modal(staff, '更正')
    await staff.locator('.nut-button', { hasText: '确定更正' }).waitFor({ state: 'detached' })
    assert.equal(Number(e2e.cloud.store.find('volunteers', { openid: 'demo-volunteer' })[0].hours), hoursBefore - 0.5)

    await volunteer.goto(`${url}/#/packages/volunteer/pages/index/index`)
    const correction = volunteer.locator('[data-testid="ledger-row"]', { hasText: '提前半小时离开' })
    await correction.waitFor()
    assert.match(await correction.innerText(), /时长更正[\s\S]*更正原因：提前半小时离开，按实际时间更正[\s\S]*-0.5 小时/)
    await volunteer.locator('[data-testid="ledger-row"]', { hasText: '活动补签' }).filter({ hasText: '防汛沙袋搬运' }).waitFor()
    assertAllReadable()
    assert.deepEqual([...volunteerErrors, ...staffErrors], [])
  })

  test('大字模式 makes the activity page at least 1.25× larger', async () => {
    const { page, errors } = await e2e.open('demo-volunteer')
    await page.goto(`${e2e.cloud.url}/#/packages/activity/pages/detail/index?id=demo-activity-clinic`)
    await page.locator('[data-testid="activity-detail"]').waitFor()
    const selectors = ['.activity-detail__title', '.activity-detail__fact', '.activity-detail__text', '.presence__text', '.activity-place__address', '.nut-tag', '.activity-detail__actions .nut-button']
    const sizes = () =>
      page.evaluate((list) => list.map((selector) => {
        const element = document.querySelector(`.page-shell ${selector}`) as HTMLElement
        return { selector, font: parseFloat(getComputedStyle(element).fontSize), height: element.getBoundingClientRect().height }
      }), selectors)
    const normal = await sizes()
    await page.evaluate(() => localStorage.setItem('boai.largeText', JSON.stringify({ data: true })))
    await page.reload()
    await page.locator('.page-shell--large [data-testid="activity-detail"]').waitFor()
    const large = await sizes()
    await shot(page, 'activity-detail-large')
    for (const [i, { selector, font, height }] of normal.entries()) {
      console.log(`大字模式 ${selector}: font ${font} → ${large[i].font}px, height ${Math.round(height)} → ${Math.round(large[i].height)}px`)
      assert.ok(large[i].font >= font * 1.25 - 0.01, `${selector} font ${font} → ${large[i].font}`)
    }
    const button = large.find((m) => m.selector.endsWith('.nut-button'))
    assert.ok(button && button.height >= 60, '大字模式 buttons at least 60 px tall')
    assert.deepEqual(errors, [])
  })

  test('check-in by position: too far is refused in words, near the place it works; the organiser cancels another activity with a reason', async () => {
    const url = e2e.cloud.url
    const site = { latitude: 30.0672, longitude: 120.5081 }
    // The browser answers WGS-84; this is where it must stand for the app's GCJ-02 to land on the site.
    const shifted = wgs84ToGcj02(site)
    const atSite = { latitude: 2 * site.latitude - shifted.latitude, longitude: 2 * site.longitude - shifted.longitude }
    const inDays = (days: number, hour: number) => new Date(Date.now() + days * 24 * 60 * MINUTE + hour * 60 * MINUTE).toISOString()
    const create = (title: string) =>
      api<{ _id: string }>('demo-staff', 'activity', {
        action: 'create', title, type: 'clinic', description: '协助医生为老人量血压。', communityId: 'dadu',
        location: { ...site, address: '大渡社区博爱家园一楼活动室' },
        startAt: inDays(2, 0), endAt: inDays(2, 2), signupDeadline: inDays(1, 0), capacity: 5, hours: 2,
      })
    const { _id: nearby } = await create('血压测量志愿服务')
    await api('demo-volunteer', 'activity', { action: 'signup', activityId: nearby })
    startsIn(e2e.cloud, nearby, 10)

    const { page: far, errors: farErrors } = await e2e.open('demo-volunteer', { geolocation: { latitude: 30.0994, longitude: 120.5337 } })
    await far.goto(`${url}/#/packages/activity/pages/detail/index?id=${nearby}`)
    await ui.button(far, '用我的位置签到')
    await far.locator('[data-testid="presence-problem"]', { hasText: /您离活动地点还有[\d.]+(米|公里)，到达300米范围内再签到/ }).waitFor()
    await shot(far, 'activity-too-far')
    assert.equal(e2e.cloud.store.find('activitySignups', { activityId: nearby })[0].status, 'signed_up')

    const { page: near, errors: nearErrors } = await e2e.open('demo-volunteer', { geolocation: atSite })
    await near.goto(`${url}/#/packages/activity/pages/detail/index?id=${nearby}`)
    await ui.button(near, '用我的位置签到')
    await near.locator('[data-testid="my-signup"]', { hasText: '已签到' }).waitFor()
    assert.equal(e2e.cloud.store.find('activitySignups', { activityId: nearby })[0].checkInMethod, 'position')

    const { _id: rained } = await create('户外义诊')
    await api('demo-volunteer', 'activity', { action: 'signup', activityId: rained })
    const { page: staff, errors: staffErrors } = await e2e.open('demo-staff')
    await staff.goto(`${url}/#/packages/staff/pages/activity/index?id=${rained}`)
    await ui.button(staff, '取消活动')
    await ui.button(staff, '确定取消活动')
    await staff.locator('[role="alert"]', { hasText: '请写明取消的原因' }).waitFor()
    await ui.fill(staff, 'cancel-reason', '台风预警，活动改期')
    await ui.button(staff, '确定取消活动')
    // Asked first: 再想想 changes nothing.
    await ui.modal(staff, '再想想')
    assert.equal(e2e.cloud.store.find('activities', { communityId: 'dadu' }).find((a) => a._id === rained)?.status, 'open')
    await ui.button(staff, '确定取消活动')
    await ui.modal(staff, '取消活动')
    await staff.locator('[data-testid="staff-activity"]', { hasText: '已取消' }).waitFor()

    await near.goto(`${url}/#/packages/activity/pages/detail/index?id=${rained}`)
    await near.getByText('活动已取消：台风预警，活动改期').waitFor()
    assert.equal(await near.locator('.nut-button', { hasText: /我要报名|取消报名|签到/ }).count(), 0)
    await shot(near, 'activity-cancelled')
    assert.deepEqual([...farErrors, ...nearErrors, ...staffErrors], [])
  })

  test('任务大厅 shows how far each activity is once the person shares their position', async () => {
    // What a browser near 大渡社区 reports (WGS-84); the app turns it into GCJ-02 like the data.
    const { page, errors } = await e2e.open('demo-volunteer', { geolocation: { latitude: 30.0694, longitude: 120.5037 } })
    await page.goto(`${e2e.cloud.url}/#/packages/activity/pages/hall/index`)
    await page.locator('[data-testid="activity-card"]').first().waitFor()
    assert.equal(await page.locator('[data-testid="activity-card"]', { hasText: '距您' }).count(), 0)
    await ui.button(page, '使用我的位置')
    await page.getByText('已按您的位置显示距离').waitFor()
    const clinic = page.locator('[data-testid="activity-card"]', { hasText: '社区义诊志愿服务' })
    await clinic.filter({ hasText: /距您 \d+(米|\.\d公里)/ }).waitFor()
    assert.deepEqual(errors, [])
  })

  test('a first-time visitor opens a shared activity; 积分规则 reads plainly', async () => {
    const { page, errors } = await e2e.open('e2e-first-visit')
    await page.goto(`${e2e.cloud.url}/#/packages/activity/pages/detail/index?id=demo-activity-clinic`)
    await page.locator('[data-testid="activity-detail"]', { hasText: '社区义诊志愿服务' }).waitFor()
    await ui.button(page, '我要报名')
    await ui.modal(page, '以后再说')
    await page.goto(`${e2e.cloud.url}/#/packages/volunteer/pages/points/index`)
    await page.getByText('积分长期有效').waitFor()
    await shot(page, 'volunteer-points')
    await expectReadable(page, '积分规则', ['.points-rule__line'])
    assertAllReadable()
    assert.deepEqual(errors, [])
  })
})
