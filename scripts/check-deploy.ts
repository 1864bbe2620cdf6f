import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { parse } from 'acorn'
import { build } from 'esbuild'
import { parseTemplateSetting, placeholderKinds, STATE_VARIABLE, TEMPLATES_VARIABLE } from '../src/domain/notify/deployment'
import { NOTIFY_KINDS, NOTIFY_KIND_NAMES } from '../src/domain/notify/kinds'
import { FUNCTIONS_DIST_DIR, FUNCTIONS_SOURCE_DIR, functionNames } from '../localcloud/function-host'
import { loadManifest, MANIFEST_FILE, type DatabaseManifest } from '../localcloud/store/manifest'
import { NOT_AN_ENVIRONMENT } from '../config/cloud-env'
import { buildFunctions, readRootLock } from './build-functions'
import { lockfileProblems, SDK, type Lockfile } from './function-lockfile'
import { loadAppConfig, privacyTable, privacyUses, undeclaredLocationApis } from './privacy-items'

/**
 * `npm run check:deploy`: builds the functions and checks `dist/cloudfunctions` the way CloudBase
 * takes it on upload, so a deployment fails here and not in the console. Every check is a pure
 * function of a folder (tested on fixtures in check-deploy.test.ts). `--docs` prints the README's
 * generated deployment tables instead (deploy-docs.test.ts keeps them in step).
 */

const ROOT = path.resolve(__dirname, '..')
const SRC = path.join(ROOT, 'src')
/** The release build of the mini-program, which project.config.json's miniprogramRoot uploads. */
const WEAPP_RELEASE_DIR = path.join(ROOT, 'dist', 'weapp')

/**
 * CloudBase's limits for an event function: timeout 1–60 s, memory one of these sizes (MB).
 * https://docs.cloudbase.net/cli-v1/functions/configs ("函数超时时间,取值范围 1-60 秒";
 * "可选值: 128、256、512、1024、2048"). WeChat's getFuncConfig allows up to 300 s; the stricter
 * range is kept, since a function the app waits for must answer well within it anyway.
 */
export const TIMEOUT_RANGE = { min: 1, max: 60 } as const
export const MEMORY_SIZES: readonly number[] = [128, 256, 512, 1024, 2048]

type Json = Record<string, unknown>

function readJson(file: string): { value: Json } | { problem: string } {
  if (!fs.existsSync(file)) return { problem: `no ${path.basename(file)}` }
  try {
    const value: unknown = JSON.parse(fs.readFileSync(file, 'utf8'))
    if (value && typeof value === 'object' && !Array.isArray(value)) return { value: value as Json }
    return { problem: `${path.basename(file)} is not a JSON object` }
  } catch (error) {
    return { problem: `${path.basename(file)} is not valid JSON (${(error as Error).message})` }
  }
}

/**
 * The platform calls `index.main` (the default handler). Required in a separate Node process, as
 * CloudBase loads it: that runs the bundle's top level too, with `wx-server-sdk` from node_modules.
 */
export function checkEntry(folder: string): string[] {
  const file = path.join(folder, 'index.js')
  if (!fs.existsSync(file)) return ['no index.js']
  const probe = 'const m = require(process.argv[1]); process.stdout.write(typeof m.main); process.exit(0)'
  const child = spawnSync(process.execPath, ['-e', probe, file], { encoding: 'utf8', timeout: 60_000 })
  if (child.status !== 0) {
    const reason = child.error?.message ?? child.stderr.split('\n').find((line) => /^\w*Error\b/.test(line)) ?? `exit code ${child.status}`
    return [`index.js cannot be loaded: ${reason.trim()}`]
  }
  return child.stdout === 'function' ? [] : [`index.js exports main as ${child.stdout}, not a function`]
}

/**
 * 云端安装依赖 installs the folder's package.json: it must depend on `wx-server-sdk` only (the
 * bundle has everything else inlined), at exactly the version the local cloud runs and tests.
 */
