import fs from 'node:fs'
import path from 'node:path'
import { BASE_LIBRARY_NEEDS, BROWSERSLIST, MIN_BASE_LIBRARY } from './platform-floor'

const root = path.resolve(__dirname, '..')
const version = (v: string) => v.split('.').map(Number)
const newer = (a: string, b: string) => {
  const [x, y] = [version(a), version(b)]
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] > y[i]
  return false
}

test('the minimum base library is the highest minimum of any API the app depends on', () => {
  const highest = BASE_LIBRARY_NEEDS.map((need) => need.since).reduce((a, b) => (newer(b, a) ? b : a))
  expect(MIN_BASE_LIBRARY).toBe(highest)
})

test("package.json's browserslist is the floor's, for the tools that read it there", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { browserslist: string[] }
  expect(pkg.browserslist).toEqual(BROWSERSLIST)
})

test("babel transpiles to the floor's targets", () => {
  const config = require(path.join(root, 'babel.config.js')) as { presets: Array<[string, { targets?: unknown }]> }
  const taro = config.presets.find(([name]) => name === 'taro')
  expect(taro?.[1].targets).toEqual(BROWSERSLIST)
})

test('WeChat DevTools runs the app on the floor base library (project.config.json libVersion), so a newer API shows up while developing', () => {
  const project = JSON.parse(fs.readFileSync(path.join(root, 'project.config.json'), 'utf8')) as { libVersion: string; setting: { es6: boolean } }
  expect(project.libVersion).toBe(MIN_BASE_LIBRARY)
  // DevTools uploads the build as it is: the syntax check (scripts/check-weapp.ts) is the whole guard.
  expect(project.setting.es6).toBe(false)
})
