import { heldReason } from '@/domain/content-check'
import { AppError } from '@/domain/errors'
import { cloud } from './cloud'

export type TextVerdict = 'pass' | 'review'

/** A verdict, and for `review` why, in words for the staff who look at it. */
export type TextCheck = { verdict: 'pass' } | { verdict: 'review'; why: string }

type MsgSecCheckResult = { result?: { suggest?: string; label?: number } }

/**
 * `security.msgSecCheck` v2, decided by `result.suggest` (DESIGN.md §4): `risky` text is refused
 * with CONTENT_REJECTED before anything is stored; `review` goes to staff, with the check's label
 * as the reason; `pass` goes live. If the check itself fails, the text goes to staff rather than live.
 */
export async function checkTextWhy(openid: string, content: string): Promise<TextCheck> {
  let result: MsgSecCheckResult['result']
  try {
    result = ((await cloud.openapi.security.msgSecCheck({ openid, scene: 3, version: 2, content })) as MsgSecCheckResult).result
  } catch (error) {
    console.warn('[content-check] msgSecCheck failed', error instanceof Error ? error.message : error)
    return { verdict: 'review', why: heldReason(null) }
  }
  if (result?.suggest === 'risky') throw new AppError('CONTENT_REJECTED', '内容含有不适合发布的信息，请修改后再提交')
  return result?.suggest === 'pass' ? { verdict: 'pass' } : { verdict: 'review', why: heldReason(result?.label ?? 0) }
}

export async function checkText(openid: string, content: string): Promise<TextVerdict> {
  return (await checkTextWhy(openid, content)).verdict
}

/**
 * A short text others will read beside a step (a fulfilment note, thanks, a reason). It has no
 * review queue of its own, so only text that passes is kept; anything else changes nothing.
 */
export async function requirePassingText(openid: string, content: string): Promise<void> {
  if ((await checkText(openid, content)) !== 'pass') throw new AppError('CONTENT_REJECTED', '这段文字暂时无法发布，请换一种说法后再提交')
}
