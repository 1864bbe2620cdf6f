import dayjs from 'dayjs'
import customParseFormat from 'dayjs/plugin/customParseFormat'

dayjs.extend(customParseFormat)

/**
 * The 18-digit resident identity number (GB 11643-1999): 6-digit area code, birth date
 * (YYYYMMDD), 3-digit sequence, and a check character over the first 17 digits (ISO 7064 MOD 11-2).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CODES = '10X98765432'

export type IdNumberProblem = 'format' | 'birthDate' | 'checksum'

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

/** What is wrong with a (normalised) number, or null when it is valid. */
export function idNumberProblem(idNumber: string, today: string): IdNumberProblem | null {
  if (!/^\d{17}[\dX]$/.test(idNumber)) return 'format'
  const birth = birthDateOf(idNumber)
  if (!birth || birth > today || birth < '1900-01-01') return 'birthDate'
  if (checkCharacter(idNumber.slice(0, 17)) !== idNumber[17]) return 'checksum'
  return null
}

export const ID_NUMBER_MESSAGES: Record<IdNumberProblem, string> = {
  format: '身份证号应为18位，最后一位可以是数字或X',
  birthDate: '身份证号中的出生日期不正确',
  checksum: '身份证号校验位不对，请核对是否有输错',
}
