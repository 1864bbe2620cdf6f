import { collections, db } from '../../_kit/cloud'
import { ownedId } from '../../_kit/ids'
import { eraseFromAedReports, eraseFromAeds } from './aeds'
import { eraseFromAuditLog } from './audit'
import { ERASED_OPENID, ERASED_TEXT } from './erased'
import { eraseFromFundAid } from './fund'
import { eraseFromRescue, eraseResponder } from './rescue'
import { eraseFromTraining } from './training'
import { eraseActivitySignups, eraseFromLedger, eraseVolunteerRecords } from './volunteering'
import { eraseFromWishes } from './wishes'

export type CollectionName = keyof typeof collections

/**
 * What a collection holds of a person and what 注销 does with it (PIPL 第四十七条: a handler
 * deletes personal information when the person withdraws or closes the account). One entry per
 * collection of `cloudfunctions/database.json` (a test fails when one is missing):
 * - `erase`: every document of theirs goes (or is kept only without openid, name, phone, words or photos);
 * - `nothing personal`: `why` says why;
 * - `tombstone`: the user record, emptied first and removed last (tombstone.ts).
 * `run` erases the person's part of one or more collections; entries sharing a `run` name it once.
 */
export type PersonalData =
  | { holds: string; how: 'erase'; tombstone: true }
  | { holds: string; how: 'erase' | 'anonymise'; run: (openid: string) => Promise<unknown>; shared?: never }
  | { holds: string; how: 'erase' | 'anonymise'; shared: CollectionName }
  | { holds: 'nothing personal'; why: string }

/** Their messages go; messages to others that quote their words keep only that there was a message. */
async function eraseFromInbox(openid: string): Promise<void> {
  const inbox = db.collection(collections.inbox)
  await inbox.where({ openid }).remove()
  await inbox.where({ quoting: openid }).update({ data: { body: ERASED_TEXT, quoting: ERASED_OPENID } })
}

/** An admin hands the role back before closing the account; whatever is left of them goes from the list. */
async function eraseFromCommunityAdmins(openid: string): Promise<void> {
  await db.collection(collections.communities).where({ adminOpenids: openid }).update({ data: { adminOpenids: db.command.pull(openid) } })
}

/** One-time staff invitations they made or used: nothing depends on them once used or expired. */
async function eraseStaffInvites(openid: string): Promise<void> {
  const invites = db.collection(collections.staffInvites)
  await invites.where({ usedBy: openid }).remove()
  await invites.where({ createdBy: openid }).remove()
}

const byOpenid = (name: CollectionName) => (openid: string) => db.collection(collections[name]).where({ openid }).remove()

