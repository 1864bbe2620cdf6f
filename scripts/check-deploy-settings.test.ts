import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { localTemplateSetting } from '../src/domain/notify/deployment'
import { NOTIFY_KIND_NAMES } from '../src/domain/notify/kinds'
import { checkPrivacy, checkSenderSetting, checkTemplateSetting, settingLines } from './check-deploy'
import { privacyTable, privacyUses } from './privacy-items'

const made: string[] = []
afterAll(() => made.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })))

/** A folder of files, by relative path. */
function folder(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'check-settings-'))
  made.push(root)
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true })
    fs.writeFileSync(path.join(root, name), content)
  }
  return root
}

const ids = (prefix: string, except: string[] = []) => JSON.stringify(Object.fromEntries(NOTIFY_KIND_NAMES.filter((k) => !except.includes(k)).map((kind) => [kind, `${prefix}${kind}`])))

describe('NOTIFY_TEMPLATES of a deployment', () => {
  test('an id for every kind passes', () => {
    expect(checkTemplateSetting(ids('AbCdEf-'))).toEqual([])
  })

  test('a kind without an id fails, by name', () => {
    expect(checkTemplateSetting(ids('AbCdEf-', ['staff_todo', 'cert_reminder']))).toEqual(['no template id for cert_reminder, staff_todo'])
  })

  test('the local cloud\'s placeholder ids fail: WeChat would refuse every send', () => {
    expect(checkTemplateSetting(localTemplateSetting())).toEqual([`the local placeholder id for ${NOTIFY_KIND_NAMES.join(', ')}`])
  })

  test('unset, not JSON, or a misspelt kind fail with the reason', () => {
    expect(checkTemplateSetting(undefined)).toEqual(['NOTIFY_TEMPLATES is not set'])
    expect(checkTemplateSetting('wish_update=abc')[0]).toBe('NOTIFY_TEMPLATES is not valid JSON')
    expect(checkTemplateSetting(ids('x-').replace('"wish_update"', '"wishupdate"'))).toEqual([
      'NOTIFY_TEMPLATES names "wishupdate", which is not a kind of the catalogue',
      'no template id for wish_update',
    ])
  })

  test('without a value the line says it was not checked, never that it passed', () => {
    const [, templates] = settingLines({ distDir: folder({}), names: [], srcDir: path.resolve(__dirname, '..', 'src'), templates: null })
    expect(templates.skipped).toMatch(/^not checked/)
    const [, given] = settingLines({ distDir: folder({}), names: [], srcDir: path.resolve(__dirname, '..', 'src'), templates: { source: 'environment', value: ids('id-', ['aed_alert']) } })
    expect(given).toMatchObject({ problems: ['no template id for aed_alert'] })
    expect(given.skipped).toBeUndefined()
  })
})

describe('a function that sends reads the one setting', () => {
  const send = 'exports.main = async () => cloud.openapi.subscribeMessage.send({ templateId: id })'
  test('a bundle that sends and reads NOTIFY_TEMPLATES and MINIPROGRAM_STATE passes; one that does not send is not concerned', () => {
    expect(checkSenderSetting(folder({ 'index.js': `${send}; process.env.NOTIFY_TEMPLATES; process.env.MINIPROGRAM_STATE` }))).toEqual([])
    expect(checkSenderSetting(folder({ 'index.js': 'exports.main = async () => 1' }))).toEqual([])
  })

  test('a bundle that sends with per-kind variables fails', () => {
    expect(checkSenderSetting(folder({ 'index.js': `${send}; process.env.TEMPLATE_WISH_UPDATE` }))).toEqual([
      'sends subscribe messages without reading NOTIFY_TEMPLATES',
      'sends subscribe messages without reading MINIPROGRAM_STATE',
    ])
  })
})

// The items and their APIs: https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/miniprogram-intro.html
describe('用户隐私保护指引 items, from the source', () => {
  const appConfig = (requiredPrivateInfos: string[]) =>
    `export default defineAppConfig({ pages: ['pages/home/index'], subPackages: [{ root: 'packages/aed', pages: ['pages/map/index'] }], requiredPrivateInfos: ${JSON.stringify(requiredPrivateInfos)} })`
  const source = (requiredPrivateInfos: string[], extra: Record<string, string> = {}) =>
    folder({
      'app.config.ts': appConfig(requiredPrivateInfos),
      'pages/home/index.tsx': "import { pick } from '@/services/photos'\n// wx.getLocation is only mentioned here\nexport default () => pick",
      'packages/aed/pages/map/index.tsx': "import { here } from '../../../../services/place'\nexport default () => here",
      'services/photos.ts': "import Taro from '@tarojs/taro'\nexport const pick = () => Taro.chooseMedia({ count: 1 })",
      'services/place.ts': "import Taro from '@tarojs/taro'\nexport const here = () => Taro.getLocation({ type: 'gcj02' })",
      ...extra,
    })

  test('each API found gives its item and the pages that load it, through imports; comments do not count', () => {
    const src = source(['getLocation'])
    expect(privacyUses(src, { pages: ['pages/home/index'], subPackages: [{ root: 'packages/aed', pages: ['pages/map/index'] }] })).toEqual([
      { item: '收集你的位置信息', apis: ['getLocation'], pages: ['packages/aed/pages/map/index'], purpose: expect.any(String) },
      { item: '收集你选中的照片或视频信息', apis: ['chooseMedia'], pages: ['pages/home/index'], purpose: expect.any(String) },
    ])
    expect(checkPrivacy(src)).toEqual([])
  })

  test('a location API missing from requiredPrivateInfos fails', () => {
    expect(checkPrivacy(source([]))).toEqual(['getLocation is called but not listed in app.config requiredPrivateInfos'])
  })

  test('an item with no purpose written fails, and shows as such in the table', () => {
    const src = source(['getLocation'], { 'services/clip.ts': "import Taro from '@tarojs/taro'\nexport const copy = (data: string) => Taro.setClipboardData({ data })" })
    expect(checkPrivacy(src)).toEqual(['读取你的剪切板 (setClipboardData) has no purpose in scripts/privacy-items.ts'])
    expect(privacyTable(privacyUses(src, { pages: [] }))).toContain('| 读取你的剪切板 | `wx.setClipboardData` |  | （未填写用途） |')
  })

  test('WeChat components count too: the avatar button and the nickname input', () => {
    const src = source(['getLocation'], {
      'pages/home/profile.tsx': "export const P = () => <><Button openType='chooseAvatar' /><Input type={isWeapp ? 'nickname' : 'text'} /></>",
    })
    expect(privacyUses(src, { pages: [] })[0]).toMatchObject({ item: '收集你的昵称、头像', apis: ['open-type="chooseAvatar"', 'type="nickname"'] })
  })
})
