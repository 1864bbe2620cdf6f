import { userInputs, type MyData, type Plain } from '@/domain/user/contract'
import { collections, db } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { INTERNAL_FIELDS, MY_DATA } from '../erasure/registry'

/** A stored value as the person reads it: dates as ISO strings, nested values kept. */
function plain(value: unknown): Plain {
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map(plain)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([key]) => !INTERNAL_FIELDS.includes(key)).map(([key, inner]) => [key, plain(inner)]))
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null
}

const pick = (doc: Record<string, unknown>, fields: string[]) =>
  Object.fromEntries(fields.map((path) => [path, path.split('.').reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), doc)]).filter(([, value]) => value !== undefined))

/**
 * 我的数据 (PIPL 第四十五条, 查阅、复制): everything the app keeps about the caller, from the same
 * registry 注销 uses, so nothing erased on 注销 is missing here. Read only; the app offers it as a file.
 */
export const myData = action({
  input: userInputs.myData,
  audience: 'anyone',
  async handler(_input, { openid }): Promise<MyData> {
    const sections = await Promise.all(
      MY_DATA.map(async (part) => {
        const { data } = await db.collection(collections[part.collection]).where(part.where(openid)).limit(100).get()
        const items = data.map((doc) => plain(part.fields ? pick(doc, part.fields) : doc) as { [key: string]: Plain })
        return { title: part.title, items }
      }),
    )
    return { generatedAt: new Date().toISOString(), sections }
  },
})
