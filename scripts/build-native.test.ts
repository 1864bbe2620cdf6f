import fs from 'node:fs'
import { nativeBundles } from './build-native'

test('every committed native component bundle is up to date with its component.ts', () => {
  const bundles = nativeBundles()
  expect(bundles.length).toBeGreaterThan(0)
  for (const { file, contents } of bundles) expect(fs.readFileSync(file, 'utf8')).toBe(contents)
})