export function checkPackage(folder: string, sdkVersion: string): string[] {
  const read = readJson(path.join(folder, 'package.json'))
  if ('problem' in read) return [read.problem]
  const problems: string[] = []
  if (!/^\d+\.\d+\.\d+$/.test(sdkVersion)) problems.push(`the root package.json pins wx-server-sdk as "${sdkVersion}", not an exact version`)
  const dependencies = (read.value.dependencies ?? {}) as Json
  const names = Object.keys(dependencies)
  const extra = names.filter((name) => name !== 'wx-server-sdk')
  if (extra.length > 0) problems.push(`depends on ${extra.join(', ')} besides wx-server-sdk`)
  if (!names.includes('wx-server-sdk')) problems.push('does not depend on wx-server-sdk')
  else if (dependencies['wx-server-sdk'] !== sdkVersion) problems.push(`wx-server-sdk ${String(dependencies['wx-server-sdk'])}, not ${sdkVersion} as in the root package.json`)
  for (const field of ['devDependencies', 'peerDependencies', 'optionalDependencies', 'bundledDependencies']) {
    if (field in read.value) problems.push(`has ${field}`)
  }
  return problems
}

/** `timeout` (whole seconds) and `memorySize` (MB) within CloudBase's limits (see TIMEOUT_RANGE). */
export function checkSettings(folder: string): string[] {
  const read = readJson(path.join(folder, 'config.json'))
  if ('problem' in read) return [read.problem]
  const { timeout, memorySize } = read.value
  const problems: string[] = []
  if (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < TIMEOUT_RANGE.min || timeout > TIMEOUT_RANGE.max) {
    problems.push(`timeout ${JSON.stringify(timeout)} is not whole seconds from ${TIMEOUT_RANGE.min} to ${TIMEOUT_RANGE.max}`)
  }
  if (typeof memorySize !== 'number' || !MEMORY_SIZES.includes(memorySize)) {
    problems.push(`memorySize ${JSON.stringify(memorySize)} is not one of ${MEMORY_SIZES.join(', ')}`)
  }
  return problems
}

/** Field ranges of CloudBase's cron: second minute hour day month week year. */
const CRON_FIELDS: ReadonlyArray<{ name: string; min: number; max: number; names?: readonly string[] }> = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  { name: 'week', min: 0, max: 6, names: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] },
  { name: 'year', min: 1970, max: 2099 },
]

/**
 * A timer trigger's cron: seven fields separated by spaces (second minute hour day month week
 * year), each `*`, values, ranges `a-b`, lists `a,b` and steps `/n`.
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/functions/triggers.html
 */
export function cronProblem(expression: string): string | null {
  const fields = expression.trim().split(/\s+/)
  if (fields.length !== 7) return `cron "${expression}" has ${fields.length} fields, not 7 (second minute hour day month week year)`
  for (const [i, field] of fields.entries()) {
    const spec = CRON_FIELDS[i]
    const value = (token: string) => {
      const upper = token.toUpperCase()
      const named = spec.names?.indexOf(upper) ?? -1
      if (named >= 0) return spec.name === 'month' ? named + 1 : named
      return /^\d+$/.test(token) ? Number(token) : NaN
    }
    for (const part of field.split(',')) {
      const [range, step, ...rest] = part.split('/')
      const bounds = range === '*' ? [] : range.split('-')
      const valid =
        rest.length === 0 &&
        (step === undefined || /^\d+$/.test(step)) &&
        bounds.length <= 2 &&
        bounds.map(value).every((n) => n >= spec.min && n <= spec.max)
      if (!valid) return `cron "${expression}": ${spec.name} field "${field}" is not valid (${spec.min}–${spec.max})`
    }
  }
  return null
}

/**
 * `triggers` in config.json, uploaded with 上传触发器: at most one, `type: "timer"`, a name of
 * ≤ 60 letters, digits, `-` or `_` starting with a letter, and a 7-field cron `config`.
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/functions/triggers.html
 */
export function checkTriggers(folder: string): string[] {
  const read = readJson(path.join(folder, 'config.json'))
  if ('problem' in read) return [read.problem]
  const { triggers } = read.value
  if (triggers === undefined) return []
  if (!Array.isArray(triggers)) return ['triggers is not a list']
  if (triggers.length > 1) return [`${triggers.length} triggers; CloudBase takes one per function`]
  return (triggers as Json[]).flatMap((trigger) => {
    const problems: string[] = []
    if (typeof trigger.name !== 'string' || !/^[A-Za-z][A-Za-z0-9_-]{0,59}$/.test(trigger.name)) problems.push(`trigger name ${JSON.stringify(trigger.name)} is not valid`)
    if (trigger.type !== 'timer') problems.push(`trigger type ${JSON.stringify(trigger.type)} is not "timer"`)
    const cron = typeof trigger.config === 'string' ? cronProblem(trigger.config) : 'trigger config is not a cron string'
    if (cron) problems.push(cron)
    return problems
  })
}

