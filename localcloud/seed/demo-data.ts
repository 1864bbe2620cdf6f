import dayjs from 'dayjs'
import type { Community } from '@/domain/community/types'
import { todayInChina } from '@/domain/dates'
import { formatMemberNo, memberCounterId } from '@/domain/member/member-number'
import type { UserDoc } from '@/domain/user/types'
import { wishSearchText } from '@/domain/wish/rules'
import { ownedId } from '../../cloudfunctions/_kit/ids'

/**
 * The three community stations of the seeds, in 柯桥区, Shaoxing (GCJ-02 coordinates). 港越 (1.0,
 * run offline) checks new volunteers first; 玉兰 and 大渡 take them at once. Each issues 志愿服务证明 in
 * the name of its community Red Cross organisation (港越's name as the seeds give it; 负责人 are demo
 * names, and no seal image: staff upload the real one in 证明设置).
 */
export const DEMO_COMMUNITIES: Community[] = [
  { _id: 'gangyue', name: '港越社区', code: 'GY', district: '绍兴市柯桥区', edition: '1.0', location: { latitude: 30.0727, longitude: 120.4935 }, volunteerApprovalRequired: true, dues: { adultFen: 1000, youthFen: 500 }, privacyHandler: { organisation: '柯桥区红十字会港越社区红十字会', contact: '港越社区党群服务中心一楼，工作日 8:30–17:00' }, certificateIssuer: { orgName: '柯桥街道港越社区红十字会', leaderName: '陈国华', sealFileId: null } },
  { _id: 'yulan', name: '玉兰社区', code: 'YL', district: '绍兴市柯桥区', edition: '2.0', location: { latitude: 30.0815, longitude: 120.4862 }, volunteerApprovalRequired: false, dues: { adultFen: 500, youthFen: 200 }, privacyHandler: { organisation: '柯桥区红十字会玉兰社区红十字会', contact: '玉兰社区服务中心二楼红十字服务站，工作日 8:30–17:00' }, certificateIssuer: { orgName: '柯桥区玉兰社区红十字会', leaderName: '沈丽华', sealFileId: null } },
  { _id: 'dadu', name: '大渡社区', code: 'DD', district: '绍兴市柯桥区', edition: '3.0', location: { latitude: 30.0656, longitude: 120.5068 }, volunteerApprovalRequired: false, dues: { adultFen: 1000, youthFen: 500 }, privacyHandler: { organisation: '柯桥区红十字会大渡社区红十字会', contact: '大渡社区博爱家园服务台，工作日 8:30–17:00' }, certificateIssuer: { orgName: '柯桥区大渡社区红十字会', leaderName: '王建明', sealFileId: null }, psychSupportContact: '大渡社区心理援建志愿服务队，工作日 8:30–17:00 到服务台预约' },
]

export type DemoIdentity = { openid: string; label: string; role: string }

type DemoUser = Omit<UserDoc, 'createdAt'> & { label: string }

/** The seeded identities of DESIGN.md; the H5 identity switcher offers exactly these. */
export const DEMO_USERS: DemoUser[] = [
  { _id: 'demo-resident', displayName: '王秀英', label: '居民', roles: [], homeCommunityId: 'yulan', staffCommunityIds: [] },
  { _id: 'demo-volunteer', displayName: '李志强', label: '志愿者', roles: ['volunteer'], homeCommunityId: 'dadu', staffCommunityIds: [] },
  { _id: 'demo-member', displayName: '陈美华', label: '红十字会员', roles: ['member'], homeCommunityId: 'gangyue', staffCommunityIds: [] },
  {
    _id: 'demo-staff',
    displayName: '张敏',
    label: '工作人员',
    // Also edits the shared first-aid lessons (a separate role: most staff do not).
    roles: ['staff', 'editor'],
    homeCommunityId: 'yulan',
    staffCommunityIds: DEMO_COMMUNITIES.map((c) => c._id),
    // 管理员 of the three stations: runs their settings and invites their staff (社区设置, 工作人员).
    adminCommunityIds: DEMO_COMMUNITIES.map((c) => c._id),
    editorCommunityIds: ['yulan'],
  },
  // The second lesson editor: medical content is published by two people (DESIGN.md §3), so a
  // change 张敏 proposes waits for her approval, and hers for his.
  { _id: 'demo-editor', displayName: '周建华', label: '课程编辑', roles: ['editor'], homeCommunityId: 'dadu', staffCommunityIds: [], editorCommunityIds: ['dadu'] },
  // A second staff member: aid above the threshold needs two different people to approve it (博爱互助金).
  { _id: 'demo-staff-2', displayName: '刘建国', label: '复核人员', roles: ['staff'], homeCommunityId: 'gangyue', staffCommunityIds: DEMO_COMMUNITIES.map((c) => c._id) },
  // 柯桥区红十字会: receives the 备案 of the three stations' members.
  { _id: 'demo-district', displayName: '周建国', label: '区红十字会', roles: ['district'], homeCommunityId: null, staffCommunityIds: [], districts: ['绍兴市柯桥区'] },
]

