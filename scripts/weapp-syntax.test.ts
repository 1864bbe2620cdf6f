import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'acorn'
import { buildProblems, regexFeatures, scriptProblems } from './weapp-syntax'

// The floor is ES2015 syntax and ES2015 regular expressions (config/platform-floor.js): iOS's
// JavaScriptCore parses `?.` / `??` from iOS 13.4 and regex lookbehind from iOS 16.4
// (https://webkit.org/blog/13966/webkit-features-in-safari-16-4/).

const features = (code: string) => scriptProblems(code, 'x.js').map((p) => p.feature)

test('a clean ES2015 script has no problems', () => {
  const code = [
    "'use strict'",
    'const add = (a, b) => a + b',
    'class A extends Object { *items() { yield* [1, 2] } }',
    'let [x, ...rest] = [1]',
    'const t = `${add(1, 2)}`',
    'const r = /a(?=b)(?!c)[(?<=]\\u{1F600}/uy',
    "const s = new RegExp('a/b', 'gi')",
  ].join('\n')
  expect(scriptProblems(code, 'clean.js')).toEqual([])
})

test('optional chaining is found with its file, line and column', () => {
  expect(scriptProblems('var a = {}\nvar b = a?.b', 'vendors.js')).toEqual([{ file: 'vendors.js', line: 2, column: 9, feature: 'optional chaining ?. (ES2020)' }])
})

test('a regex literal with a lookbehind is found with its file, line and column', () => {
  expect(scriptProblems('var ok = 1\n  var r = /(?<=x)y/', 'common.js')).toEqual([
    { file: 'common.js', line: 2, column: 11, feature: 'regex lookbehind (?<=…) / (?<!…) (ES2018) in /(?<=x)y/' },
  ])
})

test('acorn itself refuses a lookbehind and a named group at ecmaVersion 2015 (the backstop holds too)', () => {
  expect(() => parse('/(?<=x)y/', { ecmaVersion: 2015 })).toThrow(/Invalid regular expression/)
  expect(() => parse('/(?<n>x)/', { ecmaVersion: 2015 })).toThrow(/Invalid regular expression/)
  expect(() => parse('/(?<=x)y/', { ecmaVersion: 2018 })).not.toThrow()
})

test.each([
  ['nullish coalescing', 'var a = b ?? 1', 'nullish coalescing ?? (ES2020)'],
  ['object spread', 'var a = { ...b }', 'object spread {...x} (ES2018)'],
  ['object rest', 'var { a, ...b } = c', 'object rest {...x} (ES2018)'],
  ['async function', 'async function f() { await 1 }', 'async function (ES2017)'],
  ['exponent', 'var a = 2 ** 3', 'exponent operator ** (ES2016)'],
  ['optional catch binding', 'try { f() } catch { }', 'optional catch binding (ES2019)'],
  ['logical assignment', 'a ||= 1', 'logical assignment ||= (ES2021)'],
  ['class field', 'class A { x = 1 }', 'class field (ES2022)'],
  ['BigInt', 'var n = 1n', 'BigInt literal (ES2020)'],
])('%s is found', (_name, code, feature) => {
  expect(features(code)).toContain(feature)
})

test.each([
  ['negative lookbehind', '/(?<!x)y/', 'regex lookbehind (?<=…) / (?<!…) (ES2018) in /(?<!x)y/'],
  ['named group', '/(?<year>\\d{4})/', 'regex named capture group (?<name>…) (ES2018) in /(?<year>\\d{4})/'],
  ['property escape with u', '/\\p{L}+/u', 'regex Unicode property escape \\p{…} (ES2018) in /\\p{L}+/u'],
  ['dotAll flag', '/a.b/s', 'regex dotAll flag s (ES2018) in /a.b/s'],
  ['a lookbehind in new RegExp with a literal string', "new RegExp('(?<=a)b', 'g')", 'regex lookbehind (?<=…) / (?<!…) (ES2018) in /(?<=a)b/g'],
  ['a named group in RegExp() with a template literal', 'RegExp(`(?<n>a)`)', 'regex named capture group (?<name>…) (ES2018) in /(?<n>a)/'],
])('%s is found', (_name, code, feature) => {
  expect(features(code)).toEqual([feature])
})

test('escaped or bracketed look-alikes are not lookbehinds', () => {
  expect(regexFeatures('\\(?<=x\\)', '')).toEqual([])
  expect(regexFeatures('[(?<=]', '')).toEqual([])
  expect(regexFeatures('\\p{L}', '')).toEqual([]) // without u, \p is an identity escape in ES2015
})

test('an invalid pattern in new RegExp with a literal string fails at ES2015 too', () => {
  expect(features("new RegExp('a{2,1}')")[0]).toMatch(/^RegExp pattern not valid in ES2015: /)
})

test('syntax not named by feature still fails through acorn at ES2015, with its position', () => {
  expect(scriptProblems('function f(a,) {}', 'x.js')).toEqual([{ file: 'x.js', line: 1, column: 14, feature: expect.stringMatching(/^not ES2015 syntax: /) }])
})

describe('a build folder', () => {
  let dir: string
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-syntax-'))
    fs.mkdirSync(path.join(dir, 'packages', 'wish'), { recursive: true })
    fs.writeFileSync(path.join(dir, 'app.js'), 'const ok = () => 1')
    fs.writeFileSync(path.join(dir, 'packages', 'wish', 'index.js'), 'var a = b?.c')
    fs.writeFileSync(path.join(dir, 'utils.wxs'), 'module.exports = { a: function (x) { return x } }')
    fs.writeFileSync(path.join(dir, 'packages', 'wish', 'page.wxs'), 'let a = 1')
    fs.writeFileSync(path.join(dir, 'app.json'), '{ "not": "a script" }')
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  test('every .js is ES2015 and every .wxs ES5; problems name the file relative to the folder', () => {
    const { files, problems } = buildProblems(dir)
    expect(files).toBe(4)
    expect(problems).toEqual([
      { file: 'packages/wish/index.js', line: 1, column: 9, feature: 'optional chaining ?. (ES2020)' },
      { file: 'packages/wish/page.wxs', line: 1, column: 5, feature: expect.stringMatching(/^not ES5 syntax: /) },
    ])
  })
})

test('the native components, copied into the build as they are, parse on the oldest phones', () => {
  const native = path.resolve(__dirname, '..', 'src', 'components', 'native')
  const bundles = fs.readdirSync(native).map((name) => path.join(native, name, 'index.js')).filter((file) => fs.existsSync(file))
  expect(bundles.length).toBeGreaterThan(0)
  for (const file of bundles) expect(scriptProblems(fs.readFileSync(file, 'utf8'), path.relative(native, file))).toEqual([])
})