/** Every `openapi.<group>.<method>` the bundle calls (`cloud.openapi.subscribeMessage.send(…)`). */
export function openApisCalled(code: string): string[] {
  const found = new Set<string>()
  for (const match of code.matchAll(/\bopenapi\s*\.\s*([A-Za-z_$][\w$]*)\s*\.\s*([A-Za-z_$][\w$]*)/g)) found.add(`${match[1]}.${match[2]}`)
  return [...found].sort()
}

/**
 * `permissions.openapi` lists exactly the open APIs the bundle calls: a missing one fails on
 * CloudBase with -604101; an extra one grants more than the function needs.
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/openapi/openapi.html
 */
export function checkPermissions(folder: string): string[] {
  const entry = path.join(folder, 'index.js')
  if (!fs.existsSync(entry)) return ['no index.js']
  const read = readJson(path.join(folder, 'config.json'))
  if ('problem' in read) return [read.problem]
  const declared = ((read.value.permissions ?? {}) as Json).openapi ?? []
  if (!Array.isArray(declared) || !declared.every((name): name is string => typeof name === 'string')) return ['permissions.openapi is not a list of API names']
  const called = openApisCalled(fs.readFileSync(entry, 'utf8'))
  const missing = called.filter((api) => !declared.includes(api))
  const extra = declared.filter((api) => !called.includes(api))
  return [
    ...(missing.length ? [`calls ${missing.join(', ')} without permissions.openapi listing it`] : []),
    ...(extra.length ? [`permissions.openapi lists ${extra.join(', ')}, which it never calls`] : []),
  ]
}

/**
 * The bundle parses as a CommonJS script of ES2022: Node 16.13 (V8 9.4, CloudBase's Nodejs16.13)
 * has all of ES2022's syntax (class fields, `#x in o` since 16.4, static blocks since 16.11 —
 * https://node.green), but none of what came later (regexp `v` flag, duplicate named groups,
 * `using`, decorators). esbuild's `target: 'node16'` would lower or wrap those without failing,
 * so the check parses with acorn, which refuses syntax past the `ecmaVersion` it is given.
 */
export function checkSyntax(folder: string): string[] {
  const file = path.join(folder, 'index.js')
  if (!fs.existsSync(file)) return ['no index.js']
  try {
    parse(fs.readFileSync(file, 'utf8'), { ecmaVersion: 2022, sourceType: 'script', allowHashBang: true, allowReturnOutsideFunction: true })
    return []
  } catch (error) {
    return [`index.js is not Node 16 syntax: ${(error as Error).message}`]
  }
}

/**
 * 云端安装依赖 installs wx-server-sdk's tree at exactly the versions `npm test` ran: the folder's
 * package-lock.json matches the root lock for every package of that tree
 * (scripts/function-lockfile.ts has the sources).
 */
export function checkLockfile(folder: string, rootLock: Lockfile, sdkVersion: string): string[] {
  const read = readJson(path.join(folder, 'package-lock.json'))
  if ('problem' in read) return [read.problem]
  const pkg = readJson(path.join(folder, 'package.json'))
  const name = 'value' in pkg && typeof pkg.value.name === 'string' ? pkg.value.name : path.basename(folder)
  return lockfileProblems(read.value, rootLock, name, sdkVersion).map((problem) => `package-lock.json: ${problem}`)
}

/**
 * The mini-program in `weappDir` (what DevTools uploads) calls a real environment: it carries none
 * of the ids that are nobody's environment (config/cloud-env.ts). A folder not built yet passes
 * here; `main` says so.
 */
