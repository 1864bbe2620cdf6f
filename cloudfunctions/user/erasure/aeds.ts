import { _ } from '../../_kit/cloud'
import { aeds, reports, type AedDoc } from '../../aed/aeds'
import type { ReportDoc } from '../../aed/reports'
import { deleteFiles, eachPage, ERASED_NAME, ERASED_OPENID, ERASED_TEXT } from './erased'

/**
 * AEDs: a suggestion of theirs still unverified (withdrawn ones included) goes; on any other their
 * steps stay without their name, it no longer says they suggested it, their photo goes, and they
 * stop being its guardian (负责人).
 */
export async function eraseFromAeds(openid: string): Promise<void> {
  await eachPage(
    async () => (await aeds().where({ 'history.by': openid }).limit(50).get<AedDoc>()).data,
    async (aed) => {
      const theirPhoto = aed.photo?.openid === openid
      if (theirPhoto) await deleteFiles([aed.photo?.fileID])
      if (!aed.verified && aed.history[0]?.by === openid) {
        await aeds().where({ _id: aed._id, verified: false }).remove()
        return
      }
      const history = aed.history.map((entry) => (entry.by === openid ? { at: entry.at, event: entry.event, by: ERASED_OPENID, byName: ERASED_NAME } : entry))
      const suggester = aed.suggestedBy === openid ? { suggestedBy: ERASED_OPENID } : {}
      await aeds().where({ _id: aed._id }).update({ data: { history: _.set(history), ...suggester, ...(theirPhoto ? { photo: null } : {}) } })
    },
  )
  await aeds().where({ guardianOpenid: openid }).update({ data: { guardianOpenid: null } })
}

/**
 * Their reports stay, as the device's record (readiness counts them), without who made them, their
 * words or their photo. Each report keeps a distinct stand-in, so two erased reporters stay two.
 */
export async function eraseFromAedReports(openid: string): Promise<void> {
  await eachPage(
    async () => (await reports().where({ reporterOpenid: openid }).limit(50).get<ReportDoc>()).data,
    async (report) => {
      await deleteFiles([report.photo?.fileID])
      await reports()
        .where({ _id: report._id, reporterOpenid: openid })
        .update({ data: { reporterOpenid: `${ERASED_OPENID}:${report._id}`, note: report.note ? ERASED_TEXT : '', photo: null } })
    },
  )
}
