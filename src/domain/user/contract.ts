import * as v from 'valibot'
import type { ActionSpec } from '../contract'
import { fields } from '../validation'
import type { Community, CommunityRef } from '../community/types'
import type { CommunityHome } from '../community/home'
import type { SubscribeTemplate } from '../notify/contract'
import type { Role } from '../roles'

export const userInputs = {
  me: v.object({}),
  /** The app's one call when it opens; `templates` when the device's copy of them is older than a day. */
  open: v.object({ templates: v.optional(v.boolean('格式不正确'), false) }),
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

/**
 * Everything the first screen and the tab bar need, in one answer: who the caller is, their
 * community's live home section (null without a community), the 我的 badge's unread count, and the
 * subscribe templates when asked for (null otherwise).
 */
export type Opening = { me: Me; home: CommunityHome | null; unread: number; templates: SubscribeTemplate[] | null }

/** A stored value as it travels: dates as ISO strings. */
export type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain }

/** 我的数据: one section per kind of record, each record's fields as stored (internal keys left out). */
export type MyData = { generatedAt: string; sections: Array<{ title: string; items: Array<{ [key: string]: Plain }> }> }

export type UserApi = {
  me: ActionSpec<v.InferInput<typeof userInputs.me>, Me>
  open: ActionSpec<v.InferInput<typeof userInputs.open>, Opening>
  /** The community stations a person can choose from, with where they are (public information). */
  communities: ActionSpec<v.InferInput<typeof userInputs.communities>, Array<CommunityRef & Pick<Community, 'location' | 'privacyHandler'>>>
  myData: ActionSpec<v.InferInput<typeof userInputs.myData>, MyData>
  deleteAccount: ActionSpec<v.InferInput<typeof userInputs.deleteAccount>, { deleted: true }>
  updateProfile: ActionSpec<v.InferInput<typeof userInputs.updateProfile>, Me>
}

/** 我的数据 in plain words: the stored field names a person reads (others are shown as stored). */
export const MY_DATA_LABELS: Record<string, string> = {
  displayName: '昵称',
  roles: '身份',
  homeCommunityId: '所住社区',
  staffCommunityIds: '工作的社区',
  createdAt: '创建时间',
  status: '状态',
  name: '姓名',
  gender: '性别',
  birthDate: '出生日期',
  idMasked: '身份证号（部分）',
  phone: '手机号',
  contactPhone: '联系电话',
  communityId: '社区',
  address: '小区和楼栋',
  guardian: '监护人',
  memberNo: '会员号',
  joinedAt: '入会日期',
  duesPaidThrough: '会费缴至',
  duesPayments: '缴费记录',
  duesTrackedFrom: '会费记录起始年',
  student: '在校学生',
  leftAt: '退会时间',
  rejectReason: '未通过原因',
  submittedAt: '提交时间',
  reviewedAt: '审核时间',
  idViews: '身份证号被查看记录',
  skills: '技能',
  availability: '可服务时间',
  intro: '自我介绍',
  hours: '时长（小时）',
  points: '积分',
  registeredAt: '注册时间',
  title: '标题',
  content: '内容',
  category: '类别',
  images: '照片',
  thanks: '感谢',
  claimedAt: '认领时间',
  fulfilment: '完成情况',
  reason: '说明',
  at: '时间',
  period: '周期',
  key: '时段',
  from: '开始',
  to: '结束',
  issuedAt: '出具时间',
  communityName: '社区',
  activityId: '活动编号',
  startAt: '开始时间',
  endAt: '结束时间',
  signedUpAt: '报名时间',
  checkedInAt: '签到时间',
  checkedOutAt: '签退时间',
  aedName: 'AED',
  kind: '类型',
  note: '说明',
  sessionId: '培训编号',
  number: '证书编号',
  sessionTitle: '培训',
  issuedOn: '发证日期',
  validUntil: '有效期至',
  body: '内容',
  read: '已读',
}
