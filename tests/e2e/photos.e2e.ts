import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Locator, Page } from 'playwright-core'
import { shot, startE2E, ui, type E2E } from './harness'

/** File links expire after LINK_S seconds here, so an open page outlives its links within the test. */
const LINK_S = 3
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

let e2e: E2E
before(async () => {
  e2e = await startE2E({ tempUrlMaxAgeS: LINK_S })
})
after(() => e2e.close())

const loaded = (image: Locator) => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)
const waitLoaded = async (image: Locator) => {
  for (let waited = 0; waited < 10_000; waited += 100) {
    if (await loaded(image)) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  assert.fail(`image never loaded: ${await image.getAttribute('src')}`)
}

async function addPhoto(page: Page) {
  const chooser = page.waitForEvent('filechooser')
  await page.locator('.photo-picker__add').click()
  await (await chooser).setFiles({ name: 'lamp.png', mimeType: 'image/png', buffer: PNG })
}

describe('photos behind temporary links', () => {
  test('the upload preview shows; a photo whose link expired while the page was open is shown again with a fresh link', async () => {
    const { page, errors } = await e2e.open('demo-resident')
    await page.goto(`${e2e.cloud.url}/#/packages/wish/pages/create/index`)
    await page.locator('[data-testid="title"]').waitFor()
    await addPhoto(page)
    // The H5 preview is the upload's own signed link.
    const thumb = page.locator('.photo-picker__thumb img')
    await waitLoaded(thumb)
    assert.match((await thumb.getAttribute('src')) ?? '', /\/files\/uploads\/.+\.jpg\?sign=\w+&t=\d+$/)

    await ui.fill(page, 'title', '帮忙修一下楼道灯')
    await ui.fill(page, 'content', '2幢楼道的灯坏了很久，晚上上下楼看不清台阶，希望有人帮忙修一下。')
    await ui.choose(page, 'category', '生活帮扶')
    await ui.choose(page, 'community', '玉兰社区')
    await ui.fill(page, 'contactPhone', '13957500077')
    await ui.button(page, '发布心愿')
    await page.locator('[data-testid="wish-status"]', { hasText: '待认领' }).waitFor()

    // The check passes within the push delay.
    const wishId = new URL(page.url().replace('/#/', '/')).searchParams.get('id') ?? ''
    const shown = async () => {
      const response = await fetch(`${e2e.cloud.url}/api/functions/wish`, { method: 'POST', headers: { 'x-wx-openid': 'demo-resident' }, body: JSON.stringify({ action: 'get', wishId }) })
      return ((await response.json()) as { data: { images: string[] } }).data.images.length
    }
    for (let waited = 0; waited < 10_000 && (await shown()) === 0; waited += 200) await page.waitForTimeout(200)

    // The page takes longer than the link's life to fetch the photo (a slow network, a page left
    // in the background): the link answers 403, and the image asks the page for fresh links, once.
    const requested: string[] = []
    let delayed = false
    await page.route('**/files/**', async (route) => {
      requested.push(route.request().url())
      if (!delayed) {
        delayed = true
        await new Promise((resolve) => setTimeout(resolve, (LINK_S + 1) * 1000))
      }
      await route.continue()
    })
    await page.reload()
    const image = page.locator('[data-testid="wish-image"] img')
    await image.waitFor()
    for (let waited = 0; waited < 15_000 && requested.length < 2; waited += 100) await page.waitForTimeout(100)
    assert.equal(requested.length, 2, `the expired link was asked for again once: ${requested.join(', ')}`)
    assert.notEqual(requested[1], requested[0])
    assert.equal((await fetch(requested[0])).status, 403)
    await waitLoaded(image)
    assert.equal(await image.getAttribute('src'), requested[1])
    await shot(page, 'photo-refreshed')
    assert.deepEqual(errors.filter((error) => !/403/.test(error)), [])
  })
})

describe('照片审核', () => {
  test('a photo the check is unsure of waits for staff of its community, who show it', async () => {
    const post = (path: string, openid: string, body: BodyInit, type = 'application/json') =>
      fetch(`${e2e.cloud.url}${path}`, { method: 'POST', headers: { 'x-wx-openid': openid, 'content-type': type }, body })
    const { fileID } = (await (await post('/api/storage/upload?cloudPath=wishes/review-stairs.png', 'demo-resident', new Blob([new Uint8Array(PNG)]), 'image/png')).json()) as { fileID: string }
    const created = (await (
      await post('/api/functions/wish', 'demo-resident', JSON.stringify({ action: 'create', title: '楼梯扶手松了', content: '3幢楼梯的扶手松动了，老人上下楼扶着不放心，希望有人来加固一下。', category: '生活帮扶', communityId: 'yulan', contactPhone: '13957500078', images: [fileID] }))
    ).json()) as { data: { _id: string } }
    const inQueue = () => e2e.cloud.store.find('wishes', { _id: created.data._id, 'images.status': 'review' }).length > 0
    for (let waited = 0; waited < 10_000 && !inQueue(); waited += 100) await new Promise((resolve) => setTimeout(resolve, 100))

    const { page, errors } = await e2e.open('demo-staff')
    await page.goto(`${e2e.cloud.url}/#/packages/staff/pages/index/index`)
    await page.getByText('1 张待审核').waitFor()
    await page.locator('.nut-cell', { hasText: '照片审核' }).click()
    const card = page.locator('[data-testid="review-photo"]', { hasText: '楼梯扶手松了' })
    await card.getByText('自动检查拿不准，需要人工判断').waitFor()
    await waitLoaded(card.locator('img'))
    await shot(page, 'photo-review-queue')
    await card.locator('.nut-button', { hasText: '通过，显示照片' }).click()
    await page.getByText('没有待审核的照片').waitFor()

    await page.goto(`${e2e.cloud.url}/#/packages/wish/pages/detail/index?id=${created.data._id}`)
    await waitLoaded(page.locator('[data-testid="wish-image"] img'))
    assert.deepEqual(errors, [])
  })
})

describe('a file that is not a photo', () => {
  test('is refused with a plain message, and nothing is added', async () => {
    const { page, errors } = await e2e.open('demo-resident')
    await page.goto(`${e2e.cloud.url}/#/packages/wish/pages/create/index`)
    await page.locator('[data-testid="title"]').waitFor()
    const chooser = page.waitForEvent('filechooser')
    await page.locator('.photo-picker__add').click()
    await (await chooser).setFiles({ name: '病历.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 not a photo') })
    await page.getByText('只能上传照片（JPG、PNG、WebP 或 GIF 格式）').waitFor()
    assert.equal(await page.locator('.photo-picker__thumb').count(), 0)
    // The upload was refused by the server (415): the browser logs that response, and nothing else went wrong.
    assert.deepEqual(errors.filter((e) => !/415/.test(e)), [])
  })
})
