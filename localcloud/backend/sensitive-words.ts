/**
 * The local word list behind `msgSecCheck`. Labels follow WeChat's codes (10001 广告, 20002 色情,
 * 20006 违法犯罪, 21000 其他). Production uses WeChat's own service; this only has to make every
 * branch (`pass`, `review`, `risky`) reachable in development and tests.
 */
export type SensitiveWord = { word: string; suggest: 'risky' | 'review'; label: number }

export const SENSITIVE_WORDS: SensitiveWord[] = [
  { word: '赌博', suggest: 'risky', label: 20006 },
  { word: '毒品', suggest: 'risky', label: 20006 },
  { word: '枪支', suggest: 'risky', label: 20006 },
  { word: '色情', suggest: 'risky', label: 20002 },
  { word: '代开发票', suggest: 'risky', label: 10001 },
  { word: '刷单', suggest: 'review', label: 10001 },
  { word: '高额回报', suggest: 'review', label: 10001 },
  { word: '加微信', suggest: 'review', label: 10001 },
  { word: '转账', suggest: 'review', label: 21000 },
]
