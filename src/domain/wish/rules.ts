import * as v from 'valibot'
import { fields } from '../validation'

export const WISH_CATEGORIES = ['生活帮扶', '就医陪护', '学业辅导', '物品需求', '心理陪伴', '其他'] as const
export type WishCategory = (typeof WISH_CATEGORIES)[number]

/** At most this many new wishes per person per day (RATE_LIMITED beyond). */
export const DAILY_WISH_LIMIT = 5
/** A claim not fulfilled within this many days goes back to open. */
export const DEFAULT_CLAIM_DAYS = 7
/**
 * Claiming reveals the owner's name and phone, so contact goes only to who is about to help
 * (PIPL 2021 第六条: 最小必要): at most this many wishes claimed at once per volunteer, and at most
 * this many claims given back a day.
 */
export const MAX_OPEN_CLAIMS = 3
export const DAILY_RELEASE_LIMIT = 3
/**
 * The time a volunteer reports for fulfilling a wish, in minutes. Hours are what was actually
 * served, in half hours rounded down (民政部令第67号 2020: records 真实、准确), and credited only when
 * staff of the wish's community approve them (谁记录谁证明).
 */
export const WISH_MINUTES = { min: 30, max: 480 } as const
export const wishServiceHours = (minutes: number) => Math.floor(minutes / 30) / 2

/** Where the hours of a completed wish stand: waiting for staff, credited, or not approved. */
export type WishHoursStatus = 'pending' | 'approved' | 'rejected'
export const WISH_HOURS_LABELS: Record<WishHoursStatus, string> = { pending: '时长待工作人员核定', approved: '时长已核定记入', rejected: '时长未核定' }
export const MAX_WISH_IMAGES = 3

const cloudFileId = v.pipe(v.string('图片格式不正确'), v.regex(/^cloud:\/\/\S+$/, '图片格式不正确'), v.maxLength(300, '图片格式不正确'))

/** 我要许愿, checked in the form and in `wish.create`. `today` is the date in China. */
export function wishSchema(today: string) {
  return v.object({
    title: fields.text('心愿标题', 4, 30),
    content: fields.text('心愿内容', 10, 500),
    category: v.picklist(WISH_CATEGORIES, '请选择心愿类别'),
    communityId: fields.community(),
    images: v.optional(v.pipe(v.array(cloudFileId, '图片格式不正确'), v.maxLength(MAX_WISH_IMAGES, `最多上传${MAX_WISH_IMAGES}张图片`)), []),
    contactPhone: fields.phone('联系电话'),
    dueDate: v.optional(v.pipe(fields.date('希望完成日期'), v.check((date) => date >= today, '希望完成日期不能早于今天'))),
  })
}

export type WishInput = v.InferInput<ReturnType<typeof wishSchema>>

/**
 * What the wall's search looks in: the title and the start of the text. Kept on the wish and
 * indexed (an index key must stay short, so not the whole text).
 */
export const wishSearchText = (title: string, content: string) => `${title} ${content.slice(0, 120)}`

/** The owner's change to a wish nobody has taken on: the same rules, but it stays in its community. */
export function wishEditSchema(today: string) {
  return v.object({ wishId: fields.id('心愿编号'), ...v.omit(wishSchema(today), ['communityId', 'images']).entries })
}

export type WishEditInput = v.InferInput<ReturnType<typeof wishEditSchema>>
