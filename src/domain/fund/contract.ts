import * as v from 'valibot'
import type { ActionSpec, Page } from '../contract'
import { fields } from '../validation'
import { keywordField } from '../search'
import type { AidStatus } from './aid'
import type { ChainBreak, PublicEntry, StatementHead } from './chain'
import { amountFenField, CHANNELS, EXPENSE_CATEGORIES, INCOME_CATEGORIES, type ExpenseCategory } from './rules'

/** A staff-side retry key: the same requestId always means the same entry (never a second one). */
const requestId = v.pipe(v.string('请求编号格式不正确'), v.regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确'))
const communityId = fields.community()
const monthField = v.pipe(v.string('月份格式不正确'), v.regex(/^\d{4}-\d{2}$/, '月份格式应为 年-月'))
const aidId = fields.id('申请编号')

const isExpense = (category: string) => (EXPENSE_CATEGORIES as readonly string[]).includes(category)
const isIncome = (category: string) => (INCOME_CATEGORIES as readonly string[]).includes(category)

export const MAX_PROJECT_PHOTOS = 6

export const fundInputs = {
  record: v.pipe(
    v.object({
      communityId,
      kind: v.picklist(['income', 'expense'], '请选择收入或支出'),
      amountFen: amountFenField(),
      date: fields.date('日期'),
      category: v.picklist([...INCOME_CATEGORIES, ...EXPENSE_CATEGORIES], '请选择类别'),
      // Income: the donor as they wish to be named (empty = 匿名). Expense: the beneficiary's full name (shown masked).
      party: v.optional(v.pipe(v.string('姓名格式不正确'), v.trim(), v.maxLength(40, '姓名最多40个字')), ''),
      channel: v.picklist(CHANNELS, '请选择渠道'),
      reference: fields.text('凭证号或审批号', 1, 60),
      note: fields.optionalText('公开说明', 100),
      projectId: v.optional(v.nullable(fields.id('项目编号')), null),
      requestId,
    }),
    v.forward(v.partialCheck([['kind'], ['category']], (i) => (i.kind === 'income' ? isIncome(i.category) : isExpense(i.category)), '类别与收支不符'), ['category']),
    v.forward(v.partialCheck([['kind'], ['party']], (i) => i.kind === 'income' || i.party.length >= 2, '请填写受助人姓名'), ['party']),
  ),
  reverse: v.object({ entryId: fields.id('账目编号'), reason: fields.text('冲正原因', 2, 100), requestId }),
  verify: v.object({ communityId }),
  summary: v.object({ communityId, year: v.optional(v.pipe(v.number('年份应为数字'), v.integer('年份应为整数'), v.minValue(2000, '年份不正确'), v.maxValue(2100, '年份不正确'))) }),
  entries: v.object({
    communityId,
    month: v.optional(monthField),
    category: v.optional(v.picklist([...INCOME_CATEGORIES, ...EXPENSE_CATEGORIES], '类别不正确')),
    keyword: keywordField,
    page: fields.page,
    pageSize: fields.pageSize,
  }),
  /** The chain in order from `afterSeq`, for the phone to check it itself. */
  chain: v.object({ communityId, afterSeq: v.optional(v.pipe(v.number('序号应为数字'), v.integer('序号应为整数'), v.minValue(0, '序号不正确')), 0) }),
  apply: v.object({
    communityId,
    name: fields.text('受助人姓名', 2, 20),
    phone: fields.phone('联系电话'),
    category: v.picklist(EXPENSE_CATEGORIES, '请选择救助类别'),
    amountFen: amountFenField('申请金额'),
    reason: fields.text('申请理由', 10, 500),
    /** Staff of the community entering a request for a resident who does not use the app. */
    onBehalf: v.optional(v.boolean('代为登记格式不正确'), false),
  }),
  review: v.pipe(
    v.object({ aidId, decision: v.picklist(['approve', 'reject'], '请选择同意或不同意'), reason: fields.optionalText('意见', 200) }),
    v.forward(v.partialCheck([['decision'], ['reason']], (i) => i.decision === 'approve' || i.reason.length >= 2, '请填写不同意的原因'), ['reason']),
  ),
  // No requestId: a payment is keyed by its request, so no retry or second tap ever pays twice.
  pay: v.object({ aidId, date: fields.date('发放日期'), reference: fields.text('凭证号', 1, 60), channel: v.optional(v.picklist(CHANNELS, '请选择渠道'), '银行转账') }),
  aid: v.object({ aidId }),
  withdraw: v.object({ aidId }),
  myAid: v.object({ page: fields.page, pageSize: fields.pageSize }),
  aidQueue: v.object({ communityId: v.optional(communityId), page: fields.page, pageSize: fields.pageSize }),
  saveProject: v.object({
    projectId: v.optional(v.nullable(fields.id('项目编号')), null),
    communityId,
    title: fields.text('项目名称', 2, 30),
    story: fields.text('项目介绍', 10, 1000),
    targetFen: amountFenField('目标金额'),
    startDate: fields.date('开始日期'),
    endDate: fields.date('结束日期'),
    platform: v.object({
      name: fields.text('募捐平台', 2, 20),
      appId: v.optional(v.pipe(v.string(), v.regex(/^(wx[0-9a-f]{16})?$/, '小程序AppID格式不正确')), ''),
      path: v.optional(v.pipe(v.string(), v.maxLength(200, '页面路径过长')), ''),
      url: v.optional(v.pipe(v.string(), v.regex(/^(https:\/\/\S{4,300})?$/, '链接应以 https:// 开头')), ''),
    }),
    /** The project's photos (腾讯公益-style progress: the classroom, the pupils' supplies); each shown once its check passes. */
    images: fields.photos(MAX_PROJECT_PHOTOS),
  }),
  projects: v.object({ communityId }),
  issueReceipt: v.object({ entryId: fields.id('账目编号') }),
  verifyReceipt: v.object({ code: v.pipe(v.string('请输入核验码'), v.trim(), v.toUpperCase(), v.regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/, '核验码格式应为 XXXX-XXXX-XXXX')) }),
  export: v.object({ communityId, from: fields.date('开始日期'), to: fields.date('结束日期') }),
}

