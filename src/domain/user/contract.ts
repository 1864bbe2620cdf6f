import * as v from 'valibot'
import type { ActionSpec } from '../contract'
import { fields } from '../validation'
import type { Community, CommunityRef } from '../community/types'
import type { Role } from '../roles'

export const userInputs = {
  me: v.object({}),
  communities: v.object({}),
  /** 注销: the person confirms on purpose (the app asks first). */
  deleteAccount: v.object({ confirm: v.literal(true, '请确认注销') }),
  /** 我的数据: everything stored about the caller (PIPL 第四十五条). */
  myData: v.object({}),
  /** 个人资料: any of nickname, avatar (an uploaded photo) and home community. */
  updateProfile: v.pipe(
    v.object({
      displayName: v.optional(fields.text('昵称', 1, 20)),
      avatar: v.optional(v.pipe(v.string('头像格式不正确'), v.regex(/^cloud:\/\/\S+$/, '头像格式不正确'), v.maxLength(300, '头像格式不正确'))),
      homeCommunityId: v.optional(fields.community()),
    }),
    v.check((input) => input.displayName !== undefined || input.avatar !== undefined || input.homeCommunityId !== undefined, '没有要修改的内容'),
  ),
}

/** Who the caller is, as the app shows it on 我的. */
export type Me = {
  userId: string
  displayName: string
  roles: Role[]
  /** Communities the person lives in or works for. */
  communities: CommunityRef[]
  /** The subset of `communities` the person may act on as staff. */
  staffCommunityIds: string[]
  createdAt: string
  /** The community they live in; null until they choose one (the welcome asks). */
  homeCommunityId: string | null
  /** Their avatar once its check passed. */
  avatarUrl: string | null
  /** An avatar they chose is still being checked. */
  avatarChecking: boolean
  /** Where this person's photos go in cloud storage: only photos from there can be attached. */
  uploadFolder: string
}

/** `user.me`: who the caller is, and how many of their messages are unread (the tab badge). */
export type MeAtOpen = Me & { unread: number }

/** A stored value as it travels: dates as ISO strings. */
export type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain }

/** 我的数据: one section per kind of record, each record's fields as stored (internal keys left out). */
export type MyData = { generatedAt: string; sections: Array<{ title: string; items: Array<{ [key: string]: Plain }> }> }

export type UserApi = {
  me: ActionSpec<v.InferInput<typeof userInputs.me>, MeAtOpen>
  /** The community stations a person can choose from, with where they are (public information). */
  communities: ActionSpec<v.InferInput<typeof userInputs.communities>, Array<CommunityRef & Pick<Community, 'location' | 'privacyHandler'>>>
  myData: ActionSpec<v.InferInput<typeof userInputs.myData>, MyData>
  deleteAccount: ActionSpec<v.InferInput<typeof userInputs.deleteAccount>, { deleted: true }>
  updateProfile: ActionSpec<v.InferInput<typeof userInputs.updateProfile>, Me>
}
