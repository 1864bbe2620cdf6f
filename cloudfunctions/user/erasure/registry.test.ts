import fs from 'node:fs'
import path from 'node:path'
import { collections } from '../../_kit/cloud'
import { startTestCloud, type TestCloud } from '../../../localcloud/testing'
import { MY_DATA, PERSONAL_DATA, type CollectionName } from './registry'

/** PIPL 第四十七条: 注销 must reach every collection that holds a person; the registry is checked against the manifest. */
const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../database.json'), 'utf8')) as { collections: Record<string, unknown> }

test('every collection of database.json is in the registry, and nothing else', () => {
  expect(Object.keys(PERSONAL_DATA).sort()).toEqual(Object.keys(manifest.collections).sort())
  expect(Object.keys(collections).sort()).toEqual(Object.keys(manifest.collections).sort())
})

test('an entry sharing another\'s eraser names one that has it', () => {
  for (const [name, entry] of Object.entries(PERSONAL_DATA)) {
    if ('shared' in entry && entry.shared) expect([name, 'run' in PERSONAL_DATA[entry.shared]]).toEqual([name, true])
  }
})

test('我的数据 (PIPL 第四十五条) shows every collection 注销 erases', () => {
  const erased = Object.entries(PERSONAL_DATA).filter(([, entry]) => 'run' in entry || 'tombstone' in entry).map(([name]) => name)
  expect(erased.filter((name) => !MY_DATA.some((part) => part.collection === name))).toEqual([])
})

describe('a collection said to hold nothing personal holds no openid or phone', () => {
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud()
  })
  afterAll(() => cloud.stop())

  const personalKeys = (value: unknown, found: string[] = [], at = ''): string[] => {
    if (Array.isArray(value)) value.forEach((item) => personalKeys(item, found, at))
    else if (value && typeof value === 'object' && !(value instanceof Date)) {
      for (const [key, inner] of Object.entries(value)) {
        if (/openid|phone/i.test(key) && inner) found.push(`${at}${key}`)
        personalKeys(inner, found, `${at}${key}.`)
      }
    }
    return found
  }

  test.each(Object.entries(PERSONAL_DATA).filter(([, entry]) => entry.holds === 'nothing personal').map(([name]) => name as CollectionName))('%s', (name) => {
    expect(cloud.docs(name).flatMap((doc) => personalKeys(doc))).toEqual([])
  })

  test('the check finds personal keys where they are (it is not vacuous)', () => {
    expect(cloud.docs('wishes').flatMap((doc) => personalKeys(doc))).toContain('ownerOpenid')
  })
})
