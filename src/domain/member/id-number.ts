import dayjs from 'dayjs'
import customParseFormat from 'dayjs/plugin/customParseFormat'
import type { Gender } from './application'

dayjs.extend(customParseFormat)

/**
 * The 18-digit resident identity number (GB 11643-1999 公民身份号码): 6-digit address code, birth
 * date (YYYYMMDD), 3-digit sequence whose last digit is odd for men and even for women, and a
 * check character over the first 17 digits (ISO 7064 MOD 11-2).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CODES = '10X98765432'

/**
 * First two digits of the address code: the provincial divisions of GB/T 2260 (11–65, 71 台湾),
 * 81/82/83 of the 港澳台居民居住证 (国务院办公厅 2018, codes 810000/820000/830000), and the 2023
 * 外国人永久居留身份证, whose number starts with 9 followed by its issuing province's first digit.
 */
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83', '91', '92', '93', '94', '95', '96',
])

export type IdNumberProblem = 'format' | 'province' | 'birthDate' | 'checksum'

/** Upper-cases a trailing x and trims spaces, as people type it. */
export function normaliseIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase()
}

export function checkCharacter(first17: string): string {
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(first17[i]), 0)
  return CHECK_CODES[sum % 11]
}

/** The birth date encoded in a well-formed number (`YYYY-MM-DD`), or null if it is not a real date. */
export function birthDateOf(idNumber: string): string | null {
  const digits = idNumber.slice(6, 14)
  const date = dayjs(digits, 'YYYYMMDD', true)
  return date.isValid() ? date.format('YYYY-MM-DD') : null
}

/** GB 11643-1999 (顺序码): the sequence code's last digit (the 17th) is odd for men, even for women. */
export function genderOf(idNumber: string): Gender {
  return Number(idNumber[16]) % 2 === 1 ? 'male' : 'female'
}

/** What is wrong with a (normalised) number, or null when it is valid. */
export function idNumberProblem(idNumber: string, today: string): IdNumberProblem | null {
  if (!/^\d{17}[\dX]$/.test(idNumber)) return 'format'
  if (!PROVINCE_CODES.has(idNumber.slice(0, 2))) return 'province'
  const birth = birthDateOf(idNumber)
  if (!birth || birth > today || birth < '1900-01-01') return 'birthDate'
  if (checkCharacter(idNumber.slice(0, 17)) !== idNumber[17]) return 'checksum'
  return null
}

export const ID_NUMBER_MESSAGES: Record<IdNumberProblem, string> = {
  format: '身份证号应为18位，最后一位可以是数字或X',
  province: '身份证号的前两位不是有效的省份代码，请核对',
  birthDate: '身份证号中的出生日期不正确',
  checksum: '身份证号校验位不对，请核对是否有输错',
}

/** What the number itself says about its holder, shown on the form instead of asking again (PIPL 第六条). */
export function derivedFromId(idNumber: string): { birthDate: string; gender: Gender } | null {
  const birthDate = birthDateOf(idNumber)
  return /^\d{17}[\dX]$/.test(idNumber) && birthDate ? { birthDate, gender: genderOf(idNumber) } : null
}
