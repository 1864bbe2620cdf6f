import { cloud } from '../../_kit/cloud'

/** Where a record stays for others (a wish someone helped with, hours served), the person becomes this. */
export const ERASED_NAME = '已注销用户'
/** Stands where an openid was, in records kept without it. Not a possible OPENID. */
export const ERASED_OPENID = 'erased'
/** What replaces text the person wrote, where the record around it stays. */
export const ERASED_TEXT = '（内容已随账号注销删除）'

/** Photos the person uploaded go from storage too; a file already gone is no failure (a retry). */
export async function deleteFiles(fileIDs: Array<string | null | undefined>): Promise<void> {
  const fileList = fileIDs.filter((id): id is string => typeof id === 'string' && id.startsWith('cloud://'))
  if (fileList.length === 0) return
  await (cloud.deleteFile({ fileList }) as Promise<unknown>)
}

/**
 * Runs `step` on every document `page()` answers, page after page, until a page comes back empty
 * (each step changes its document so that the query no longer finds it). Bounded: a person's
 * records are counted in hundreds at most.
 */
export async function eachPage<T>(page: () => Promise<T[]>, step: (doc: T) => Promise<void>, maxPages = 50): Promise<void> {
  for (let n = 0; n < maxPages; n += 1) {
    const docs = await page()
    if (docs.length === 0) return
    for (const doc of docs) await step(doc)
  }
  throw new Error('erasure did not converge')
}