/** One entry as anyone sees it, with its id and the hashes to check it. */
export type FundEntry = PublicEntry & { _id: string; reversedBy: number | null }

export type MonthTotal = { month: string; incomeFen: number; expenseFen: number }
export type CategoryTotal = { category: string; kind: 'income' | 'expense'; amountFen: number }

export type FundSummary = {
  communityId: string
  communityName: string
  balanceFen: number
  incomeFen: number
  expenseFen: number
  entries: number
  /** People whose aid was paid from the fund. */
  aided: number
  headHash: string
  byMonth: MonthTotal[]
  byCategory: CategoryTotal[]
  statements: StatementHead[]
  year: number | null
}

export type VerifyResult = { ok: boolean; checked: number; headHash: string; brokenAt?: ChainBreak & { entryId: string } }

export type ChainPage = { items: PublicEntry[]; head: { seq: number; hash: string }; statements: StatementHead[]; more: boolean }

export type AidStep = { at: string; action: 'apply' | 'approve' | 'reject' | 'pay' | 'withdraw'; byName: string; note: string }

export type AidRequest = {
  _id: string
  communityId: string
  communityName: string
  name: string
  phone: string
  category: ExpenseCategory
  amountFen: number
  reason: string
  status: AidStatus
  /** Approvals so far and how many this amount needs. */
  approvals: number
  approvalsNeeded: number
  entrySeq: number | null
  history: AidStep[]
  createdAt: string
  /** Entered by staff for someone without the app: nobody is told in the app, staff tell them. */
  onBehalf: boolean
  /** What the caller may do now. */
  canReview: boolean
  canPay: boolean
  /** The applicant's own request while it waits: they may take it back. */
  canWithdraw: boolean
}

export type ProjectPlatform = { name: string; appId: string; path: string; url: string }

export type FundProject = {
  _id: string
  communityId: string
  title: string
  story: string
  targetFen: number
  startDate: string
  endDate: string
  platform: ProjectPlatform
  raisedFen: number
  spentFen: number
  /** Links to the photos that passed their check. */
  photos: string[]
}

/** 捐赠证明: what a donor (or anyone holding the code) can check; `reversed` when the gift was later cancelled by a 冲正. */
export type Receipt = { code: string; communityName: string; donor: string; amountFen: number; date: string; seq: number; entryHash: string; issuedOn: string; reversed: boolean }

export type FundApi = {
  record: ActionSpec<v.InferInput<typeof fundInputs.record>, FundEntry>
  reverse: ActionSpec<v.InferInput<typeof fundInputs.reverse>, FundEntry>
  verify: ActionSpec<v.InferInput<typeof fundInputs.verify>, VerifyResult>
  summary: ActionSpec<v.InferInput<typeof fundInputs.summary>, FundSummary>
  entries: ActionSpec<v.InferInput<typeof fundInputs.entries>, Page<FundEntry>>
  chain: ActionSpec<v.InferInput<typeof fundInputs.chain>, ChainPage>
  apply: ActionSpec<v.InferInput<typeof fundInputs.apply>, AidRequest>
  review: ActionSpec<v.InferInput<typeof fundInputs.review>, AidRequest>
  pay: ActionSpec<v.InferInput<typeof fundInputs.pay>, AidRequest>
  aid: ActionSpec<v.InferInput<typeof fundInputs.aid>, AidRequest>
  withdraw: ActionSpec<v.InferInput<typeof fundInputs.withdraw>, AidRequest>
  myAid: ActionSpec<v.InferInput<typeof fundInputs.myAid>, Page<AidRequest>>
  aidQueue: ActionSpec<v.InferInput<typeof fundInputs.aidQueue>, Page<AidRequest>>
  saveProject: ActionSpec<v.InferInput<typeof fundInputs.saveProject>, FundProject>
  projects: ActionSpec<v.InferInput<typeof fundInputs.projects>, { items: FundProject[] }>
  issueReceipt: ActionSpec<v.InferInput<typeof fundInputs.issueReceipt>, Receipt>
  verifyReceipt: ActionSpec<v.InferInput<typeof fundInputs.verifyReceipt>, Receipt>
  export: ActionSpec<v.InferInput<typeof fundInputs.export>, { filename: string; csv: string; rows: number }>
}
