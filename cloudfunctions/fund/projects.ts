import { AppError } from '@/domain/errors'
import type { FundProject } from '@/domain/fund/contract'
import { collections, db } from '../_kit/cloud'
import type { HeadDoc } from './ledger-docs'

/** One `fundProjects` document (红十字助学 …): what it is for and where people give to it. */
export type ProjectDoc = Omit<FundProject, 'raisedFen' | 'spentFen'> & { updatedBy: string }

export const fundProjects = () => db.collection(collections.fundProjects)

export async function requireProjectOf(projectId: string, communityId: string): Promise<ProjectDoc> {
  const { data } = await fundProjects().where({ _id: projectId }).get<ProjectDoc>()
  if (!data[0] || data[0].communityId !== communityId) throw new AppError('INVALID_INPUT', '没有找到这个项目', { projectId: '没有找到这个项目' })
  return data[0]
}

/** A project with what the ledger recorded for it: raised (income) against the target, and spent. */
export function toProject(doc: ProjectDoc, head: HeadDoc): FundProject {
  const totals = head.byProject?.[doc._id] ?? { income: 0, expense: 0 }
  return { ...doc, raisedFen: totals.income, spentFen: totals.expense }
}
