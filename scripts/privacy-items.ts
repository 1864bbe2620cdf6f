import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import { transformSync } from 'esbuild'

/**
 * 用户隐私保护指引: every privacy API (or component) the app uses, the item of the guide it needs,
 * and the pages that reach it, found in the source the weapp build compiles. An API used without
 * its item in 公众平台 → 设置 → 服务内容声明 → 用户隐私保护指引 is disabled by WeChat.
 *
 * WeChat's list of which API needs which item ("隐私接口与对应的处理的信息关系"):
 * https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/miniprogram-intro.html
 */
export const PRIVACY_ITEMS: ReadonlyArray<{ item: string; apis: readonly string[] }> = [
  { item: '收集你的昵称、头像', apis: ['open-type="chooseAvatar"', 'type="nickname"', 'getUserInfo', 'getUserProfile'] },
  { item: '收集你的位置信息', apis: ['getLocation', 'startLocationUpdate', 'startLocationUpdateBackground', 'getFuzzyLocation', 'moveToLocation', "scope.userLocation"] },
  { item: '收集你选择的位置信息', apis: ['choosePoi', 'chooseLocation'] },
  { item: '收集你的地址', apis: ['chooseAddress'] },
  { item: '收集你的发票信息', apis: ['chooseInvoiceTitle', 'chooseInvoice'] },
  { item: '收集你的微信运动步数', apis: ['getWeRunData'] },
  { item: '收集你的手机号', apis: ['open-type="getPhoneNumber"', 'open-type="getRealtimePhoneNumber"'] },
  { item: '收集你的车牌号', apis: ['chooseLicensePlate'] },
  { item: '收集你选中的照片或视频信息', apis: ['chooseImage', 'chooseMedia', 'chooseVideo'] },
  { item: '收集你选中的文件', apis: ['chooseMessageFile'] },
  { item: '访问你的麦克风', apis: ['startRecord', 'getRecorderManager', 'joinVoIPChat', '<live-pusher>'] },
  { item: '访问你的摄像头', apis: ['createVKSession', '<camera>', '<voip-room>'] },
  { item: '访问你的蓝牙', apis: ['openBluetoothAdapter', 'createBLEPeripheralServer'] },
  { item: '使用你的相册（仅写入）权限', apis: ['saveImageToPhotosAlbum', 'saveVideoToPhotosAlbum'] },
  { item: '使用你的通讯录（仅写入）权限', apis: ['addPhoneContact'] },
  { item: '使用你的日历（仅写入）权限', apis: ['addPhoneRepeatCalendar', 'addPhoneCalendar'] },
  { item: '调用你的加速传感器', apis: ['startAccelerometer'] },
  { item: '调用你的磁场传感器', apis: ['startCompass'] },
  { item: '调用你的方向传感器', apis: ['startDeviceMotionListening'] },
  { item: '调用你的陀螺仪传感器', apis: ['startGyroscope'] },
  { item: '读取你的剪切板', apis: ['setClipboardData', 'getClipboardData'] },
]

/**
 * What to write as the purpose (用途) of each item this app uses: WeChat shows it as "为了…".
 * An item the source starts to use without a purpose here fails the README test.
 */
export const PRIVACY_PURPOSES: Readonly<Record<string, string>> = {
  '收集你的昵称、头像': '在个人资料中显示您的昵称和头像',
  '收集你的位置信息': '查找离您最近的AED和附近的志愿活动，在活动现场签到、签退时确认您在活动地点附近，以及发起紧急呼时告诉附近救护员病人的位置',
  '收集你选择的位置信息': '在地图上选择AED或活动的位置，按您选择的地点查找附近的AED，以及选择您接收紧急呼的地点',
  '收集你选中的照片或视频信息': '上传心愿、AED、问题报告、课程和救护员证的照片、志愿服务证明的公章图片以及头像',
  '收集你选中的文件': '工作人员导入本站已有的AED、会员、志愿者和互助金表格',
  '使用你的相册（仅写入）权限': '把志愿服务证明、救护员证等图片保存到您的相册',
}

/** WeChat's 8 location APIs that must be listed in app.json `requiredPrivateInfos` before use. */
export const REQUIRED_PRIVATE_INFOS = ['getFuzzyLocation', 'getLocation', 'onLocationChange', 'startLocationUpdate', 'startLocationUpdateBackground', 'chooseAddress', 'choosePoi', 'chooseLocation'] as const

const pattern = (api: string): RegExp => {
  if (api.startsWith('<')) return new RegExp(`<${api.slice(1, -1).replace(/-(\w)/g, (_m, c: string) => `[-]?${c}`)}\\b`, 'i')
  const attribute = /^([\w-]+)="(\w+)"$/.exec(api)
  if (attribute) {
    // JSX writes open-type="x" as openType='x' (or the attribute as in WXML).
    const [, name, value] = attribute
    const camel = name.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase())
    return new RegExp(`\\b(?:${name}|${camel})=\\{?(?:isWeapp \\? )?['"]${value}['"]`)
  }
  if (api.startsWith('scope.')) return new RegExp(`authorize\\(\\{\\s*scope:\\s*['"]${api.replace('.', '\\.')}['"]`)
  return new RegExp(`\\b(?:Taro|wx)\\.${api}\\b|\\.${api}\\(`)
}

