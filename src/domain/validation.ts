import * as v from 'valibot'
import dayjs from 'dayjs'
import { DATE_PATTERN } from './dates'
import { AppError } from './errors'
import { cleanText } from './text'

/** Any valibot schema an action can declare as its input. */
export type InputSchema = v.GenericSchema<unknown, unknown>

/**
 * Validates untrusted input against a schema. On failure throws `INVALID_INPUT` carrying the
 * first message per field, so a form can show each beside its field.
 */
export function parseInput<S extends InputSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, withEveryKey(schema, input))
  if (result.success) return result.output
  const { fields, first } = describeIssues(result.issues)
  throw new AppError('INVALID_INPUT', first ?? '填写的信息有误，请检查后再试', fields)
}

/** The first message per field of whatever is wrong with `input` (empty when it is valid): forms. */
export function fieldErrors(schema: InputSchema, input: unknown): Record<string, string> {
  const result = v.safeParse(schema, withEveryKey(schema, input))
  return result.success ? {} : describeIssues(result.issues).fields
}

function describeIssues(issues: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]]): { fields: Record<string, string>; first?: string } {
  const flat = v.flatten(issues)
  const fields: Record<string, string> = {}
  for (const [path, messages] of Object.entries(flat.nested ?? {})) {
    // A bad list item is reported on its list (`skills`, not `skills.0`): that is the form field.
    const field = path.replace(/(\.\d+)+$/, '')
    if (Array.isArray(messages) && messages.length > 0 && !(field in fields)) fields[field] = String(messages[0])
  }
  return { fields, first: flat.root?.[0] ?? Object.values(fields)[0] }
}

/**
 * Valibot reports a missing key with a generic English message; a key present as `undefined`
 * gets the field's own message (请填写姓名). So every top-level key of the schema is made present.
 */
function withEveryKey(schema: InputSchema, input: unknown): unknown {
  const root = (schema as { pipe?: unknown[] }).pipe?.[0] ?? schema
  const entries = (root as { type?: string; entries?: Record<string, unknown> }).entries
  if (!entries || !input || typeof input !== 'object' || Array.isArray(input)) return input
  return { ...Object.fromEntries(Object.keys(entries).map((key) => [key, undefined])), ...input }
}

export const MAX_PAGE = 100

/** Field rules reused across areas, with their messages in plain Chinese. */
export const fields = {
  phone: (label = '手机号') =>
    v.pipe(v.string(`请填写${label}`), v.trim(), v.nonEmpty(`请填写${label}`), v.regex(/^1\d{10}$/, `${label}应为1开头的11位数字`)),
  text: (label: string, min: number, max: number) =>
    v.pipe(
      v.string(`请填写${label}`),
      v.transform(cleanText),
      v.trim(),
      v.nonEmpty(`请填写${label}`),
      v.minLength(min, `${label}至少${min}个字`),
      v.maxLength(max, `${label}最多${max}个字`),
    ),
  /** Text that may be left empty (a reason, a thank-you), cleaned like `text`. */
  optionalText: (label: string, max: number) =>
    v.optional(v.pipe(v.string(`${label}格式不正确`), v.transform(cleanText), v.trim(), v.maxLength(max, `${label}最多${max}个字`)), ''),
  date: (label: string) =>
    v.pipe(
      v.string(`请选择${label}`),
      v.nonEmpty(`请选择${label}`),
      v.regex(DATE_PATTERN, `${label}格式应为 年-月-日`),
      // A real calendar day: 2030-02-30 is refused, not rolled over to March.
      v.check((value) => dayjs(value).format('YYYY-MM-DD') === value, `${label}不是有效的日期`),
    ),
  /** A community picked from a list: missing means nobody picked one yet. */
  community: () => v.pipe(v.string('请选择社区'), v.trim(), v.nonEmpty('请选择社区'), v.maxLength(64, '请从列表中选择社区')),
  /** Photos uploaded to cloud storage (`cloud://…` file IDs), at most `max`. */
  photos: (max: number) =>
    v.optional(v.pipe(v.array(v.pipe(v.string('图片格式不正确'), v.regex(/^cloud:\/\/\S+$/, '图片格式不正确'), v.maxLength(300, '图片格式不正确')), '图片格式不正确'), v.maxLength(max, `最多上传${max}张图片`)), []),
  id: (label: string) => v.pipe(v.string(`${label}格式不正确`), v.trim(), v.minLength(1, `缺少${label}`), v.maxLength(64, `${label}格式不正确`)),
  // A deep page would make the database skip thousands of documents: refused, not scanned.
  page: v.optional(v.pipe(v.number('页码应为数字'), v.integer('页码应为整数'), v.minValue(1, '页码从 1 开始'), v.maxValue(MAX_PAGE, `最多翻到第 ${MAX_PAGE} 页，请用筛选缩小范围`)), 1),
  pageSize: v.optional(
    v.pipe(v.number('每页条数应为数字'), v.integer('每页条数应为整数'), v.minValue(1, '每页至少 1 条'), v.maxValue(50, '每页最多 50 条')),
    20,
  ),
}
