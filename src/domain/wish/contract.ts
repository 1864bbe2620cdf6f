import * as v from 'valibot'
import type { ActionSpec, Page } from '../contract'
import { keywordField } from '../search'
import { fields } from '../validation'
import { MAX_WISH_IMAGES, WISH_CATEGORIES, WISH_MINUTES, wishEditSchema, wishSchema, type WishCategory, type WishEditInput, type WishHoursStatus, type WishInput } from './rules'
import type { WishAction, WishStatus } from './states'

export type WishHistoryEntry = { at: string; action: WishAction | 'create' | 'edit'; to: WishStatus; by: string; note?: string }

/** What anyone may see of a wish: no phone number, the owner's name masked, the text shortened. */
export type WishSummary = {
  _id: string
  title: string
  category: WishCategory
  communityId: string
  communityName: string
  status: WishStatus
  ownerName: string
  summary: string
  dueDate: string | null
  claimerName: string | null
  createdAt: string
}

/** Who the caller is to this wish, and so what they may see and do. */
export type WishRelation = 'owner' | 'claimer' | 'staff' | 'volunteer' | 'visitor'

export type WishDetail = WishSummary & {
  relation: WishRelation
  /** The actions the caller can take now (from the transition table). */
  actions: WishAction[]
  /** Full text for the owner, the claimer and staff; the summary for everyone else. */
  content: string
  /** Only for the owner, the claimer and staff. */
  contact: { name: string; phone: string } | null
  /** The volunteer's phone, only for the owner while the volunteer is on it (claimed or fulfilled). */
  claimerPhone: string | null
  /** Whether the caller may change the wish now (its owner, before anyone takes it on). */
  editable: boolean
  /** Photos that passed the content check (temporary URLs); the owner also sees how many wait. */
  images: string[]
  imagesPending: number
  claimDeadline: string | null
  /** `minutes`: the time the volunteer reports having spent (null on wishes fulfilled before it was asked). */
  fulfilment: { note: string; photos: string[]; at: string; minutes: number | null } | null
  /** The service hours of a completed wish and whether staff approved them (null before completion). */
  serviceHours: { hours: number; status: WishHoursStatus; reason: string | null } | null
  thanks: string | null
  history: WishHistoryEntry[]
  /** For staff: volunteers who gave a claim back after the owner's contact was shown to them. */
  contactReleases: { name: string; count: number; lastAt: string }[] | null
}

const wishId = fields.id('心愿编号')
const reason = (label: string) => fields.text(label, 2, 200)
const photos = v.optional(v.pipe(v.array(v.pipe(v.string(), v.regex(/^cloud:\/\/\S+$/, '图片格式不正确')), '图片格式不正确'), v.maxLength(MAX_WISH_IMAGES, `最多上传${MAX_WISH_IMAGES}张图片`)), [])

export const wishInputs = {
  create: wishSchema,
  list: v.object({
    communityId: v.optional(fields.community()),
    // A wall tab (in_progress: claimed or waiting for confirmation) or one public status.
    status: v.optional(v.picklist(['open', 'in_progress', 'claimed', 'fulfilled', 'completed'], '状态不正确')),
    category: v.optional(v.picklist(WISH_CATEGORIES, '类别不正确')),
    keyword: keywordField,
    page: fields.page,
    pageSize: fields.pageSize,
  }),
  get: v.object({ wishId }),
  claim: v.object({ wishId }),
  release: v.object({ wishId, reason: fields.optionalText('原因', 200) }),
  fulfil: v.object({
    wishId,
    note: fields.text('完成说明', 2, 200),
    photos,
    minutes: v.pipe(
      v.number('请填写实际服务的时间'),
      v.integer('服务时间请填整数分钟'),
      v.minValue(WISH_MINUTES.min, `服务时间至少${WISH_MINUTES.min}分钟`),
      v.maxValue(WISH_MINUTES.max, `服务时间最多${WISH_MINUTES.max / 60}小时`),
    ),
  }),
  confirm: v.object({ wishId, thanks: fields.optionalText('感谢信', 200) }),
  reopen: v.object({ wishId, note: fields.text('还差什么', 2, 200) }),
  edit: wishEditSchema,
  cancel: v.object({ wishId, reason: reason('取消原因') }),
  review: v.pipe(
    v.object({ wishId, decision: v.picklist(['approve', 'reject'], '请选择通过或不通过'), reason: fields.optionalText('原因', 200) }),
    v.forward(v.partialCheck([['decision'], ['reason']], (input) => input.decision === 'approve' || input.reason.length >= 2, '请填写不通过的原因'), ['reason']),
  ),
  takeDown: v.object({ wishId, reason: reason('下架原因') }),
  mine: v.object({ page: fields.page, pageSize: fields.pageSize }),
  claimed: v.object({ page: fields.page, pageSize: fields.pageSize }),
  reviewQueue: v.object({ communityId: v.optional(fields.community()), page: fields.page, pageSize: fields.pageSize }),
  /** Completed wishes whose hours wait for staff of their community. */
  hoursQueue: v.object({ page: fields.page, pageSize: fields.pageSize }),
  approveHours: v.pipe(
    v.object({ wishId, decision: v.picklist(['approve', 'reject'], '请选择核定或不核定'), reason: fields.optionalText('原因', 200) }),
    v.forward(v.partialCheck([['decision'], ['reason']], (input) => input.decision === 'approve' || input.reason.length >= 2, '请填写不核定的原因'), ['reason']),
  ),
}

export type WishApi = {
  create: ActionSpec<WishInput, WishDetail>
  list: ActionSpec<v.InferInput<typeof wishInputs.list>, Page<WishSummary>>
  get: ActionSpec<v.InferInput<typeof wishInputs.get>, WishDetail>
  claim: ActionSpec<v.InferInput<typeof wishInputs.claim>, WishDetail>
  release: ActionSpec<v.InferInput<typeof wishInputs.release>, WishDetail>
  fulfil: ActionSpec<v.InferInput<typeof wishInputs.fulfil>, WishDetail>
  confirm: ActionSpec<v.InferInput<typeof wishInputs.confirm>, WishDetail>
  reopen: ActionSpec<v.InferInput<typeof wishInputs.reopen>, WishDetail>
  edit: ActionSpec<WishEditInput, WishDetail>
  cancel: ActionSpec<v.InferInput<typeof wishInputs.cancel>, WishDetail>
  review: ActionSpec<v.InferInput<typeof wishInputs.review>, WishDetail>
  takeDown: ActionSpec<v.InferInput<typeof wishInputs.takeDown>, WishDetail>
  mine: ActionSpec<v.InferInput<typeof wishInputs.mine>, Page<WishSummary>>
  claimed: ActionSpec<v.InferInput<typeof wishInputs.claimed>, Page<WishSummary>>
  reviewQueue: ActionSpec<v.InferInput<typeof wishInputs.reviewQueue>, Page<WishDetail>>
  hoursQueue: ActionSpec<v.InferInput<typeof wishInputs.hoursQueue>, Page<WishDetail>>
  approveHours: ActionSpec<v.InferInput<typeof wishInputs.approveHours>, WishDetail>
}
