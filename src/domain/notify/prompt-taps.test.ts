import fs from 'node:fs'
import path from 'node:path'
import { NOTIFY_KIND_NAMES } from './kinds'
import { MAX_TEMPLATES_PER_PROMPT } from './prompt'
import { PROMPT_TAP_NAMES, PROMPT_TAPS, tapsAsking } from './prompt-taps'

const SRC = path.resolve(__dirname, '..', '..')

async function appPages(): Promise<Set<string>> {
  Object.assign(globalThis, { defineAppConfig: <T>(config: T) => config })
  const config = (await import('../../app.config')).default as { pages: string[]; subPackages: Array<{ root: string; pages: string[] }> }
  return new Set([...config.pages, ...config.subPackages.flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))])
}

const pageSource = (page: string) => fs.readFileSync(path.join(SRC, `${page}.tsx`), 'utf8')

/**
 * The kind → page → control table. A kind no tap asks for can never be granted, so its WeChat
 * messages never go (issue #19: staff_todo, aed_alert and cert_reminder were such kinds).
 */
test.each(NOTIFY_KIND_NAMES.map((kind) => [kind, tapsAsking(kind).map((name) => `${PROMPT_TAPS[name].page} → ${PROMPT_TAPS[name].control}`).join('; ')]))(
  '%s is asked for by a tap: %s',
  (kind) => {
    expect(tapsAsking(kind).length).toBeGreaterThan(0)
  },
)

test('the kinds added by issue #19 are asked where they become useful', () => {
  expect(tapsAsking('staff_todo').map((name) => PROMPT_TAPS[name].page)).toEqual(['packages/staff/pages/index/index'])
  expect(tapsAsking('aed_alert').map((name) => PROMPT_TAPS[name].page).sort()).toEqual(['packages/aed/pages/detail/index', 'packages/staff/pages/aed-edit/index'])
  expect(tapsAsking('cert_reminder').map((name) => PROMPT_TAPS[name].page)).toEqual(['packages/lessons/pages/training/index'])
})

// wx.requestSubscribeMessage, tmplIds: "一次调用最多可订阅3条消息"
// https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html
test.each(PROMPT_TAP_NAMES)('tap %s asks for 1 to 3 different kinds (WeChat: at most 3 per prompt)', (name) => {
  const { kinds } = PROMPT_TAPS[name]
  expect(kinds.length).toBeGreaterThan(0)
  expect(kinds.length).toBeLessThanOrEqual(MAX_TEMPLATES_PER_PROMPT)
  expect(new Set(kinds).size).toBe(kinds.length)
})

test.each(PROMPT_TAP_NAMES)('tap %s is on a page of the app that asks by its name and shows its control', async (name) => {
  const { page, control } = PROMPT_TAPS[name]
  expect(await appPages()).toContain(page)
  const source = pageSource(page)
  expect(source).toContain(`requestSubscriptions('${name}')`)
  expect(source).toContain(control)
})

test('no page asks for subscriptions except through a named tap of the table', () => {
  const files: string[] = []
  const walk = (dir: string) =>
    fs.readdirSync(dir, { withFileTypes: true }).forEach((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : entry.name.endsWith('.tsx') && files.push(path.join(dir, entry.name))))
  walk(path.join(SRC, 'packages'))
  walk(path.join(SRC, 'pages'))
  const calls = files.flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(/requestSubscriptions\(([^)]*)\)/g)].map((match) => match[1]))
  expect(calls.length).toBeGreaterThanOrEqual(PROMPT_TAP_NAMES.length)
  for (const argument of calls) expect(PROMPT_TAP_NAMES.map((name) => `'${name}'`)).toContain(argument)
})