export const PERSONAL_DATA: Record<CollectionName, PersonalData> = {
  users: { holds: 'openid (_id), nickname, avatar, roles', how: 'erase', tombstone: true },
  applications: { holds: 'name, phone, sealed ID number, birth date, address, guardian, dues', how: 'erase', run: byOpenid('applications') },
  volunteers: { holds: 'name, phone, skills, availability, birth year, guardian, ID number (sealed) when given', how: 'erase', run: eraseVolunteerRecords },
  honourTotals: { holds: 'openid, masked name, hours', how: 'erase', shared: 'volunteers' },
  serviceCertificates: { holds: 'openid, full name (志愿服务证明, revoked by removal)', how: 'erase', shared: 'volunteers' },
  hoursLedger: { holds: 'openid, who credited (service records)', how: 'anonymise', run: eraseFromLedger },
  activitySignups: { holds: 'openid (in _id), attendance times', how: 'erase', run: eraseActivitySignups },
  activities: { holds: 'openid as a seat key', how: 'erase', shared: 'activitySignups' },
  wishes: { holds: 'owner/claimer openid and name, contact phone, texts, photos, history', how: 'anonymise', run: eraseFromWishes },
  aeds: { holds: 'suggester/reporter in history, suggester openid (suggestedBy), suggestion photo, guardian openid', how: 'anonymise', run: eraseFromAeds },
  aedReports: { holds: 'reporter openid, note, photo', how: 'anonymise', run: eraseFromAedReports },
  signups: { holds: 'openid, name, phone (training sign-ups)', how: 'anonymise', run: eraseFromTraining },
  certificates: { holds: 'openid, name, photo (救护员证 records); recordedBy (staff)', how: 'erase', shared: 'signups' },
  inbox: { holds: 'openid, messages to them; their words quoted in messages to others', how: 'erase', run: eraseFromInbox },
  outbox: { holds: 'openid, queued messages to them', how: 'erase', run: byOpenid('outbox') },
  subscriptions: { holds: 'openid (_id), message grants', how: 'erase', run: (openid) => db.collection(collections.subscriptions).where({ _id: openid }).remove() },
  lessonProgress: { holds: 'openid, quiz results', how: 'erase', run: byOpenid('lessonProgress') },
  communities: { holds: 'openids of its admins (the settings and 隐私 contact are the organisation\'s)', how: 'erase', run: eraseFromCommunityAdmins },
  counters: { holds: 'nothing personal', why: 'number sequences only' },
  lessons: { holds: 'nothing personal', why: 'written by editors (staff), whose accounts cannot be closed while they hold the role' },
  lessonVersions: { holds: 'nothing personal', why: 'edits by editors (staff): see lessons' },
  trainings: { holds: 'nothing personal', why: 'sessions created by staff; sign-ups are in `signups`' },
  mediaVerdicts: { holds: 'nothing personal', why: 'a photo check\'s trace id and verdict, forgotten after a day (photos job)' },
  certificateRequests: { holds: 'openid, name, masked ID number, the period asked for (志愿服务证明 requests)', how: 'erase', run: byOpenid('certificateRequests') },
  fundAid: { holds: 'applicant openid, name, phone, reason (博爱互助金 aid requests)', how: 'anonymise', run: eraseFromFundAid },
  fundEntries: { holds: 'nothing personal', why: 'the fund\'s ledger, recorded by staff and never linked to an account: the donor or beneficiary named there is an accounting record kept as the law requires (《会计档案管理办法》 2015, 30 years; PIPL 第四十七条)' },
  fundHeads: { holds: 'nothing personal', why: 'each community\'s ledger head: number, hash and balance' },
  fundStatements: { holds: 'nothing personal', why: 'month-end heads of the ledger' },
  jobMarks: { holds: 'nothing personal', why: 'when each scheduled job next has work: a time and a counter per job' },
  beacons: { holds: 'nothing personal', why: 'a count the app reads directly to know something happened (a 紧急呼 was sent): no person, place or alert in it' },
  stats: { holds: 'nothing personal', why: 'each community\'s 家园数据: counts, totals, targets and upcoming activities\' titles' },
  fundProjects: { holds: 'nothing personal', why: 'fundraising projects and their photos, published by staff in the station\'s name' },
  staffInvites: { holds: 'openid of who made or used a staff invitation', how: 'erase', run: eraseStaffInvites },
  fundReceipts: { holds: 'nothing personal', why: 'donation receipts issued by staff for ledger entries: accounting records like the entries' },
  auditLog: { holds: 'openid and name of the staff member who acted (操作记录)', how: 'anonymise', run: eraseFromAuditLog },
  imports: { holds: 'nothing personal', why: 'which file staff imported and its counts; staff accounts cannot be closed while they hold the role (see lessons)' },
  importedPeople: { holds: 'name, phone, member number, opening hours of a person the station kept on paper; once linked, their openid', how: 'erase', run: (openid) => db.collection(collections.importedPeople).where({ linkedOpenid: openid }).remove() },
  responders: { holds: 'openid, 紧急呼 consent, chosen places (label and position), radius, staff\'s medic verification', how: 'erase', run: eraseResponder },
  responderPlaces: { holds: 'openid, a chosen place\'s position (紧急呼 matching)', how: 'erase', shared: 'responders' },
  rescueAlerts: { holds: 'raiser openid, the patient\'s position and note (紧急呼 alerts)', how: 'anonymise', run: eraseFromRescue },
  rescueRecipients: { holds: 'responder openid, answer, role, times, debrief', how: 'anonymise', shared: 'rescueAlerts' },
}

/** Every eraser, once each. */
export const ERASERS = [...new Set(Object.values(PERSONAL_DATA).flatMap((entry) => ('run' in entry && entry.run ? [entry.run] : [])))]

/** Runs every eraser; safe to run again (each finds only what is left). */
export async function eraseEverywhere(openid: string): Promise<void> {
  // Side by side: each eraser has collections of its own (shared ones name a single run), so none
  // waits on another; the caller waits for the deepest one only. A stop half way leaves the rest
  // for the retry, as before.
  await Promise.all(ERASERS.map((erase) => erase(openid)))
}

/**
 * 我的数据 (PIPL 第四十五条, 查阅、复制): what each collection holds of the person, as they may see it.
 * Every collection the registry says holds them has at least one part here (a test checks); other
 * people's data on the same records (a wish owner's phone on a wish they helped with) is left out.
 */
export type MyDataPart = {
  title: string
  collection: CollectionName
  where: (openid: string) => Record<string, unknown>
  /** Only these fields, where a record also holds other people's data; otherwise all but `INTERNAL_FIELDS`. */
  fields?: string[]
}

