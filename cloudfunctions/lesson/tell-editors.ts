import type { UserDoc } from '@/domain/user/types'
import { collections, db } from '../_kit/cloud'
import { ownedId } from '../_kit/ids'
import { notify, settingsOfEach, type NotifySettingsDoc } from '../_kit/notify'
import { hourOf } from '../_kit/staff-queue'

/** The editors, and how many drafts wait: read before a proposal is saved (beside its lesson). */
export type EditorsTeam = { editors: string[]; waiting: number }

export async function editorsOf(): Promise<string[]> {
  const { data } = await db.collection(collections.users).where({ roles: 'editor' }).limit(100).field({ _id: true }).get<Pick<UserDoc, '_id'>>()
  return data.map((editor) => editor._id)
}

/** The other editors' message settings, read beside the draft's saving; none if the read fails (they are then told in the inbox only). */
export function settingsOfOthers(team: EditorsTeam, author: string): Promise<Map<string, NotifySettingsDoc>> {
  const others = team.editors.filter((openid) => openid !== author)
  return settingsOfEach(others).catch((error: unknown) => {
    console.error('[lesson] editors\' settings not read', error instanceof Error ? error.message : error)
    return new Map<string, NotifySettingsDoc>()
  })
}

/**
 * A lesson change waits for a second editor: every other editor hears, once per hour (China time),
 * how many drafts wait (`waiting`: those counted before it was saved, and it). The WeChat message
 * goes out with the scheduler's next run; the inbox entry now. Never fails the proposal: the
 * draft is saved already.
 */
export async function tellEditors(author: string, team: EditorsTeam, settings: Map<string, NotifySettingsDoc>): Promise<void> {
  const at = new Date()
  try {
    const others = team.editors.filter((openid) => openid !== author)
    await Promise.all(
      others.map((openid) =>
        notify(openid, 'staff_todo', { queue: 'lesson_drafts', waiting: team.waiting + 1, at }, { groupId: ownedId('td', `${openid}|lesson_drafts|${hourOf(at)}`), later: true, settings: settings.get(openid) ?? null }),
      ),
    )
  } catch (error) {
    console.error('[lesson] editors not told of a draft', error instanceof Error ? error.message : error)
  }
}
