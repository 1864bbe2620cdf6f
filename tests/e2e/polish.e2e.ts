import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { formatChinaTime } from '../../src/domain/dates'
import { checkCharacter } from '../../src/domain/member/id-number'
import { SCREENSHOT_DIR, shot, startE2E, ui, type E2E } from './harness'

/**
 * Issue #14 part B in the browser: China time on a device elsewhere, shared pages for a first-time
 * visitor, the welcome and 个人资料, the owner's wish loop, the wall's 进行中 (training results:
 * training.e2e.ts), and no 重试 on a page that cannot be found.
 */
let e2e: E2E
before(async () => {
  e2e = await startE2E()
})
after(() => e2e.close())

const call = async (name: string, openid: string, event: Record<string, unknown>) => {
  const response = await fetch(`${e2e.cloud.url}/api/functions/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': openid }, body: JSON.stringify(event) })
  const envelope = (await response.json()) as { ok: boolean; data?: unknown; message?: string }
  assert.ok(envelope.ok, envelope.message)
  return envelope.data
}

describe('shared pages and China time', () => {
  test('a first-time visitor in New York opens a shared wish, lesson and AED, and reads China times', async () => {
    const { page, errors } = await e2e.open('e2e-visitor-ny', { timezoneId: 'America/New_York' })
    // 01:30 on the 24th in China is 12:30 on the 23rd in New York.
    e2e.cloud.store.update('wishes', { _id: 'demo-wish-1' }, { $set: { 'history.0.at': new Date('2026-11-23T17:30:00.000Z') } })
    await page.goto(`${e2e.cloud.url}/#/packages/wish/pages/detail/index?id=demo-wish-1`)
    await page.locator('[data-testid="wish-detail"]').waitFor()
    assert.equal(await page.evaluate(() => new Date('2026-11-23T17:30:00.000Z').getHours()), 12)
    await page.locator('[data-testid="timeline"]', { hasText: formatChinaTime('2026-11-23T17:30:00.000Z') }).waitFor()
    assert.equal(formatChinaTime('2026-11-23T17:30:00.000Z'), '2026-11-24 01:30')
    await shot(page, 'polish-shared-wish-new-york')

    const aed = e2e.cloud.store.find('aeds', { verified: true })[0] as { _id: string; name: string }
    await page.goto(`${e2e.cloud.url}/#/packages/aed/pages/detail/index?id=${aed._id}`)
    await page.getByText(aed.name).first().waitFor()
    assert.equal(await page.locator('.load-state--error').count(), 0)
    const lesson = (e2e.cloud.store.find('lessons', {})[0] as { _id: string; title: string })
    await page.goto(`${e2e.cloud.url}/#/packages/lessons/pages/lesson/index?id=${lesson._id}`)
    await page.getByText(lesson.title).first().waitFor()
    assert.deepEqual(errors, [])
  })

  test('a wish that does not exist says so and offers no 重试', async () => {
    const { page } = await e2e.open('e2e-visitor-2')
    await page.goto(`${e2e.cloud.url}/#/packages/wish/pages/detail/index?id=no-such-wish`)
    await page.locator('.load-state--error', { hasText: '没有找到' }).waitFor()
    assert.equal(await page.locator('.load-state--error .nut-button').count(), 0)
    await shot(page, 'polish-not-found')
  })
})

