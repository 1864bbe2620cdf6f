/**
 * The labels of WeChat's text check (`security.msgSecCheck` v2, `result.label`), as the page of
 * that API lists them, in words staff understand: why a text was held for them.
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/msgSecCheck.html
 */
const LABELS: Record<number, string> = {
  10001: '广告',
  20001: '时政',
  20002: '色情',
  20003: '辱骂',
  20006: '违法犯罪',
  20008: '欺诈',
  20012: '低俗',
  20013: '版权',
  21000: '其他不宜内容',
}

/** Why a text waits for staff: the check's label when it gave one, or that the check itself failed. */
export function heldReason(label: number | null): string {
  if (label === null) return '内容安全检查暂时无法完成，需要人工查看'
  const what = LABELS[label]
  return what ? `内容安全检查提示可能涉及${what}，需要人工查看` : '内容安全检查不能确定，需要人工查看'
}
