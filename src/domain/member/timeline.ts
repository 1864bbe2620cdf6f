import type { ApplicationView } from './contract'

const TITLES = { submitted: '提交申请', resubmitted: '修改后重新提交', approved: '审核通过', rejected: '审核未通过', left: '退会', withdrawn: '本人撤回申请' } as const

/** An application's history as people read it (the applicant's status page, the staff detail). */
export function applicationTimeline(application: ApplicationView) {
  return application.timeline.map((entry) => ({
    at: entry.at,
    title: TITLES[entry.action],
    by: entry.by,
    note: entry.reason ? `原因：${entry.reason}` : undefined,
  }))
}
