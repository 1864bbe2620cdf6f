import * as v from 'valibot'
import type { ActionSpec } from '../contract'
import { fields } from '../validation'
import type { ReviewReason } from './checks'

/** Where a photo others see is kept: a wish's, a wish fulfilment's, an AED's, a problem report's, a person's avatar, a 救护员证's, a 互助金 project's. */
export const PHOTO_PLACE_KEYS = ['wish', 'fulfilment', 'aed', 'aedReport', 'avatar', 'certificate', 'fundProject'] as const
export type PhotoPlaceKey = (typeof PHOTO_PLACE_KEYS)[number]

/** A photo waiting for a staff decision, as staff of its community see it. */
export type WaitingPhoto = {
  place: PhotoPlaceKey
  docId: string
  fileID: string
  /** A temporary link for staff to look at it (null if the file is gone). */
  url: string | null
  title: string
  communityId: string
  reason: ReviewReason
}

/** How many waiting photos one queue answer shows at most; the oldest decisions come first in each place. */
export const PHOTO_QUEUE_SIZE = 50

export const photoInputs = {
  queue: v.object({}),
  decide: v.object({
    place: v.picklist(PHOTO_PLACE_KEYS, '照片位置不正确'),
    docId: fields.id('记录编号'),
    fileID: v.pipe(v.string('图片格式不正确'), v.regex(/^cloud:\/\/\S{1,500}$/, '图片格式不正确')),
    decision: v.picklist(['approve', 'reject'], '请选择通过或不通过'),
  }),
}

export type PhotoApi = {
  queue: ActionSpec<v.InferInput<typeof photoInputs.queue>, { items: WaitingPhoto[]; total: number }>
  decide: ActionSpec<v.InferInput<typeof photoInputs.decide>, { status: 'passed' | 'rejected' }>
}
