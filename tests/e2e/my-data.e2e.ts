import assert from 'node:assert/strict'
import fs from 'node:fs'
import { after, before, describe, test } from 'node:test'
import { shot, startE2E, ui, type E2E } from './harness'

/** PIPL 第四十五条 (查阅、复制) and 退会 (章程: 有退会的自由), as the demo member sees them. */
let e2e: E2E
before(async () => {
  e2e = await startE2E()
})
after(() => e2e.close())

describe('我的数据 and 退会', () => {
  test('我的数据 shows what is stored about the member and downloads it as a file', async () => {
    const { page, errors } = await e2e.open('demo-member')
    await page.goto(`${e2e.cloud.url}/#/pages/mine/index`)
    await page.locator('.nut-cell', { hasText: '查看和下载我们保存的关于您的信息' }).click()
    const membership = page.locator('[data-testid="my-data-section"]', { hasText: '入会申请与会员' })
    await membership.waitFor()
    const shown = await membership.innerText()
    assert.match(shown, /陈美华/)
    assert.match(shown, /13857500003/)
    assert.match(shown, /港越新村5幢/)
    assert.match(shown, /3306\*{10}0427/)
    await shot(page, 'my-data')

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="download-my-data"]').click()])
    assert.match(download.suggestedFilename(), /^我的数据-\d{4}-\d{2}-\d{2}\.json$/)
    const file = JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as { sections: Array<{ title: string; items: Array<Record<string, unknown>> }> }
    const application = file.sections.find((s) => s.title === '入会申请与会员')!.items[0]
    assert.equal(application.name, '陈美华')
    assert.equal(application.phone, '13857500003')
    assert.doesNotMatch(JSON.stringify(file), /idCipher|idHash/)

    await page.goto(`${e2e.cloud.url}/#/pages/mine/index`)
    await page.locator('.nut-cell', { hasText: '收集哪些信息、用来做什么' }).click()
    await page.locator('[data-testid="privacy-notice"]', { hasText: '柯桥区红十字会港越社区红十字会' }).waitFor()
    // Once the page has slid in (Taro's H5 page transition).
    await page.waitForTimeout(600)
    await shot(page, 'privacy-notice')
    assert.deepEqual(errors, [])
  })

  test('退会 withdraws the card, asking first; the record says 已退会', async () => {
    const { page, errors } = await e2e.open('demo-member')
    await page.goto(`${e2e.cloud.url}/#/packages/member/pages/index/index`)
    const card = page.locator('[data-testid="member-card"]')
    await card.waitFor()
    assert.match(await card.innerText(), /会费缴至\d{4}年|会费待缴/)
    await shot(page, 'member-card-dues')

    await page.locator('[data-testid="leave"]').click()
    await ui.modal(page, '再想想')
    assert.equal(await card.count(), 1)
    await page.locator('[data-testid="leave"]').click()
    await ui.modal(page, '确认退会')
    await page.locator('[data-testid="application-status"]', { hasText: '已退会' }).waitFor()
    assert.equal(await page.locator('[data-testid="member-card"]').count(), 0)
    await shot(page, 'member-left')
    assert.deepEqual(errors, [])
  })
})