/** Comments say "wx.chooseLocation" in prose; only code counts. */
const stripComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"])\/\/.*$/gm, '$1')

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return /\.(tsx?|jsx?)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : []
  })
}

/** The file an import names (`@/x` is `src/x`), if it is part of the source. */
function resolveImport(srcDir: string, from: string, specifier: string): string | undefined {
  const base = specifier.startsWith('@/') ? path.join(srcDir, specifier.slice(2)) : specifier.startsWith('.') ? path.resolve(path.dirname(from), specifier) : undefined
  if (!base) return undefined
  return ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => base + ext).find((file) => fs.existsSync(file) && fs.statSync(file).isFile())
}

type AppConfig = { pages: string[]; subPackages?: Array<{ root: string; pages: string[] }> }

/** The pages of app.config, each with every source file it loads (imports followed through). */
function pagesWithFiles(srcDir: string, config: AppConfig): Map<string, Set<string>> {
  const imports = new Map<string, string[]>()
  const importsOf = (file: string) => {
    if (!imports.has(file)) {
      const code = fs.readFileSync(file, 'utf8')
      const specifiers = [...code.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2])
      imports.set(file, specifiers.map((s) => resolveImport(srcDir, file, s)).filter((f): f is string => !!f))
    }
    return imports.get(file) ?? []
  }
  const pages = [...config.pages, ...(config.subPackages ?? []).flatMap(({ root, pages: sub }) => sub.map((page) => `${root}/${page}`))]
  const result = new Map<string, Set<string>>()
  for (const page of pages) {
    const entry = resolveImport(srcDir, path.join(srcDir, 'app.ts'), `@/${page}`)
    const seen = new Set<string>()
    const queue = entry ? [entry] : []
    while (queue.length > 0) {
      const file = queue.pop() as string
      if (seen.has(file)) continue
      seen.add(file)
      queue.push(...importsOf(file))
    }
    result.set(page, seen)
  }
  return result
}

export type PrivacyUse = { item: string; apis: string[]; pages: string[]; purpose: string | undefined }

/** Every item of the guide the source needs, with the APIs found and the pages that load them. */
export function privacyUses(srcDir: string, config: AppConfig): PrivacyUse[] {
  const files = sourceFiles(srcDir).map((file) => ({ file, code: stripComments(fs.readFileSync(file, 'utf8')) }))
  const pages = pagesWithFiles(srcDir, config)
  return PRIVACY_ITEMS.flatMap(({ item, apis }) => {
    const found = apis.map((api) => ({ api, files: files.filter(({ code }) => pattern(api).test(code)).map(({ file }) => file) })).filter(({ files: using }) => using.length > 0)
    if (found.length === 0) return []
    const using = new Set(found.flatMap(({ files: f }) => f))
    const reaching = [...pages].filter(([, loaded]) => [...loaded].some((file) => using.has(file))).map(([page]) => page)
    return [{ item, apis: found.map(({ api }) => api), pages: reaching, purpose: PRIVACY_PURPOSES[item] }]
  })
}

/** The location APIs the source calls that app.json `requiredPrivateInfos` does not list (WeChat refuses them). */
export function undeclaredLocationApis(srcDir: string, requiredPrivateInfos: readonly string[]): string[] {
  const code = sourceFiles(srcDir).map((file) => stripComments(fs.readFileSync(file, 'utf8'))).join('\n')
  return REQUIRED_PRIVATE_INFOS.filter((api) => pattern(api).test(code) && !requiredPrivateInfos.includes(api))
}

const apiLabel = (api: string) => (api.startsWith('<') || api.includes('=') || api.startsWith('scope.') ? `\`${api}\`` : `\`wx.${api}\``)

/** The README table: item to tick, what uses it, where, and the purpose to write. */
export function privacyTable(uses: PrivacyUse[]): string {
  const rows = uses.map(({ item, apis, pages, purpose }) => `| ${item} | ${apis.map(apiLabel).join('<br>')} | ${pages.map((page) => `\`${page}\``).join('<br>')} | ${purpose ?? '（未填写用途）'} |`)
  return ['| 用户隐私保护指引中勾选 | 接口或组件 | 加载它的页面 | 用途（填写“为了……”之后的文字） |', '|---|---|---|---|', ...rows].join('\n')
}

/** src/app.config.ts as the build reads it (`export default defineAppConfig({...})`). */
export function loadAppConfig(srcDir: string): AppConfig & { requiredPrivateInfos?: string[] } {
  const file = path.join(srcDir, 'app.config.ts')
  const { code } = transformSync(fs.readFileSync(file, 'utf8'), { loader: 'ts', format: 'cjs' })
  const module = { exports: {} as { default?: AppConfig } }
  vm.runInNewContext(code, { module, exports: module.exports, defineAppConfig: (config: AppConfig) => config })
  if (!module.exports.default) throw new Error(`${file} has no default export`)
  return module.exports.default
}
