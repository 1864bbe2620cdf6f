import { AppError } from '@/domain/errors'
import type { FundProject } from '@/domain/fund/contract'
import type { CheckedPhoto } from '@/domain/photo/checks'
import { collections, db } from '../_kit/cloud'
import { shownPhotoUrls } from '../_kit/photo-checks'
import type { HeadDoc } from './ledger-docs'

/** One `fundProjects` document (红十字助学 …): what it is for, where people give to it, its photos as checked. */
export type ProjectDoc = Omit<FundProject, 'raisedFen' | 'spentFen' | 'photos'> & { images: CheckedPhoto[]; updatedBy: string }

export const fundProjects = () => db.collection(collections.fundProjects)

export async function requireProjectOf(projectId: string, communityId: string): Promise<ProjectDoc> {
  const { data } = await fundProjects().where({ _id: projectId }).get<ProjectDoc>()
  if (!data[0] || data[0].communityId !== communityId) throw new AppError('INVALID_INPUT', '没有找到这个项目', { projectId: '没有找到这个项目' })
  return data[0]
}

/**
 * Projects with what the ledger recorded for each — raised (income) against the target, and
 * spent — and links to the photos that passed their check (one request for all of them).
 */
export async function toProjects(docs: ProjectDoc[], head: HeadDoc): Promise<FundProject[]> {
  const urls = await shownPhotoUrls(docs.flatMap((doc) => doc.images ?? []))
  let offset = 0
  return docs.map(({ images = [], ...doc }) => {
    const links = urls.slice(offset, offset + images.length).filter((url): url is string => url !== null)
    offset += images.length
    const totals = head.byProject?.[doc._id] ?? { income: 0, expense: 0 }
    return { ...doc, raisedFen: totals.income, spentFen: totals.expense, photos: links }
  })
}
