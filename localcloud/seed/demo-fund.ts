import dayjs from 'dayjs'
import { todayInChina } from '@/domain/dates'
import { nextEntry } from '@/domain/fund/chain'
import { approvalsNeeded } from '@/domain/fund/aid'
import { shownParty, type Channel, type ExpenseCategory, type IncomeCategory } from '@/domain/fund/rules'
import type { ProjectDoc } from '../../cloudfunctions/fund/projects'
import { emptyHead, entryDocOf, headAfter, type EntryDoc, type HeadDoc, type StatementDoc } from '../../cloudfunctions/fund/ledger-docs'

/**
 * Demo ledgers of the three stations, built with the same chain code the function uses (so they
 * verify): 港越 (1.0) raised 321,406.40 元 and aided 108 people over its history, as the seeds
 * report for its 博爱互助金; 玉兰 (2.0) raised 2.6 万元 online for a 红十字助学 project through
 * 腾讯公益; 大渡 (3.0) a small, young fund. Each month before this one has its 月度结算.
 */

/** A small deterministic generator: the same demo every time. */
function generator(seed: number) {
  let state = seed
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐'
const GIVEN = ['秀英', '桂英', '建国', '志强', '美华', '国庆', '海燕', '雪梅', '金根', '阿三', '永康', '丽娟', '水根', '月仙', '宝林']
const DONORS = ['港越社区党总支', '绍兴柯桥恒达纺织有限公司', '柯桥区红十字会', '港越社区红十字志愿服务联盟', '爱心居民']
const EXPENSE_CATEGORIES: ExpenseCategory[] = ['大病', '大病', '大病', '困难', '困难', '助学', '意外', '灾害', '其他']

type Draft = { date: string; kind: 'income' | 'expense'; amountFen: number; category: IncomeCategory | ExpenseCategory; party: string; channel: Channel; reference: string; note: string; projectId: string | null }

const STAFF = { recordedBy: 'demo-staff', recordedByName: '张敏' }

function build(communityId: string, drafts: Draft[]): { entries: EntryDoc[]; head: HeadDoc; statements: StatementDoc[] } {
  const sorted = [...drafts].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  let head = emptyHead(communityId)
  const entries: EntryDoc[] = []
  const statements: StatementDoc[] = []
  const thisMonth = todayInChina().slice(0, 7)
  sorted.forEach((d, i) => {
    if (head.seq > 0 && head.month < d.date.slice(0, 7)) statements.push({ _id: `${communityId}-${head.month}`, communityId, month: head.month, seq: head.seq, hash: head.hash, balanceFen: head.balanceFen })
    const partyShown = shownParty(d.kind, d.party)
    const publicEntry = nextEntry(head, { communityId, kind: d.kind, amountFen: d.amountFen, date: d.date, category: d.category, partyShown, channel: d.channel, reference: d.reference, note: d.note, projectId: d.projectId, reverses: null, recordedOn: d.date })
    const entry = entryDocOf(publicEntry, { party: d.party, aidId: null, requestId: `demo-${communityId}-${i + 1}`, ...STAFF })
    entries.push(entry)
    head = headAfter(head, entry)
  })
  if (head.seq > 0 && head.month < thisMonth) statements.push({ _id: `${communityId}-${head.month}`, communityId, month: head.month, seq: head.seq, hash: head.hash, balanceFen: head.balanceFen })
  return { entries, head, statements }
}

/** Splits `total` 分 into `n` positive whole amounts, in 10 元 steps but the last (exact total). */
function split(total: number, n: number, random: () => number): number[] {
  const weights = Array.from({ length: n }, () => 0.3 + random())
  const sum = weights.reduce((a, b) => a + b, 0)
  const parts = weights.map((w) => Math.max(1000, Math.round((total * w) / sum / 1000) * 1000))
  parts[n - 1] = total - parts.slice(0, n - 1).reduce((a, b) => a + b, 0)
  return parts
}

function daysBetween(from: string, to: string, n: number, random: () => number): string[] {
  const span = dayjs(to).diff(dayjs(from), 'day')
  return Array.from({ length: n }, () => dayjs(from).add(Math.floor(random() * span), 'day').format('YYYY-MM-DD'))
}

/** 港越: 321,406.40 元 raised over the years, 108 payments of aid. */
function gangyue(today: string): Draft[] {
  const random = generator(321406)
  const end = dayjs(today).subtract(1, 'day').format('YYYY-MM-DD')
  const incomeDates = daysBetween('2021-01-04', end, 140, random)
  const incomes = split(32_140_640, 140, random).map((amountFen, i): Draft => {
    const roll = random()
    const company = roll < 0.15
    const online = roll > 0.85
    const name = company ? DONORS[Math.floor(random() * DONORS.length)] : random() < 0.35 ? '' : `${SURNAMES[Math.floor(random() * SURNAMES.length)]}${GIVEN[Math.floor(random() * GIVEN.length)]}`
    return {
      date: incomeDates[i],
      kind: 'income',
      amountFen,
      category: company ? '单位捐赠' : online ? '网络募捐' : '个人捐赠',
      party: online ? '' : name,
      channel: online ? '腾讯公益' : company ? '银行转账' : random() < 0.5 ? '现金' : '银行转账',
      reference: `GY-SR-${String(i + 1).padStart(4, '0')}`,
      note: company ? '博爱一日捐' : '',
      projectId: null,
    }
  })
  // Spending follows the money: each payment is dated after a good share of the income had come in.
  const expenseDates = daysBetween('2021-03-01', end, 108, random)
  const expenses = split(24_860_000, 108, random).map((amountFen, i): Draft => ({
    date: expenseDates[i],
    kind: 'expense',
    amountFen,
    category: EXPENSE_CATEGORIES[Math.floor(random() * EXPENSE_CATEGORIES.length)],
    party: `${SURNAMES[Math.floor(random() * SURNAMES.length)]}${GIVEN[Math.floor(random() * GIVEN.length)]}`,
    channel: '银行转账',
    reference: `GY-ZC-${String(i + 1).padStart(4, '0')}`,
    note: '',
    projectId: null,
  }))
  return [...incomes, ...expenses]
}

export const YULAN_PROJECT_ID = 'yulan-zhuxue'

function yulan(today: string): Draft[] {
  const random = generator(26000)
  const end = dayjs(today).subtract(1, 'day').format('YYYY-MM-DD')
  const start = dayjs(today).subtract(5, 'month').startOf('month').format('YYYY-MM-DD')
  const online = split(2_600_000, 36, random).map((amountFen, i): Draft => ({ date: daysBetween(start, end, 1, random)[0], kind: 'income', amountFen, category: '网络募捐', party: '', channel: '腾讯公益', reference: `TXGY-${202600 + i}`, note: '红十字助学（腾讯公益）', projectId: YULAN_PROJECT_ID }))
  const local = split(860_000, 8, random).map((amountFen, i): Draft => ({ date: daysBetween(start, end, 1, random)[0], kind: 'income', amountFen, category: '个人捐赠', party: i % 2 ? '' : `${SURNAMES[i]}${GIVEN[i]}`, channel: '现金', reference: `YL-SR-${i + 1}`, note: '爱心特卖', projectId: null }))
  const spent = split(1_200_000, 6, random).map((amountFen, i): Draft => ({ date: daysBetween(dayjs(start).add(1, 'month').format('YYYY-MM-DD'), end, 1, random)[0], kind: 'expense', amountFen, category: '助学', party: `${SURNAMES[i + 5]}${GIVEN[i + 3]}`, channel: '银行转账', reference: `YL-ZC-${i + 1}`, note: '', projectId: YULAN_PROJECT_ID }))
  return [...online, ...local, ...spent]
}

function dadu(today: string): Draft[] {
  const random = generator(6332)
  const end = dayjs(today).subtract(1, 'day').format('YYYY-MM-DD')
  const start = dayjs(today).subtract(3, 'month').startOf('month').format('YYYY-MM-DD')
  const gifts = split(1_520_000, 12, random).map((amountFen, i): Draft => ({ date: daysBetween(start, end, 1, random)[0], kind: 'income', amountFen, category: i < 2 ? '单位捐赠' : '个人捐赠', party: i < 2 ? '大渡社区股份经济合作社' : i % 3 ? '' : `${SURNAMES[i + 2]}${GIVEN[i]}`, channel: i < 2 ? '银行转账' : '现金', reference: `DD-SR-${i + 1}`, note: '', projectId: null }))
  const aid = split(410_000, 4, random).map((amountFen, i): Draft => ({ date: daysBetween(dayjs(start).add(1, 'month').format('YYYY-MM-DD'), end, 1, random)[0], kind: 'expense', amountFen, category: (['意外', '大病', '困难', '灾害'] as const)[i], party: `${SURNAMES[i + 10]}${GIVEN[i + 6]}`, channel: '银行转账', reference: `DD-ZC-${i + 1}`, note: '', projectId: null }))
  return [...gifts, ...aid]
}

export function demoFund(now: Date) {
  const today = todayInChina(now)
  const ledgers = [build('gangyue', gangyue(today)), build('yulan', yulan(today)), build('dadu', dadu(today))]
  const projectStart = dayjs(today).subtract(5, 'month').startOf('month')
  const project: ProjectDoc = {
    _id: YULAN_PROJECT_ID,
    communityId: 'yulan',
    title: '红十字助学',
    story: '为玉兰社区困难家庭的孩子筹集学费和学习用品。项目在腾讯公益上线，善款到账后由社区红十字工作人员登记，每一笔都在这里公开。',
    targetFen: 3_000_000,
    startDate: projectStart.format('YYYY-MM-DD'),
    endDate: projectStart.add(11, 'month').endOf('month').format('YYYY-MM-DD'),
    // The platform's own page; staff add its mini-program AppID and path from the project's 腾讯公益 listing.
    platform: { name: '腾讯公益', appId: '', path: '', url: 'https://gongyi.qq.com/' },
    images: [],
    updatedBy: 'demo-staff',
  }
  // A request waiting for decisions: above 5,000 元, so two different staff approve it.
  const aid = {
    _id: 'demo-aid-yulan-1',
    communityId: 'yulan',
    communityName: '玉兰社区',
    applicantOpenid: 'demo-resident',
    recordedBy: 'demo-resident',
    name: '王秀英',
    phone: '13957500011',
    category: '大病',
    amountFen: 800_000,
    reason: '老伴脑梗住院两周，医保报销后自付部分约两万元，家里积蓄不够，申请互助金救助。',
    status: 'pending',
    approvalsNeeded: approvalsNeeded(800_000),
    approvedBy: [],
    approvals: 0,
    entrySeq: null,
    history: [{ at: now, action: 'apply', by: 'demo-resident', byName: '王**', note: '' }],
    createdAt: now,
  }
  return {
    entries: ledgers.flatMap((l) => l.entries),
    heads: ledgers.map((l) => l.head),
    statements: ledgers.flatMap((l) => l.statements),
    projects: [project],
    aid: [aid],
  }
}
