import type { UserDoc } from '@/domain/user/types'
import { collections, db } from '../_kit/cloud'
import { ownedId } from '../_kit/ids'
import { notify } from '../_kit/notify'
import { hourOf } from '../_kit/staff-queue'

/**
 * A lesson change waits for a second editor: every other editor hears, once per hour (China time),
 * how many drafts wait. The WeChat message goes out with the scheduler's next run; the inbox entry
 * now. Never fails the proposal: the draft is saved already.
 */
export async function tellEditors(author: string): Promise<void> {
  const at = new Date()
  try {
    const [{ data: editors }, { total }] = await Promise.all([
      db.collection(collections.users).where({ roles: 'editor' }).limit(100).get<UserDoc>(),
      db.collection(collections.lessonVersions).where({ status: 'pending' }).count(),
    ])
    const others = editors.filter((editor) => editor._id !== author)
    await Promise.all(
      others.map(({ _id: openid }) =>
        notify(openid, 'staff_todo', { queue: 'lesson_drafts', waiting: total, at }, { groupId: ownedId('td', `${openid}|lesson_drafts|${hourOf(at)}`), later: true }),
      ),
    )
  } catch (error) {
    console.error('[lesson] editors not told of a draft', error instanceof Error ? error.message : error)
  }
}