export function checkWeappEnvironment(weappDir: string): string[] {
  if (!fs.existsSync(weappDir)) return []
  const scripts = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? scripts(path.join(dir, entry.name)) : entry.name.endsWith('.js') ? [path.join(dir, entry.name)] : []))
  return scripts(weappDir).flatMap((file) => {
    const code = fs.readFileSync(file, 'utf8')
    return NOT_AN_ENVIRONMENT.filter((id) => code.includes(`"${id}"`) || code.includes(`'${id}'`)).map(
      (id) => `${path.relative(weappDir, file).split(path.sep).join('/')} calls the environment "${id}", a placeholder: rebuild with WX_CLOUD_ENV=<环境 ID> npm run build:weapp`,
    )
  })
}

const normalise = (folder: unknown) => (typeof folder === 'string' ? path.posix.normalize(folder.replace(/\\/g, '/')).replace(/^\.\//, '').replace(/\/$/, '') : folder)

/** WeChat DevTools opens the repo through project.config.json: the built app and functions. */
export function checkProject(root: string): string[] {
  const read = readJson(path.join(root, 'project.config.json'))
  if ('problem' in read) return [read.problem]
  const problems: string[] = []
  const { cloudfunctionRoot, miniprogramRoot } = read.value
  if (normalise(cloudfunctionRoot) !== 'dist/cloudfunctions') problems.push(`cloudfunctionRoot is ${JSON.stringify(cloudfunctionRoot)}, not "dist/cloudfunctions/"`)
  if (normalise(miniprogramRoot) !== 'dist/weapp') problems.push(`miniprogramRoot is ${JSON.stringify(miniprogramRoot)}, not "dist/weapp/"`)
  return problems
}

/**
 * The manifest declares exactly the collections the functions use: one used but not declared
 * would not be created (DATABASE_COLLECTION_NOT_EXIST in production); one declared but unused
 * is a collection a deployer creates for nothing.
 */
export function checkCollections(manifestFile: string, used: readonly string[]): string[] {
  const declared = Object.keys(loadManifest(manifestFile).collections)
  return [
    ...used.filter((name) => !declared.includes(name)).map((name) => `${name} is used by the functions but not declared in ${path.basename(manifestFile)}`),
    ...declared.filter((name) => !used.includes(name)).map((name) => `${name} is declared in ${path.basename(manifestFile)} but no function uses it`),
  ]
}

/**
 * CloudBase creates at most 20 indexes in one collection (WeChat docs, 云开发 → 配额: "Maximum
 * number of indexes in a single collection in the database: 20",
 * https://developers.weixin.qq.com/minigame/en/dev/wxcloud/basis/concepts/quota.html); the `_id`
 * index every collection has is counted too, as nothing says it is not.
 */
export const MAX_INDEXES_PER_COLLECTION = 20

export function checkIndexCount(manifestFile: string): string[] {
  return Object.entries(loadManifest(manifestFile).collections)
    .filter(([, { indexes }]) => indexes.length + 1 > MAX_INDEXES_PER_COLLECTION)
    .map(([name, { indexes }]) => `${name} declares ${indexes.length} indexes; with _id that is more than CloudBase's ${MAX_INDEXES_PER_COLLECTION} per collection`)
}

// ---- Subscribe messages and privacy: what a deployment must configure besides the code ----

/**
 * A deployment's `NOTIFY_TEMPLATES` value (domain/notify/deployment): one usable id for every
 * kind of the catalogue, none of them the local cloud's placeholders. A kind without an id sends
 * no WeChat message (staff see it in 工作台); a placeholder would be refused by WeChat (40037).
 */
export function checkTemplateSetting(raw: string | undefined): string[] {
  const setting = parseTemplateSetting(raw)
  const placeholders = placeholderKinds(setting)
  return [
    ...setting.problems,
    ...(setting.missing.length > 0 && raw !== undefined ? [`no template id for ${setting.missing.join(', ')}`] : []),
    ...(placeholders.length > 0 ? [`the local placeholder id for ${placeholders.join(', ')}`] : []),
  ]
}

/**
 * A bundle that sends subscribe messages reads its template ids and the version to open from the
 * one setting (`NOTIFY_TEMPLATES`, `MINIPROGRAM_STATE`), never from per-kind variables.
 */
export function checkSenderSetting(folder: string): string[] {
  const file = path.join(folder, 'index.js')
  if (!fs.existsSync(file)) return ['no index.js']
  const code = fs.readFileSync(file, 'utf8')
  if (!openApisCalled(code).includes('subscribeMessage.send')) return []
  return [TEMPLATES_VARIABLE, STATE_VARIABLE].filter((name) => !code.includes(name)).map((name) => `sends subscribe messages without reading ${name}`)
}

/**
 * Every 用户隐私保护指引 item the source needs has its purpose written (README table), and every
 * location API it calls is listed in app.json `requiredPrivateInfos` (WeChat refuses it otherwise).
 * https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/miniprogram-intro.html
 * https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html#requiredPrivateInfos
 */
export function checkPrivacy(srcDir: string): string[] {
  const config = loadAppConfig(srcDir)
  return [
    ...privacyUses(srcDir, config).filter((use) => !use.purpose).map((use) => `${use.item} (${use.apis.join(', ')}) has no purpose in scripts/privacy-items.ts`),
    ...undeclaredLocationApis(srcDir, config.requiredPrivateInfos ?? []).map((api) => `${api} is called but not listed in app.config requiredPrivateInfos`),
  ]
}

export type SettingLine = ChecklistLine & { skipped?: string }

/** The deployment-setting lines of the checklist; the template value only when one is given. */
export function settingLines(options: { distDir: string; names: string[]; srcDir: string; templates: { source: string; value: string | undefined } | null }): SettingLine[] {
  const { distDir, names, srcDir, templates } = options
  return [
    {
      title: `functions that send read ${TEMPLATES_VARIABLE} and ${STATE_VARIABLE}`,
      problems: names.flatMap((name) => checkSenderSetting(path.join(distDir, name)).map((problem) => `${name}: ${problem}`)),
    },
    templates
      ? { title: `${TEMPLATES_VARIABLE} (${templates.source}) has an id for each of the ${NOTIFY_KIND_NAMES.length} kinds`, problems: checkTemplateSetting(templates.value) }
      : {
          title: `${TEMPLATES_VARIABLE} of the deployment has an id for each of the ${NOTIFY_KIND_NAMES.length} kinds`,
          problems: [],
          skipped: `not checked: give the value set on the functions with ${TEMPLATES_VARIABLE}='{…}' npm run check:deploy, or --templates <file.json>`,
        },
    { title: 'every privacy API has its 用户隐私保护指引 purpose, location APIs are in requiredPrivateInfos', problems: checkPrivacy(srcDir) },
  ]
}

export type ChecklistLine = { title: string; problems: string[] }

/** The checklist over built function folders: one line per check, its problems per function. */
export function runChecklist(options: { distDir: string; names: string[]; sdkVersion: string; root: string; manifestFile: string; usedCollections: string[]; rootLock: Lockfile; weappDir: string }): ChecklistLine[] {
  const { distDir, names, sdkVersion, root, manifestFile, usedCollections, rootLock, weappDir } = options
  const perFunction = (title: string, check: (folder: string) => string[]): ChecklistLine => ({
    title: `${title} (${names.length} functions)`,
    problems: names.flatMap((name) => check(path.join(distDir, name)).map((problem) => `${name}: ${problem}`)),
  })
  return [
    perFunction('index.js exports main', checkEntry),
    perFunction('index.js is Node.js 16.13 syntax', checkSyntax),
    perFunction(`package.json depends on wx-server-sdk ${sdkVersion} only`, (folder) => checkPackage(folder, sdkVersion)),
    perFunction(`package-lock.json pins ${SDK}'s tree at the versions npm test ran`, (folder) => checkLockfile(folder, rootLock, sdkVersion)),
    perFunction(`config.json timeout ${TIMEOUT_RANGE.min}–${TIMEOUT_RANGE.max} s and memorySize ${MEMORY_SIZES.join('/')} MB`, checkSettings),
    perFunction('timer triggers: one per function, 7-field cron', checkTriggers),
    perFunction('permissions.openapi lists exactly the open APIs the bundle calls', checkPermissions),
    { title: 'project.config.json points at dist/weapp and dist/cloudfunctions', problems: checkProject(root) },
    { title: 'cloudfunctions/database.json declares exactly the collections the functions use', problems: checkCollections(manifestFile, usedCollections) },
    { title: `every collection has at most ${MAX_INDEXES_PER_COLLECTION} indexes, _id included`, problems: checkIndexCount(manifestFile) },
    { title: 'dist/weapp calls a real cloud environment, not a placeholder id', problems: checkWeappEnvironment(weappDir) },
  ]
}

// ---- README tables, generated from the sources they describe ----

const DIRECTION: Record<string, string> = { '1': '升序', '-1': '降序', '2dsphere': '地理位置' }

/** Collections, their 数据权限 and indexes of the manifest, as the CloudBase console asks for them. */
export function collectionTable(manifest: DatabaseManifest): string {
  const rows = Object.entries(manifest.collections).flatMap(([collection, { indexes, clientRead }]) => {
    const permission = clientRead ? '所有用户可读' : '所有用户不可读写'
    return indexes.length === 0
      ? [`| \`${collection}\` | ${permission} | — | 只用默认的 \`_id\` 索引 |  |`]
      : indexes.map((index, i) => {
          const fields = Object.entries(index.keys).map(([field, direction]) => `\`${field}\` ${DIRECTION[String(direction)]}`)
          return `| \`${collection}\` | ${i === 0 ? permission : ''} | \`${index.name}\` | ${fields.join('，')} | ${index.unique ? '唯一' : ''} |`
        })
  })
  return ['| 集合 | 数据权限 | 索引名称 | 索引字段（按顺序） | 唯一 |', '|---|---|---|---|---|', ...rows].join('\n')
}

type FunctionConfigFile = { timeout?: number; memorySize?: number; permissions?: { openapi?: string[] }; triggers?: Array<{ name?: string; config?: string }> }

/**
 * The function whose bundle includes the notification kit (cloudfunctions/_kit/notify.ts), and
 * so reads `NOTIFY_TEMPLATES` and `MINIPROGRAM_STATE`.
 */
export async function functionsReadingTemplates(names: string[]): Promise<Set<string>> {
  const readers = new Set<string>()
  for (const name of names) {
    const { metafile } = await build({
      entryPoints: [path.join(FUNCTIONS_SOURCE_DIR, name, 'index.ts')],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'cjs',
      external: ['wx-server-sdk'],
      tsconfig: path.join(ROOT, 'tsconfig.json'),
      logLevel: 'silent',
    })
    if (Object.keys(metafile.inputs).some((input) => input.replace(/\\/g, '/').endsWith('cloudfunctions/_kit/notify.ts'))) readers.add(name)
  }
  return readers
}

/** Each function's settings, from its own config.json (the build copies it as is). */
export function functionTable(sourceDir: string, names: string[], templateReaders: Set<string>): string {
  const rows = names.map((name) => {
    const file = path.join(sourceDir, name, 'config.json')
    const config: FunctionConfigFile = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as FunctionConfigFile) : {}
    const apis = config.permissions?.openapi ?? []
    const trigger = (config.triggers ?? []).map((t) => `\`${t.name ?? ''}\` \`${t.config ?? ''}\``).join('<br>')
    return `| \`${name}\` | ${config.timeout ?? '—'} | ${config.memorySize ?? '—'} | ${apis.map((api) => `\`${api}\``).join('<br>') || '—'} | ${trigger || '—'} | ${templateReaders.has(name) ? '需要' : '—'} |`
  })
  return ['| 函数 | 超时（秒） | 内存（MB） | 云调用权限 `permissions.openapi` | 定时触发器 | 环境变量 `NOTIFY_TEMPLATES`、`MINIPROGRAM_STATE` |', '|---|---|---|---|---|---|', ...rows].join('\n')
}

/** WeChat's value rules per field type, as shown when choosing a template's keywords. */
const FIELD_TYPES: Record<string, string> = {
  thing: '事物，≤ 20 个字符',
  phrase: '汉字，≤ 5 个汉字',
  time: '时间',
  date: '日期',
  name: '姓名，≤ 10 个汉字',
  number: '数字，≤ 32 位',
  character_string: '字符串，≤ 32 位',
}

/** The subscribe templates to choose in 公众平台, their keyword keys, and their key in `NOTIFY_TEMPLATES`. */
export function templateTable(): string {
  const rows = NOTIFY_KIND_NAMES.map((kind) => {
    const spec = NOTIFY_KINDS[kind]
    const keys = Object.keys(spec.fields).map((key) => {
      const type = key.replace(/\d+$/, '')
      return `\`${key}\`（${FIELD_TYPES[type] ?? type}）`
    })
    return `| ${spec.title} | ${keys.join('<br>')} | \`${kind}\` |`
  })
  return ['| 模板（公众平台 → 订阅消息） | 关键词的键名，必须一字不差 | 模板 ID 在 `NOTIFY_TEMPLATES` 中的键 |', '|---|---|---|', ...rows].join('\n')
}

