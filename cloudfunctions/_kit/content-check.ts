import { AppError } from '@/domain/errors'
import { cloud } from './cloud'

export type TextVerdict = 'pass' | 'review'

type MsgSecCheckResult = { result?: { suggest?: string } }

/**
 * `security.msgSecCheck` v2, decided by `result.suggest` (DESIGN.md §4): `risky` text is refused
 * with CONTENT_REJECTED before anything is stored; `review` goes to staff; `pass` goes live.
 * If the check itself fails, the text goes to staff rather than live.
 */
export async function checkText(openid: string, content: string): Promise<TextVerdict> {
  let suggest: string | undefined
  try {
    const answer = (await cloud.openapi.security.msgSecCheck({ openid, scene: 3, version: 2, content })) as MsgSecCheckResult
    suggest = answer.result?.suggest
  } catch (error) {
    console.warn('[content-check] msgSecCheck failed', error instanceof Error ? error.message : error)
    return 'review'
  }
  if (suggest === 'risky') throw new AppError('CONTENT_REJECTED', '内容含有不适合发布的信息，请修改后再提交')
  return suggest === 'pass' ? 'pass' : 'review'
}

/**
 * A short text others will read beside a step (a fulfilment note, thanks, a reason). It has no
 * review queue of its own, so only text that passes is kept; anything else changes nothing.
 */
export async function requirePassingText(openid: string, content: string): Promise<void> {
  if ((await checkText(openid, content)) !== 'pass') throw new AppError('CONTENT_REJECTED', '这段文字暂时无法发布，请换一种说法后再提交')
}