describe('first use and 个人资料', () => {
  test('the welcome asks for the home community once; 个人资料 sets the nickname', async () => {
    const { page, errors } = await e2e.open('e2e-newcomer')
    await page.goto(`${e2e.cloud.url}/#/pages/home/index`)
    await page.locator('[data-testid="welcome"]').waitFor()
    await shot(page, 'polish-welcome')
    await ui.button(page, '确定')
    await page.locator('[data-testid="welcome"] [role="alert"]', { hasText: '请选择社区' }).waitFor()
    await ui.pick(page, 'welcome-community', '大渡社区')
    await ui.button(page, '确定')
    await page.locator('[data-testid="welcome"]').waitFor({ state: 'detached' })
    await page.getByText('大渡社区 · 红十字服务站').waitFor()
    await page.reload()
    await page.getByText('大渡社区 · 红十字服务站').waitFor()
    assert.equal(await page.locator('[data-testid="welcome"]').count(), 0)

    await page.goto(`${e2e.cloud.url}/#/packages/profile/pages/index/index`)
    const nickname = page.locator('[data-testid="nickname"] input, input[data-testid="nickname"]').first()
    await nickname.waitFor()
    await page.locator('[data-testid="home-community"] [role][aria-checked="true"]', { hasText: '大渡社区' }).waitFor()
    await nickname.fill('')
    await ui.button(page, '保存')
    await page.locator('.form-field__error', { hasText: '请填写昵称' }).waitFor()
    await nickname.fill('老周')
    await shot(page, 'polish-profile')
    await ui.button(page, '保存')
    await page.waitForURL(/pages\/(home|mine)\/index|#\/$/, { timeout: 10_000 }).catch(() => undefined)
    await page.goto(`${e2e.cloud.url}/#/pages/mine/index`)
    await page.locator('[data-testid="profile"]', { hasText: '老周' }).waitFor()
    await page.locator('[data-testid="profile"]', { hasText: '大渡社区' }).waitFor()
    assert.deepEqual(errors, [])
  })
})

describe("the owner's wish loop", () => {
  test('the owner sees and can call the volunteer, and sends a fulfilled wish back with 还没完成', async () => {
    // demo-wish-4: 陈美华's wish, claimed by 李志强.
    await call('wish', 'demo-volunteer', { action: 'fulfil', wishId: 'demo-wish-4', note: '收音机已经送到了', minutes: 40 })
    const { page, errors } = await e2e.open('demo-member')
    await page.goto(`${e2e.cloud.url}/#/pages/wish/index`)
    await page.locator('.nut-tabs-titles-item', { hasText: '进行中' }).click()
    await page.locator('[data-testid="wish-card"]', { hasText: '想要一台旧的收音机' }).locator('text=待确认').waitFor()
    await shot(page, 'polish-wall-in-progress')

    await page.goto(`${e2e.cloud.url}/#/packages/wish/pages/detail/index?id=demo-wish-4`)
    const claimer = page.locator('[data-testid="wish-claimer"]')
    await claimer.locator('text=认领志愿者：李志强').waitFor()
    await claimer.locator('text=13857500002').waitFor()
    await claimer.locator('.nut-button', { hasText: '联系志愿者' }).waitFor()
    await ui.button(page, '还没完成')
    await ui.button(page, '确定还没完成')
    await page.locator('[data-testid="wish-actions"] [role="alert"]', { hasText: '请填写还差什么' }).waitFor()
    await ui.fill(page, 'wish-note', '收音机没有声音，麻烦再看看')
    await ui.button(page, '确定还没完成')
    await ui.modal(page, '确定')
    await page.locator('[data-testid="wish-status"]', { hasText: '已认领' }).waitFor()
    await page.locator('[data-testid="timeline"]', { hasText: '收音机没有声音' }).waitFor()
    await shot(page, 'polish-wish-reopened')
    assert.deepEqual(errors, [])
  })
})

describe('editing a wish', () => {
  test('the owner edits an open wish from its page; the form starts from the wish and shows the change', async () => {
    const { page, errors } = await e2e.open('demo-resident')
    await page.goto(`${e2e.cloud.url}/#/packages/wish/pages/detail/index?id=demo-wish-2`)
    await page.locator('[data-testid="wish-edit"]').click()
    const title = page.locator('[data-testid="title"] input').first()
    await title.waitFor()
    assert.equal(await title.inputValue(), '楼道灯坏了想请人换一下')
    await title.fill('')
    await ui.button(page, '保存修改')
    await page.locator('.form-field__error', { hasText: '请填写心愿标题' }).waitFor()
    await title.fill('三楼楼道灯坏了想请人换')
    await shot(page, 'polish-wish-edit')
    await ui.button(page, '保存修改')
    await page.locator('[data-testid="wish-detail"]', { hasText: '三楼楼道灯坏了想请人换' }).waitFor()
    await page.locator('[data-testid="timeline"]', { hasText: '心愿主人修改了心愿' }).waitFor()
    assert.deepEqual(errors, [])
  })
})

describe('search', () => {
  test('the wall and the lesson list find things by words; no match says so', async () => {
    const { page, errors } = await e2e.open('demo-resident')
    await page.goto(`${e2e.cloud.url}/#/pages/wish/index`)
    // 王秀英 lives in 玉兰: the wall opens there, as the welcome card promised her.
    await page.locator('[data-testid="wall-community"] [aria-checked="true"]', { hasText: '玉兰社区' }).waitFor()
    await ui.choose(page, 'wall-community', '全部社区')
    await page.locator('.nut-tabs-titles-item', { hasText: '全部' }).click()
    const box = page.locator('[data-testid="wish-search"] input')
    await box.fill('收音机')
    await page.locator('[data-testid="wish-search"] .nut-button', { hasText: '搜索' }).click()
    await page.locator('[data-testid="wish-card"]', { hasText: '想要一台旧的收音机' }).waitFor()
    await page.locator('[data-testid="wish-card"]', { hasText: '陪我去中医院复查' }).waitFor({ state: 'detached' })
    await shot(page, 'polish-wall-search')
    await box.fill('没有这样的心愿')
    await page.locator('[data-testid="wish-search"] .nut-button', { hasText: '搜索' }).click()
    await page.getByText('没有符合条件的心愿').waitFor()

    await page.goto(`${e2e.cloud.url}/#/packages/lessons/pages/index/index`)
    await page.locator('[data-testid="lesson-card"]').first().waitFor()
    const all = await page.locator('[data-testid="lesson-card"]').count()
    await page.locator('[data-testid="lesson-search"] input').fill('心肺复苏')
    await page.locator('[data-testid="lesson-search"] .nut-button', { hasText: '搜索' }).click()
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="lesson-card"]').length < n, all)
    assert.ok((await page.locator('[data-testid="lesson-card"]').count()) > 0)
    assert.deepEqual(errors, [])
  })
})

