import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { checkCharacter } from '../../src/domain/member/id-number'
import { shot, startE2E, ui, type E2E } from './harness'

/** Issue #26, expected features: staff lists filtered (AED 需要处理, by community), an applicant withdrawing, skeletons while loading. */
let e2e: E2E
before(async () => {
  e2e = await startE2E()
})
after(() => e2e.close())

test('AED 管理: 需要处理 shows only devices that are not 设备正常, and the community filter narrows it', async () => {
  const { page, errors } = await e2e.open('demo-staff')
  await page.goto(`${e2e.cloud.url}/#/packages/staff/pages/aeds/index`)
  await page.locator('[data-testid="managed-aed"]').first().waitFor()
  const tags = () => page.locator('[data-testid="managed-aed"] .aed-manage__tag:first-child').allInnerTexts()
  assert.ok((await tags()).includes('设备正常'), 'the full list has devices in order')

  await ui.pick(page, 'aed-show', '需要处理')
  await page.waitForLoadState('networkidle')
  await page.locator('[data-testid="managed-aed"]').first().waitFor()
  const attention = await tags()
  assert.ok(attention.length > 0 && attention.every((t) => t !== '设备正常'), `需要处理 only: ${attention.join(',')}`)
  // Out of service before the warnings.
  const ranks = attention.map((t) => (t === '可能无法使用' ? 0 : 1))
  assert.deepEqual(ranks, [...ranks].sort())
  await shot(page, 'finish-aed-attention')

  // 兰亭苑小区 (玉兰社区) is out of service: it leads 需要处理 until the list is narrowed to 大渡社区.
  const places = () => page.locator('[data-testid="managed-aed"] .aed-manage__where').allInnerTexts()
  assert.ok((await places()).some((w) => !w.startsWith('大渡社区')), 'another community needs attention too')
  await ui.pick(page, 'community-filter', '大渡社区')
  await page.waitForFunction(() => {
    const where = Array.from(document.querySelectorAll('[data-testid="managed-aed"] .aed-manage__where')).map((n) => n.textContent ?? '')
    return where.length > 0 && where.every((w) => w.startsWith('大渡社区'))
  })
  assert.ok((await tags()).every((t) => t !== '设备正常'), 'still 需要处理 only')
  assert.deepEqual(errors, [])
})

test('an applicant withdraws a membership application after confirming; it leaves the staff queue and may be made again', async () => {
  const openid = 'e2e-withdraw'
  const first17 = '33060219560312303'
  const response = await fetch(`${e2e.cloud.url}/api/functions/member`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Wx-Openid': openid },
    body: JSON.stringify({ action: 'apply', name: '钱桂兰', idNumber: first17 + checkCharacter(first17), phone: '13857500388', communityId: 'dadu', address: '大渡路大渡新村2幢', consent: true, idConsent: true }),
  })
  assert.ok(((await response.json()) as { ok: boolean }).ok)
  const { page, errors } = await e2e.open(openid)
  await page.goto(`${e2e.cloud.url}/#/packages/member/pages/index/index`)
  await page.locator('[data-testid="application-status"]', { hasText: '待审核' }).waitFor()

  // 再想想 leaves it as it was.
  await page.locator('[data-testid="withdraw"]').click()
  await page.locator('.taro-modal__content', { hasText: '撤回入会申请' }).waitFor()
  await shot(page, 'finish-withdraw-confirm')
  await ui.modal(page, '再想想')
  await page.waitForTimeout(500)
  assert.equal(e2e.cloud.store.find('applications', { openid })[0].status, 'pending')

  await page.locator('[data-testid="withdraw"]').click()
  await ui.modal(page, '撤回')
  await page.locator('[data-testid="application-status"]', { hasText: '已撤回' }).waitFor()
  await page.locator('.nut-button', { hasText: '重新申请入会' }).waitFor()
  await page.locator('[data-testid="id-views"]', { hasText: '身份证号已经删除' }).waitFor()
  await shot(page, 'finish-withdrawn')
  assert.equal(e2e.cloud.store.find('applications', { openid })[0].status, 'withdrawn')

  const staff = await e2e.open('demo-staff')
  await staff.page.goto(`${e2e.cloud.url}/#/packages/staff/pages/applications/index`)
  await staff.page.waitForLoadState('networkidle')
  await staff.page.locator('.load-state--loading').waitFor({ state: 'detached' })
  assert.equal(await staff.page.locator('[data-testid="application-item"]', { hasText: '钱桂兰' }).count(), 0)
  assert.deepEqual([...errors, ...staff.errors], [])
})

test('a list shows a skeleton of cards while it loads, not a bare spinner', async () => {
  const { page } = await e2e.open('demo-staff')
  // Hold the list's answer back so the loading state can be seen.
  let release: () => void = () => undefined
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/api/functions/aed', async (route) => {
    if (route.request().postData()?.includes('manageList')) await held
    await route.continue()
  })
  await page.goto(`${e2e.cloud.url}/#/packages/staff/pages/aeds/index`)
  const skeleton = page.locator('.load-state--loading .skeleton--list')
  await skeleton.waitFor()
  assert.equal(await page.locator('.load-state--loading .nut-loading').count(), 0)
  assert.equal(await skeleton.locator('.skeleton__card').count(), 3)
  assert.equal(await skeleton.getAttribute('aria-label'), '加载中')
  await shot(page, 'finish-skeleton')
  release()
  await page.locator('[data-testid="managed-aed"]').first().waitFor()
  assert.equal(await skeleton.count(), 0)
})
