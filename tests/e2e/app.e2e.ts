import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { shot, startE2E, type E2E } from './harness'

/** The foundation journeys: every tab, the identity switcher, 大字模式, the inbox. */
let e2e: E2E
before(async () => {
  e2e = await startE2E()
})
after(() => e2e.close())

const tab = (page: Page, label: string) => page.locator('.weui-tabbar__item', { hasText: label })
const roleTags = (page: Page) => page.locator('[data-testid="roles"]').innerText()
/** Waits for 我的 to show this person's name on the profile card. */
const profileOf = (page: Page, name: string) => page.locator('.profile__name', { hasText: name }).waitFor()
const cell = (page: Page, description: string) => page.locator('.nut-cell', { hasText: description })
const button = (page: Page, label: string) => page.locator('.nut-button', { hasText: label })

describe('the H5 app on the local cloud', () => {
  test('every tab opens and shows its content without console errors', async () => {
    const { page, errors } = await e2e.open('demo-resident')
    await page.goto(`${e2e.cloud.url}/`)
    await page.getByText('玉兰社区 · 红十字服务站').waitFor()
    await shot(page, 'tab-home')

    await tab(page, '红心愿').click()
    await page.locator('[data-testid="wish-card"]').first().waitFor()
    await shot(page, 'tab-wish')

    await tab(page, '急救').click()
    await page.getByText('遇到紧急情况，先拨打 120').waitFor()
    assert.equal(await page.getByText('拨打 120', { exact: true }).isVisible(), true)
    await shot(page, 'tab-firstaid')

    await tab(page, '我的').click()
    await profileOf(page, '王秀英')
    await shot(page, 'tab-mine')

    assert.deepEqual(errors, [])
  })

  test('我的 shows who the caller is; the switcher changes identity and role', async () => {
    const { page, errors } = await e2e.open('demo-resident')
    await page.goto(`${e2e.cloud.url}/#/pages/mine/index`)
    await profileOf(page, '王秀英')
    assert.equal((await roleTags(page)).trim(), '居民')
    assert.equal(await page.getByText('工作台').count(), 0)

    await page.locator('[data-openid="demo-staff"]').click()
    await profileOf(page, '张敏')
    assert.match(await roleTags(page), /社区红十字工作人员/)
    await page.getByText('玉兰社区、港越社区、大渡社区').waitFor()
    await shot(page, 'mine-as-staff')

    await page.locator('[data-openid="demo-volunteer"]').click()
    await profileOf(page, '李志强')
    assert.match(await roleTags(page), /志愿者/)
    assert.doesNotMatch(await roleTags(page), /工作人员/)

    await tab(page, '首页').click()
    await page.getByText('大渡社区 · 红十字服务站').waitFor()
    assert.deepEqual(errors, [])
  })

  test('staff see 工作台 on 首页 and it opens its subpackage', async () => {
    const { page, errors } = await e2e.open('demo-staff')
    await page.goto(`${e2e.cloud.url}/`)
    await page.getByText('工作台').click()
    await page.locator('.nut-cell', { hasText: '入会审核' }).waitFor()
    assert.deepEqual(errors, [])
  })

  test('大字模式 enlarges text on every page and is remembered', async () => {
    const { page } = await e2e.open('demo-member')
    await page.goto(`${e2e.cloud.url}/#/pages/mine/index`)
    await profileOf(page, '陈美华')
    const fontSize = (selector: string) => page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    const normal = { text: await fontSize('.page-shell'), cell: await fontSize('.nut-cell-title') }
    await page.getByLabel('大字模式').click()
    await page.waitForFunction(() => document.querySelector('.page-shell--large') !== null)
    assert.ok((await fontSize('.page-shell')) > normal.text * 1.2)
    assert.ok((await fontSize('.nut-cell-title')) > normal.cell * 1.2)
    await shot(page, 'mine-large-text')

    await page.reload()
    await profileOf(page, '陈美华')
    assert.equal(await page.locator('.page-shell--large').count(), 1)
  })

  test('注销账号 says what happens, asks first, and erases the person', async () => {
    const who = 'e2e-leaving'
    const { page, errors } = await e2e.open(who)
    await page.goto(`${e2e.cloud.url}/#/pages/mine/index`)
    await profileOf(page, '居民')
    assert.equal(e2e.cloud.store.find('users', { _id: who }).length, 1)
    await cell(page, '删除我的个人信息').click()
    await page.getByText('将删除您的入会申请和会员卡').waitFor()
    await shot(page, 'delete-account-confirm')
    await page.locator('.taro-modal__foot div', { hasText: '再想想' }).click()
    assert.equal(e2e.cloud.store.find('users', { _id: who }).length, 1)
    await cell(page, '删除我的个人信息').click()
    await page.locator('.taro-modal__foot div', { hasText: '确认注销' }).click()
    await page.getByText('您的个人信息已删除').waitFor()
    // Only the tombstone is left (no name, no roles) until the scheduler's last sweep removes it.
    assert.deepEqual(e2e.cloud.store.find('users', { _id: who }).map((u) => [u.displayName, u.roles, !!u.erasing]), [['已注销用户', [], true]])
    assert.deepEqual(errors, [])
  })

  test('the inbox lists messages and marks them read', async () => {
    e2e.cloud.store.insert(
      'inbox',
      [1, 2].map((n) => ({
        openid: 'demo-volunteer',
        kind: 'wish_update',
        title: '红心愿进度',
        body: `测试消息 ${n}`,
        page: 'packages/wish/pages/index/index',
        read: false,
        createdAt: new Date(Date.now() - n * 60_000),
      })),
    )
    const { page, errors } = await e2e.open('demo-volunteer')
    await page.goto(`${e2e.cloud.url}/#/pages/mine/index`)
    // The unread count shows on the 我的 tab.
    await tab(page, '我的').locator('.weui-badge', { hasText: '2' }).waitFor()
    await cell(page, '审核结果、心愿进度等通知').click()
    await page.getByText('测试消息 1').waitFor()
    // 我的 (still in the page stack) says it too: the inbox's own count is meant.
    const count = page.locator('[data-testid="inbox-unread-count"]')
    await count.filter({ hasText: '2 条未读' }).waitFor()
    await shot(page, 'inbox')
    await button(page, '全部标为已读').click()
    await count.filter({ hasText: '没有未读消息' }).waitFor()
    assert.equal(e2e.cloud.store.count('inbox', { openid: 'demo-volunteer', read: false }), 0)
    assert.deepEqual(errors, [])
  })

  test('tapping a message opens what it is about and marks it read', async () => {
    const [wish] = e2e.cloud.store.find('wishes', { status: 'open' }, { limit: 1 })
    e2e.cloud.store.insert('inbox', [
      { openid: 'demo-member', kind: 'wish_update', title: '红心愿进度', body: '心愿有了新进展', page: `packages/wish/pages/detail/index?id=${wish._id}`, read: false, createdAt: new Date() },
    ])
    const { page, errors } = await e2e.open('demo-member')
    await page.goto(`${e2e.cloud.url}/#/packages/notify/pages/inbox/index`)
    await page.locator('[data-testid="inbox-item"]', { hasText: '心愿有了新进展' }).click()
    await page.waitForURL(new RegExp(`packages/wish/pages/detail/index\\?id=${wish._id}`))
    await page.getByText(String(wish.title)).first().waitFor()
    for (let waited = 0; e2e.cloud.store.count('inbox', { openid: 'demo-member', read: false }) > 0 && waited < 5000; waited += 100) await page.waitForTimeout(100)
    assert.equal(e2e.cloud.store.count('inbox', { openid: 'demo-member', read: false }), 0)
    assert.deepEqual(errors, [])
  })
})