/** Keys and secrets that say nothing about the person (the sealed ID is shown masked). */
export const INTERNAL_FIELDS = ['_id', 'openid', 'idCipher', 'idHash', 'seatToken', 'recordVersion', 'numberingAt', 'history', 'reviewedBy', 'traceId', 'nextCheckAt', 'attempts']

export const MY_DATA: MyDataPart[] = [
  { title: '账号', collection: 'users', where: (openid) => ({ _id: openid }) },
  { title: '入会申请与会员', collection: 'applications', where: (openid) => ({ openid }) },
  { title: '志愿者资料', collection: 'volunteers', where: (openid) => ({ openid }) },
  { title: '服务时长记录', collection: 'hoursLedger', where: (openid) => ({ openid }) },
  { title: '光荣榜', collection: 'honourTotals', where: (openid) => ({ openid }) },
  { title: '志愿服务证明', collection: 'serviceCertificates', where: (openid) => ({ openid }), fields: ['name', 'communityName', 'from', 'to', 'hours', 'issuedAt'] },
  { title: '活动报名', collection: 'activitySignups', where: (openid) => ({ openid }) },
  { title: '我发布的心愿', collection: 'wishes', where: (openid) => ({ ownerOpenid: openid }), fields: ['title', 'content', 'category', 'status', 'contactPhone', 'images', 'thanks', 'createdAt'] },
  { title: '我认领的心愿', collection: 'wishes', where: (openid) => ({ claimerOpenid: openid }), fields: ['title', 'status', 'claimedAt', 'fulfilment'] },
  { title: 'AED建议与记录', collection: 'aeds', where: (openid) => ({ 'history.by': openid }), fields: ['name', 'address', 'verified', 'createdAt'] },
  { title: 'AED报告', collection: 'aedReports', where: (openid) => ({ reporterOpenid: openid }), fields: ['aedName', 'kind', 'note', 'photo.fileID', 'status', 'createdAt'] },
  { title: '培训报名', collection: 'signups', where: (openid) => ({ openid }) },
  { title: '救护员证', collection: 'certificates', where: (openid) => ({ openid }) },
  { title: '消息', collection: 'inbox', where: (openid) => ({ openid }) },
  { title: '待发送的消息', collection: 'outbox', where: (openid) => ({ openid }) },
  { title: '消息订阅', collection: 'subscriptions', where: (openid) => ({ _id: openid }) },
  { title: '学习记录', collection: 'lessonProgress', where: (openid) => ({ openid }) },
  { title: '志愿服务证明申请', collection: 'certificateRequests', where: (openid) => ({ openid }) },
  { title: '我作为工作人员的操作记录', collection: 'auditLog', where: (openid) => ({ actorOpenid: openid }), fields: ['fn', 'action', 'communityId', 'target', 'summary', 'at'] },
  { title: '工作站导入的本人记录', collection: 'importedPeople', where: (openid) => ({ linkedOpenid: openid }), fields: ['name', 'phone', 'member', 'volunteer', 'linkedAt'] },
  { title: '紧急呼救护员设置', collection: 'responders', where: (openid) => ({ _id: ownedId('rp', openid) }), fields: ['enrolled', 'consentAt', 'onDuty', 'areas', 'radiusMeters', 'medic', 'answered'] },
  { title: '紧急呼接收地点', collection: 'responderPlaces', where: (openid) => ({ openid }), fields: ['location', 'radiusMeters', 'onDuty'] },
  { title: '我发起的紧急呼', collection: 'rescueAlerts', where: (openid) => ({ raiserOpenid: openid }), fields: ['kind', 'drill', 'location', 'note', 'status', 'raisedAt', 'closedAt', 'closedBy'] },
  { title: '我收到的紧急呼', collection: 'rescueRecipients', where: (openid) => ({ openid }), fields: ['distanceMeters', 'answer', 'role', 'alertedAt', 'answeredAt', 'aedFetchedAt', 'arrivedAt', 'debrief'] },
  { title: '我管理的社区', collection: 'communities', where: (openid) => ({ adminOpenids: openid }), fields: ['name'] },
  { title: '工作人员邀请', collection: 'staffInvites', where: (openid) => ({ usedBy: openid }), fields: ['communityId', 'role', 'usedAt'] },
  { title: '互助金救助申请', collection: 'fundAid', where: (openid) => ({ applicantOpenid: openid }), fields: ['communityName', 'name', 'phone', 'category', 'amountFen', 'reason', 'status', 'createdAt'] },
]
