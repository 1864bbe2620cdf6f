import { birthDateOf, checkCharacter, derivedFromId, genderOf, idNumberProblem, normaliseIdNumber } from './id-number'

/** Check characters computed independently (a short Python script over the GB 11643 weights). */
const TODAY = '2026-11-23'

test.each([
  ['330602199001011231', '1990-01-01'],
  ['330621194512030027', '1945-12-03'],
  ['11010519491231002X', '1949-12-31'],
  ['330603201202290018', '2012-02-29'],
  ['440304200808152112', '2008-08-15'],
])('%s is valid and born %s', (id, birth) => {
  expect(idNumberProblem(id, TODAY)).toBeNull()
  expect(birthDateOf(id)).toBe(birth)
})

test.each([
  ['330602199001011232', 'checksum', 'wrong check digit'],
  ['11010519491231002 0'.replace(' ', ''), 'checksum', 'digit where X belongs'],
  ['330602199002301231', 'birthDate', 'February 30th'],
  ['330602199013011231', 'birthDate', 'month 13'],
  ['330602203001011231', 'birthDate', 'born in the future'],
  ['330602900101123', 'format', 'old 15-digit number'],
  ['33060219900101123', 'format', '17 digits'],
  ['3306021990010112311', 'format', '19 digits'],
  ['33060219900101123A', 'format', 'letter other than X'],
])('%s is refused (%s: %s)', (id, problem) => {
  expect(idNumberProblem(id, TODAY)).toBe(problem)
})

test('a lower-case x is accepted as X; spaces people type are dropped', () => {
  expect(normaliseIdNumber(' 1101051949 1231002x ')).toBe('11010519491231002X')
  expect(idNumberProblem(normaliseIdNumber('11010519491231002x'), TODAY)).toBeNull()
})

test('the check character follows the weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 and codes 10X98765432', () => {
  expect(checkCharacter('11010519491231002')).toBe('X')
  expect(checkCharacter('33060219900101123')).toBe('1')
})

describe('address code: the first two digits are a province of GB/T 2260 (or 81/82/83, 9x)', () => {
  test.each([
    ['00000019900101123X', 'no province 00'],
    ['999999199001011238', 'no province 99'],
    ['100000199001011238'.slice(0, 17) + checkCharacter('10000019900101123'), 'no province 10'],
  ])('%s is refused (%s)', (id) => {
    expect(idNumberProblem(id, TODAY)).toBe('province')
  })

  test.each([
    ['810000199001011230', '香港居民居住证 81'],
    ['820000199001011240', '澳门居民居住证 82'],
    ['830000199001011234', '台湾居民居住证 83'],
    ['933300199001011253', '外国人永久居留身份证 9x'],
    ['710000198001011232', '台湾 71 in GB/T 2260'],
  ])('%s is valid (%s)', (id) => {
    expect(idNumberProblem(id, TODAY)).toBeNull()
  })
})

describe('GB 11643-1999: the 17th digit is odd for men, even for women', () => {
  test('derived birth date and gender are exactly the number\'s', () => {
    expect(derivedFromId('330602199001011231')).toEqual({ birthDate: '1990-01-01', gender: 'male' })
    expect(derivedFromId('33060219900101124X')).toEqual({ birthDate: '1990-01-01', gender: 'female' })
    expect(derivedFromId('11010519491231002X')).toEqual({ birthDate: '1949-12-31', gender: 'female' })
    expect(genderOf('330603201202290018')).toBe('male')
    expect(derivedFromId('3306021990')).toBeNull()
  })
})
