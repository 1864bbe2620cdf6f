import type { Usage } from './usage'

/**
 * CloudBase's 基础版 quota for one environment, as WeChat's docs give it (云开发 → 配额,
 * https://developers.weixin.qq.com/minigame/en/dev/wxcloud/basis/concepts/quota.html, read
 * 2026-12-03): database reads 50,000/day and writes 30,000/day; function invocations
 * 200,000/month and resource use 40,000 GB-s/month (taken per day as a 30-day month's share).
 */
export const BASIC_PLAN_PER_DAY: Usage = {
  reads: 50_000,
  writes: 30_000,
  invocations: 200_000 / 30,
  gbSeconds: 40_000 / 30,
}

/** Each figure of a day's usage as a share of the quota's day (0.05 = 5%). */
export function shareOfQuota(day: Usage, quota: Usage = BASIC_PLAN_PER_DAY): Usage {
  return {
    reads: day.reads / quota.reads,
    writes: day.writes / quota.writes,
    invocations: day.invocations / quota.invocations,
    gbSeconds: day.gbSeconds / quota.gbSeconds,
  }
}