export type DocsSection = 'collections' | 'functions' | 'templates' | 'privacy'

/** The generated tables, by the name of their README markers `<!-- deploy:<name>:start/end -->`. */
export async function docsSections(): Promise<Record<DocsSection, string>> {
  const names = functionNames()
  return {
    collections: collectionTable(loadManifest(MANIFEST_FILE)),
    functions: functionTable(FUNCTIONS_SOURCE_DIR, names, await functionsReadingTemplates(names)),
    templates: templateTable(),
    privacy: privacyTable(privacyUses(SRC, loadAppConfig(SRC))),
  }
}

/** The text between a section's markers in the README, trimmed; null without the markers. */
export function readmeSection(readme: string, name: DocsSection): string | null {
  const start = `<!-- deploy:${name}:start -->`
  const end = `<!-- deploy:${name}:end -->`
  const from = readme.indexOf(start)
  const to = readme.indexOf(end)
  return from < 0 || to < from ? null : readme.slice(from + start.length, to).trim()
}

async function main(): Promise<void> {
  if (process.argv.includes('--docs')) {
    for (const [name, table] of Object.entries(await docsSections())) console.log(`<!-- deploy:${name}:start -->\n${table}\n<!-- deploy:${name}:end -->\n`)
    return
  }
  console.log('check:deploy — building the functions, then checking dist/cloudfunctions as CloudBase takes it\n')
  await buildFunctions()
  const rootPackage = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
  // Imported only here: the module initialises wx-server-sdk, which the pure checks never need.
  const { collections } = await import('../cloudfunctions/_kit/cloud')
  const lines = runChecklist({
    distDir: FUNCTIONS_DIST_DIR,
    names: functionNames(),
    sdkVersion: rootPackage.dependencies['wx-server-sdk'],
    root: ROOT,
    manifestFile: MANIFEST_FILE,
    usedCollections: Object.values(collections),
    rootLock: readRootLock(),
    weappDir: WEAPP_RELEASE_DIR,
  })
  const templatesFile = process.argv.includes('--templates') ? process.argv[process.argv.indexOf('--templates') + 1] : undefined
  const templates = templatesFile
    ? { source: templatesFile, value: fs.existsSync(templatesFile) ? fs.readFileSync(templatesFile, 'utf8') : undefined }
    : process.env[TEMPLATES_VARIABLE] !== undefined
      ? { source: 'environment', value: process.env[TEMPLATES_VARIABLE] }
      : null
  const settings = settingLines({ distDir: FUNCTIONS_DIST_DIR, names: functionNames(), srcDir: SRC, templates })
  const all: SettingLine[] = [...lines, ...settings]
  for (const { title, problems, skipped } of all) {
    console.log(`${skipped ? '–' : problems.length === 0 ? '✓' : '✗'} ${title}`)
    if (skipped) console.log(`    ${skipped}`)
    for (const problem of problems) console.log(`    ${problem}`)
  }
  const checked = [...lines, ...settings.filter((line) => !line.skipped)]
  const failed = checked.filter((line) => line.problems.length > 0).length
  console.log(`\n${checked.length - failed} of ${checked.length} checks passed${failed ? `; ${failed} failed` : ''}.`)
  const appid = readJson(path.join(ROOT, 'project.config.json'))
  if (!fs.existsSync(WEAPP_RELEASE_DIR)) console.log('Note: dist/weapp is not built yet; build it with WX_CLOUD_ENV=<环境 ID> npm run build:weapp, then run this again before uploading.')
  if ('value' in appid && appid.value.appid === 'touristappid') console.log('Note: project.config.json has the test AppID "touristappid"; put your own before uploading (README, Deploying to WeChat).')
  if (failed) process.exitCode = 1
}

if (createRequire(__filename).main === module) {
  main().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