describe('H5 AED overview', () => {
  test('markers never cover each other or the person; the chosen one is labelled by name and state; a legend, north and a scale bar explain the drawing', async () => {
    // Five more AEDs at one address beside the person: the worst case for overlap.
    const [sample] = e2e.cloud.store.find('aeds', { verified: true, communityId: 'dadu' })
    e2e.cloud.store.insert('aeds', Array.from({ length: 5 }, (_unused, i) => ({ ...sample, _id: `e2e-pile-${i}`, name: `万达广场 ${i + 1} 号门` })))
    const { page, errors } = await e2e.open('demo-resident', { geolocation: { latitude: 30.0681, longitude: 120.5021 } })
    await page.goto(`${e2e.cloud.url}/#/packages/aed/pages/index/index`)
    await ui.button(page, '同意并使用我的位置')
    await page.locator('[data-testid="aed-overview"]').waitFor()
    const boxes = await page.locator('[data-testid="aed-marker"]').evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect()).map((r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2, w: r.width })))
    const me = await page.locator('.aed-overview__me').evaluate((n) => { const r = n.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 } })
    assert.ok(boxes.length >= 10, `${boxes.length} markers`)
    for (const [i, a] of boxes.entries()) {
      assert.ok(a.w >= 44, 'a 44 px tap target')
      assert.ok(Math.hypot(a.x - me.x, a.y - me.y) >= 43.5, `marker ${i + 1} covers the person`)
      for (const b of boxes.slice(i + 1)) assert.ok(Math.hypot(a.x - b.x, a.y - b.y) >= 43.5, `marker ${i + 1} overlaps another`)
    }
    assert.ok((await page.locator('.aed-overview__leader').count()) > 0, 'moved markers have a leader line')
    await page.locator('[data-testid="aed-legend"]', { hasText: '您在这里' }).waitFor()
    for (const label of ['可以使用', '需要注意', '不在开放时间', '可能无法使用']) await page.locator('[data-testid="aed-legend"]', { hasText: label }).waitFor()
    assert.match(await page.locator('[data-testid="aed-scale"]').innerText(), /^\d+(\.\d+)? ?(米|公里)$/)
    assert.equal((await page.locator('[data-testid="aed-north"]').innerText()).replace(/\s/g, ''), '▲北')
    // The first marker is labelled with its name and state; tapping another labels that one.
    const names = await page.locator('[data-testid="aed-card"] .aed-card__name').allInnerTexts()
    assert.match(await page.locator('[data-testid="aed-callout"]').innerText(), new RegExp(`^1\\s*${names[0]} · (可以使用|需要注意|不在开放时间|可能无法使用)$`))
    await page.locator('[data-testid="aed-marker"]').nth(2).click()
    assert.match(await page.locator('[data-testid="aed-callout"]').innerText(), new RegExp(`^3\\s*${names[2]} · (可以使用|需要注意|不在开放时间|可能无法使用)$`))
    await page.locator('[data-testid="aed-overview"]').screenshot({ path: `${SCREENSHOT_DIR}/polish-aed-overview.png` })
    assert.deepEqual(errors, [])
  })
})

describe('a chosen nickname stays (#26 item 7)', () => {
  test('after membership is approved under the legal name, the wall still shows the nickname (masked) and 我的 the nickname', async () => {
    const who = 'e2e-nickname'
    const post = async (title: string) => {
      const wish = (await call('wish', who, { action: 'create', title, content: '腿脚不太方便，想请志愿者周六上午陪我去菜场买点菜。', category: '生活帮扶', communityId: 'yulan', images: [], contactPhone: '13857500031' })) as { _id: string; status: string }
      if (wish.status === 'pending_review') await call('wish', 'demo-staff', { action: 'review', wishId: wish._id, decision: 'approve', reason: '' })
    }
    await call('user', who, { action: 'updateProfile', displayName: '小红帽', homeCommunityId: 'yulan' })
    await post('想找人陪我去菜场买菜')
    const first17 = '33060219620315402'
    const application = (await call('member', who, { action: 'apply', name: '王秀兰', gender: 'female', birthDate: '1962-03-15', idNumber: first17 + checkCharacter(first17), phone: '13857500031', communityId: 'yulan', address: '玉兰花园5幢', consent: true, idConsent: true })) as { _id: string }
    await call('member', 'demo-staff', { action: 'review', applicationId: application._id, decision: 'approve' })
    await post('想请人陪我去社区医院配药')

    const { page, errors } = await e2e.open('demo-resident')
    await page.goto(`${e2e.cloud.url}/#/pages/wish/index`)
    for (const title of ['想找人陪我去菜场买菜', '想请人陪我去社区医院配药']) {
      const card = page.locator('[data-testid="wish-card"]', { hasText: title })
      await card.waitFor()
      const text = await card.innerText()
      assert.match(text, /小\*\*/, `${title}: ${text}`)
      assert.doesNotMatch(text, /王/, `${title}: ${text}`)
    }
    const { page: own } = await e2e.open(who)
    await own.goto(`${e2e.cloud.url}/#/pages/mine/index`)
    await own.locator('[data-testid="profile"]', { hasText: '小红帽' }).waitFor()
    assert.deepEqual(errors, [])
  })
})
