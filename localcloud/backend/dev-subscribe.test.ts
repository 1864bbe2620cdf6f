import { startTestCloud, type TestCloud } from '../testing'

/**
 * WeChat's side of one-time subscriptions: the person answers wx.requestSubscribeMessage in the
 * WeChat client, which the server never sees. On H5 the app posts those answers here instead.
 * https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html
 */
let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())

const subscribe = (body: unknown, openid = 'wx-subscriber') =>
  fetch(`${cloud.url}/api/dev/subscribe`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': openid }, body: JSON.stringify(body) })

test('each accepted template lets exactly one message through; rejected ones none', async () => {
  const response = await subscribe({ results: { 'tmpl-a': 'accept', 'tmpl-b': 'reject' } })
  expect(response.status).toBe(200)
  expect(await response.json()).toEqual({ ok: true })
  expect([cloud.grants.spend('wx-subscriber', 'tmpl-a'), cloud.grants.spend('wx-subscriber', 'tmpl-a')]).toEqual([true, false])
  expect(cloud.grants.spend('wx-subscriber', 'tmpl-b')).toBe(false)
})

test.each([
  ['no caller', { results: { t: 'accept' } }, ''],
  ['an unknown answer', { results: { t: 'maybe' } }, 'wx-subscriber'],
  ['more than 3 templates in one request', { results: { a: 'accept', b: 'accept', c: 'accept', d: 'accept' } }, 'wx-subscriber'],
  ['no results', {}, 'wx-subscriber'],
])('%s is refused with 400', async (_name, body, openid) => {
  expect((await subscribe(body, openid)).status).toBe(400)
})

test('TestCloud.grantSubscriptions records grants directly', () => {
  cloud.grantSubscriptions('wx-direct', ['tmpl-c'])
  expect(cloud.grants.spend('wx-direct', 'tmpl-c')).toBe(true)
})