export const DEMO_IDENTITIES: DemoIdentity[] = DEMO_USERS.map((u) => ({ openid: u._id, label: `${u.label} · ${u.displayName}`, role: u.label }))

/** demo-volunteer's profile in 大渡社区; its service so far is in the seeded hours ledger. */
export const DEMO_VOLUNTEERS = [
  {
    // The id the volunteer function gives a profile, so crediting finds it as it would in production.
    _id: ownedId('vo', 'demo-volunteer'),
    openid: 'demo-volunteer',
    status: 'active',
    name: '李志强',
    phone: '13857500002',
    communityId: 'dadu',
    skills: ['维修', '驾驶', '代买代办'],
    availability: ['sat-am', 'sat-pm', 'sun-am', 'wed-eve'],
    intro: '退休电工，周末有空，可以帮忙修修家电、开车送老人看病。',
    // Hours and points come from the seeded ledger (demo-activities.ts), as the ledger kit keeps them.
    rejectReason: null,
  },
]

type DemoWish = {
  title: string
  content: string
  category: string
  communityId: string
  owner: DemoUser
  status: 'open' | 'claimed' | 'completed' | 'pending_review'
  daysAgo: number
}

const [resident, volunteer, member] = DEMO_USERS

const DEMO_WISH_LIST: DemoWish[] = [
  { title: '陪我去中医院复查', content: '下周二上午要去柯桥区中医院复查腰椎，子女都在外地，想请志愿者陪我去挂号、取药。', category: '就医陪护', communityId: 'yulan', owner: resident, status: 'open', daysAgo: 1 },
  { title: '楼道灯坏了想请人换一下', content: '玉兰花园3幢2单元三楼楼道灯坏了快一周，晚上上下楼看不清，我年纪大了爬不了梯子。', category: '生活帮扶', communityId: 'yulan', owner: resident, status: 'open', daysAgo: 2 },
  { title: '孙子数学作业辅导', content: '孙子读五年级，分数应用题总是不会，我们辅导不了，希望有志愿者周末能帮忙讲一讲，一次一小时就好。', category: '学业辅导', communityId: 'dadu', owner: member, status: 'open', daysAgo: 3 },
  { title: '想要一台旧的收音机', content: '老伴眼睛不好，平时喜欢听越剧，家里的收音机坏了，谁家有不用的旧收音机可以送给我们吗？', category: '物品需求', communityId: 'gangyue', owner: member, status: 'claimed', daysAgo: 4 },
  { title: '每周陪老人聊聊天', content: '独居的老母亲八十多岁了，白天一个人在家很孤单，希望有志愿者每周能来陪她聊聊天、读读报。', category: '心理陪伴', communityId: 'dadu', owner: resident, status: 'completed', daysAgo: 12 },
  { title: '帮忙修一下漏水的水龙头', content: '厨房水龙头一直滴水，关不紧，想请会修的志愿者帮忙看看，材料费我来出。', category: '生活帮扶', communityId: 'dadu', owner: member, status: 'open', daysAgo: 0 },
]

const RANK = { open: 0, claimed: 1, completed: 3, pending_review: 4 } as const

/** Wishes across the three communities, in several states, enough to click through. */
export function demoWishes(now: Date) {
  const day = 24 * 60 * 60 * 1000
  return DEMO_WISH_LIST.map((w, i) => {
    const createdAt = new Date(now.getTime() - w.daysAgo * day)
    const claimed = w.status === 'claimed' || w.status === 'completed'
    const history = [{ at: createdAt, action: 'create', to: 'open', by: w.owner._id, byName: w.owner.displayName }]
    if (claimed) history.push({ at: new Date(createdAt.getTime() + day / 2), action: 'claim', to: 'claimed', by: volunteer._id, byName: volunteer.displayName })
    if (w.status === 'completed') {
      history.push({ at: new Date(createdAt.getTime() + 3 * day), action: 'fulfil', to: 'fulfilled', by: volunteer._id, byName: volunteer.displayName })
      history.push({ at: new Date(createdAt.getTime() + 4 * day), action: 'confirm', to: 'completed', by: w.owner._id, byName: w.owner.displayName })
    }
    return {
      _id: `demo-wish-${i + 1}`,
      ownerOpenid: w.owner._id,
      ownerName: w.owner.displayName,
      title: w.title,
      content: w.content,
      searchText: wishSearchText(w.title, w.content),
      category: w.category,
      communityId: w.communityId,
      communityName: DEMO_COMMUNITIES.find((c) => c._id === w.communityId)?.name ?? '',
      images: [],
      contactPhone: `1385750${String(1000 + i)}`,
      dueDate: null,
      status: w.status,
      rank: RANK[w.status],
      claimerOpenid: claimed ? volunteer._id : null,
      claimerName: claimed ? volunteer.displayName : null,
      claimedAt: claimed ? new Date(createdAt.getTime() + day / 2) : null,
      claimDeadline: w.status === 'claimed' ? new Date(createdAt.getTime() + 7.5 * day) : null,
      fulfilment: w.status === 'completed' ? { note: '每周三下午去陪阿姨聊天，已经坚持一个月了。', photos: [], at: new Date(createdAt.getTime() + 3 * day), minutes: 60 } : null,
      // Its hour was approved by staff (the seeded ledger holds the credit).
      ...(w.status === 'completed' ? { hoursStatus: 'approved' as const, hoursReviewedBy: 'demo-staff', hoursReason: null } : {}),
      thanks: w.status === 'completed' ? '谢谢小李，老太太现在天天盼着周三！' : null,
      history,
      createdAt,
    }
  })
}

/**
 * 陈美华 (demo-member) joined 港越社区 as a 红十字会员 last year: her approved application and the
 * member-number counter it used, so her page shows her member card (not 申请入会). Her full ID
 * number is not kept (stored as erased), only its masked form: the demo needs no real one.
 */
export function demoMembership(now: Date) {
  const joinedAt = dayjs(todayInChina(now)).subtract(8, 'month').format('YYYY-MM-DD')
  const year = Number(joinedAt.slice(0, 4))
  const submittedAt = dayjs(joinedAt).subtract(3, 'day').toDate()
  const reviewedAt = dayjs(joinedAt).toDate()
  return {
    application: {
      _id: ownedId('ap', 'demo-member'),
      openid: 'demo-member',
      status: 'approved',
      name: '陈美华',
      gender: 'female',
      birthDate: '1961-04-18',
      phone: '13857500003',
      communityId: 'gangyue',
      address: '港越新村5幢',
      guardian: null,
      memberNo: formatMemberNo('GY', year, 1),
      joinedAt,
      // Dues paid at the station for the year of joining (receipt from its book).
      duesPaidThrough: year,
      duesPayments: [{ year, amountFen: 1000, receiptNo: `GY${year}-0001`, at: reviewedAt, by: 'demo-staff', byName: '工作人员 张敏' }],
      student: false,
      recordVersion: 2,
      rejectReason: null,
      idCipher: null,
      idHash: 'demo-member-erased',
      idMasked: '3306**********0427',
      idViews: [],
      history: [
        { at: submittedAt, action: 'submitted', by: 'demo-member', byName: '本人' },
        { at: reviewedAt, action: 'approved', by: 'demo-staff', byName: '张敏' },
      ],
      submittedAt,
      reviewedBy: 'demo-staff',
      reviewedAt,
    },
    counter: { _id: memberCounterId('GY', year), seq: 1 },
  }
}

/** Upcoming training sessions: a certified 救护员培训 and an open 普及培训. */
export function demoTrainings(now: Date) {
  const inDays = (days: number) => todayInChina(new Date(now.getTime() + days * 24 * 60 * 60 * 1000))
  return [
    { _id: 'training-dadu-rescuer', kind: 'rescuer', title: '红十字救护员培训（第12期）', communityId: 'dadu', date: inDays(10), dates: [inDays(10), inDays(11)], time: '08:30-17:00', place: '大渡社区博爱家园培训教室', capacity: 30, seatsLeft: 30, requirements: '年满16周岁，全程参加两天理论与实操，考核通过颁发救护员证', createdBy: 'demo-staff' },
    { _id: 'training-yulan-popular', kind: 'popular', title: '应急救护普及培训：心肺复苏与AED', communityId: 'yulan', date: inDays(5), dates: [inDays(5)], time: '14:00-16:00', place: '玉兰社区“大爱玉兰”直播间', capacity: 40, seatsLeft: 40, requirements: '欢迎所有居民参加', createdBy: 'demo-staff' },
  ]
}
